"""The member area shows skills and topics by their names in the reader's language,
never by their slugs, and marks what members wrote with the language they wrote it in."""

from django.utils import translation
from wagtail.models import Locale

from home.demo_translations import translate
from home.models import Skill, SkillName, Topic, TopicName
from members.models import Event
from tests.members.factories import EventFactory, ProfileFactory


def translate_name(tag, language, name):
    model = SkillName if isinstance(tag, Skill) else TopicName
    row = model.objects.get(**{tag._meta.model_name: tag}, locale=Locale.get_default())
    assert translate(row, language, {tag.name: name})


def test_directory_counts_skills_by_name_not_by_slug(client, approved_member):
    skill = Skill.objects.create(name="Community organising")
    for number in range(2):
        ProfileFactory(display_name=f"Organiser {number}").skills.add(skill)
    client.force_login(approved_member)
    html = client.get("/members/").text
    assert ">Community organising</a> (2)" in html
    assert ">community-organising<" not in html
    translate_name(skill, "ar", "التنظيم المجتمعي")
    client.cookies["acn_language"] = "ar"
    html = client.get("/members/").text
    assert ">التنظيم المجتمعي</a> (2)" in html
    # The directory's skill filter names the same skill (a skill's str() is its name).
    assert 'value="community-organising"' in html
    assert "التنظيم المجتمعي</label>" in html


def test_member_cards_and_names_are_isolated_from_the_page_direction(client, approved_member):
    ProfileFactory(display_name="Wing Chan", pronouns="she/her")
    client.force_login(approved_member)
    client.cookies["acn_language"] = "ar"
    html = client.get("/members/").text
    assert "<bdi>Wing Chan</bdi>" in html
    assert "(<bdi>she/her</bdi>)" in html


def test_events_filter_names_topics_and_skills_in_the_reader_language(client, home_page):
    topic = Topic.objects.create(name="Housing")
    Skill.objects.create(name="Negotiation")
    translate_name(topic, "zh-hant", "住屋")
    html = client.get("/zh-hant/events/").text
    assert '<option value="housing">住屋</option>' in html
    assert '<option value="negotiation" lang="en" dir="ltr">Negotiation</option>' in html
    assert '<option value="housing">Housing</option>' in client.get("/en/events/").text


def test_an_event_says_the_language_it_is_written_in(client, home_page):
    EventFactory(title="Tenants' rights drop-in", language="en")
    EventFactory(title="租務權益諮詢", language="zh-hant")
    html = client.get("/ar/events/").text
    assert 'lang="en" dir="ltr">Tenants&#x27; rights drop-in</a>' in html
    assert 'lang="zh-hant" dir="ltr">租務權益諮詢</a>' in html
    chinese = client.get("/zh-hant/events/").text
    assert '">租務權益諮詢</a>' in chinese
    assert 'lang="zh-hant" dir="ltr">租務權益諮詢' not in chinese


def test_a_new_event_is_written_in_the_writer_language(home_page):
    with translation.override("ar"):
        event = EventFactory.build()
    assert event.language == "ar"
    with translation.override("en"):
        assert EventFactory.build().language == "en"


def test_an_organiser_translation_shows_on_the_event_page_in_that_language(client, home_page):
    event = EventFactory(title="Community breakfast", description="Bring a dish.", language="en")
    event.translations.create(
        language="pl", title="Wspólne śniadanie", description="Przynieś danie."
    )
    polish = client.get(f"/pl/events/{event.public_id}/").text
    assert "<h1>Wspólne śniadanie</h1>" in polish
    assert "Przynieś danie." in polish
    arabic = client.get(f"/ar/events/{event.public_id}/").text
    assert '<h1 lang="en" dir="ltr">Community breakfast</h1>' in arabic
    assert Event.objects.count() == 1
