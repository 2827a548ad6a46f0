"""Skills and topics: one shared vocabulary, one id per entry, names in every language.

Names are translated with wagtail-localize (`SkillName` / `TopicName`), every
programme, story and profile keeps pointing at the one tag, and a name nobody has
translated yet shows in English, marked as English.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from home.demo_translations import translate
from home.i18n import translate_page
from home.models import Skill, SkillName, Topic, TopicName
from home.vocabulary import term_name
from tests.factories import ProgrammePageFactory

ARABIC_SKILLS = {"Campaigning": "تنظيم الحملات", "Public speaking": "الخطابة أمام الجمهور"}


def name_row(tag):
    model = SkillName if isinstance(tag, Skill) else TopicName
    return model.objects.get(**{tag._meta.model_name: tag}, locale=Locale.get_default())


def translate_name(tag, language, name):
    row = name_row(tag)
    assert translate(row, language, {tag.name: name})
    return row


@pytest.fixture
def programme(programme_index):
    page = ProgrammePageFactory(parent=programme_index, title="Speak Up", slug="speak-up")
    page.skills.add(*[Skill.objects.create(name=name) for name in ARABIC_SKILLS])
    page.topics.add("Local democracy", "Housing")
    page.save_revision().publish()
    return page


@pytest.fixture
def arabic_programme(programme, home_page, programme_index):
    translate_page(home_page, "ar", {})
    translate_page(programme_index, "ar", {})
    translate_page(programme, "ar", {"Speak Up": "ارفع صوتك"})
    return programme


def test_every_new_skill_and_topic_has_its_name_to_translate(db):
    skill = Skill.objects.create(name="Negotiation", description="Reaching agreements.")
    topic = Topic.objects.create(name="Housing")
    assert name_row(skill).name == "Negotiation"
    assert name_row(skill).description == "Reaching agreements."
    assert name_row(topic).name == "Housing"
    skill.name = "Negotiating"
    skill.save()
    assert name_row(skill).name == "Negotiating"


def test_a_translated_name_is_a_wagtail_localize_translation_of_the_same_skill(db):
    skill = Skill.objects.create(name="Campaigning")
    translate_name(skill, "ar", "تنظيم الحملات")
    arabic = SkillName.objects.get(locale__language_code="ar")
    assert arabic.skill_id == skill.pk
    assert arabic.translation_key == name_row(skill).translation_key
    assert Skill.objects.count() == 1
    assert Translation.objects.filter(target_locale__language_code="ar").count() == 1
    assert StringTranslation.objects.get(locale__language_code="ar").data == "تنظيم الحملات"


def test_the_default_language_name_follows_the_tag_and_says_so_on_the_field(db):
    skill = Skill.objects.create(name="Campaigning")
    row = name_row(skill)
    row.name = "Campaigns"
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "name" in error.value.message_dict


def test_programme_page_names_its_skills_and_topics_in_the_reader_language(
    client, arabic_programme
):
    for skill in Skill.objects.all():
        translate_name(skill, "ar", ARABIC_SKILLS[skill.name])
    translate_name(Topic.objects.get(name="Housing"), "ar", "السكن")
    html = client.get("/ar/programmes/speak-up/").text
    assert "<li>تنظيم الحملات</li>" in html
    assert "<li>الخطابة أمام الجمهور</li>" in html
    assert "<li>السكن</li>" in html
    # Not translated yet: the English name, marked as English for screen readers.
    assert '<li><span lang="en" dir="ltr">Local democracy</span></li>' in html
    english = client.get("/en/programmes/speak-up/").text
    assert "<li>Campaigning</li>" in english
    assert "تنظيم" not in english


def test_programme_filter_names_topics_in_the_reader_language_and_keeps_the_slug(
    client, arabic_programme
):
    translate_name(Topic.objects.get(name="Housing"), "ar", "السكن")
    html = client.get("/ar/programmes/").text
    assert '<option value="housing">السكن</option>' in html
    assert '<option value="local-democracy" lang="en" dir="ltr">Local democracy</option>' in html
    filtered = client.get("/ar/programmes/", {"topic": "housing"}).text
    assert "ارفع صوتك" in filtered


def test_str_of_a_skill_is_its_name_in_the_active_language(db):
    from django.utils import translation

    skill = Skill.objects.create(name="Campaigning")
    translate_name(skill, "zh-hant", "倡議運動")
    with translation.override("zh-hant"):
        assert str(skill) == "倡議運動"
        assert term_name(skill).language == "zh-hant"
    with translation.override("pl"):
        assert str(skill) == "Campaigning"
        assert term_name(skill).language == "en"


def test_translated_names_cost_no_query_per_tag(client, home_page, programme_index):
    translate_page(home_page, "ar", {})
    translate_page(programme_index, "ar", {})

    def arabic_programme_with_skills(slug: str, count: int) -> str:
        page = ProgrammePageFactory(parent=programme_index, slug=slug)
        for number in range(count):
            skill = Skill.objects.create(name=f"{slug} skill {number:02d}")
            translate_name(skill, "ar", f"مهارة {number}")
            page.skills.add(skill)
        page.save_revision().publish()
        translate_page(page, "ar", {})
        return f"/ar/programmes/{slug}/"

    def queries(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).text
        return len(captured), len(re.findall(r"<li>مهارة \d+</li>", html))

    few, shown_few = queries(arabic_programme_with_skills("few", 1))
    many, shown_many = queries(arabic_programme_with_skills("many", 14))
    assert (shown_few, shown_many) == (1, 14)
    assert many == few
