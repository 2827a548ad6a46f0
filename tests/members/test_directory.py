"""The directory: filters, blocks, skill pages and a query count that stays fixed."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from home.models import Skill
from members.models import Block, Profile, ProfileLanguage, ProfileSkill
from tests.factories import ProgrammePageFactory
from tests.members.factories import offer_mentoring


def build_members(count: int):
    """Approved members with a skill and a language each, in a few bulk queries."""
    User = get_user_model()
    skill, _ = Skill.objects.get_or_create(name="Campaigning", slug="campaigning")
    batch = User.objects.count()
    users = User.objects.bulk_create(
        [User(email=f"bulk{n}-{batch}@example.org", password="!") for n in range(count)]
    )
    profiles = Profile.objects.bulk_create(
        [
            Profile(
                user=user,
                display_name=f"Bulk Member {n:05d}",
                status="approved",
                home_area="london-hackney" if n % 2 else "wales",
            )
            for n, user in enumerate(users)
        ]
    )
    ProfileSkill.objects.bulk_create(
        [ProfileSkill(content_object=profile, tag=skill) for profile in profiles]
    )
    ProfileLanguage.objects.bulk_create(
        [ProfileLanguage(profile=profile, code="ar") for profile in profiles]
    )
    return profiles


# session, user, profile, permissions, the header's unread count, the page's own
DIRECTORY_QUERIES = 16


def directory_queries(client, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get("/members/", {"skill": "campaigning", "language": "ar"})
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_directory_query_count_stays_fixed_as_members_grow(
    client, approved_member, django_assert_max_num_queries
):
    """At most 15 queries (22 before the site frame): session, user, profile, filter
    choices, page, counts, prefetches; the same with 20 members as with 2,000."""
    client.force_login(approved_member)
    build_members(20)
    client.get("/members/")  # warm the site and settings caches, as on a running site
    small = directory_queries(client, django_assert_max_num_queries, DIRECTORY_QUERIES)
    Profile.objects.all().exclude(user=approved_member).delete()
    build_members(2000)
    client.get("/members/")  # the deletions above changed the content version: re-warm
    large = directory_queries(client, django_assert_max_num_queries, DIRECTORY_QUERIES)
    assert small == large


def test_directory_finds_by_name_skill_and_bio_text(client, approved_member):
    build_members(3)
    client.force_login(approved_member)
    assert "Bulk Member 00001" in client.get("/members/", {"q": "00001"}).text
    assert "Bulk Member 00001" in client.get("/members/", {"q": "campaign"}).text
    assert "Bulk Member" not in client.get("/members/", {"q": "nothing-like-this"}).text


def test_directory_filters_by_area_language_and_mentoring(client, approved_member):
    profiles = build_members(4)
    offer_mentoring(profiles[0].user, visibility="members")
    offer_mentoring(profiles[2].user)  # shown to staff only: not found by members
    client.force_login(approved_member)
    text = client.get("/members/", {"area": "wales"}).text
    assert "Bulk Member 00000" in text and "Bulk Member 00001" not in text
    text = client.get("/members/", {"mentoring": "on"}).text
    assert "Bulk Member 00000" in text and "Bulk Member 00002" not in text
    assert "Bulk Member" not in client.get("/members/", {"language": "pl"}).text


def test_directory_paginates(client, approved_member, settings):
    settings.MEMBER_DIRECTORY_PAGE_SIZE = 5
    build_members(12)
    client.force_login(approved_member)
    response = client.get("/members/", {"page": 3})
    assert "Page 3 of 3" in response.text


def test_blocked_members_do_not_see_each_other(client, approved_member, another_member):
    Block.objects.create(blocker=another_member, blocked=approved_member)
    client.force_login(approved_member)
    assert "Another Member" not in client.get("/members/").text
    profile_url = reverse("members:profile", args=[another_member.profile.public_id])
    assert client.get(profile_url).status_code == 404


def test_skill_page_lists_members_and_programmes_sharing_the_skill(
    client, approved_member, another_member, programme_index
):
    skill = Skill.objects.create(name="Negotiation", slug="negotiation")
    another_member.profile.skills.add(skill)
    programme = ProgrammePageFactory(parent=programme_index, title="Negotiation School")
    programme.skills.add(skill)
    programme.save_revision().publish()
    client.force_login(approved_member)
    response = client.get(reverse("members:skill", args=["negotiation"]))
    assert "Another Member" in response.text
    assert "Negotiation School" in response.text


def test_a_profile_lists_its_skills_in_alphabetical_order(client, approved_member, another_member):
    for name in ("Public speaking", "Negotiation", "Campaigning"):
        another_member.profile.skills.add(
            Skill.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        )
    client.force_login(approved_member)
    html = client.get(reverse("members:profile", args=[another_member.profile.public_id])).text
    positions = [html.index(name) for name in ("Campaigning", "Negotiation", "Public speaking")]
    assert positions == sorted(positions)


def test_programme_choices_offer_each_programme_once_in_the_default_language(
    client, approved_member, programme_index
):
    """A translation is a copy of the same programme: offering it as well listed every
    programme twice, and a claim on the copy never matched a filter on the original."""
    from wagtail.models import Locale

    programme = ProgrammePageFactory(parent=programme_index, title="Negotiation School")
    programme.save_revision().publish()
    chinese = Locale.objects.get_or_create(language_code="zh-hant")[0]
    programme_index.get_parent().copy_for_translation(chinese)
    programme_index.copy_for_translation(chinese)
    copy = programme.copy_for_translation(chinese)
    copy.title = "談判學校"
    copy.save_revision().publish()
    client.force_login(approved_member)

    for url in ("/members/", reverse("members:edit_profile")):
        choices = client.get(url).context["form" if url == "/members/" else "claim_form"]
        offered = [label for _value, label in choices.fields["programme"].choices]
        assert "Negotiation School" in offered, url
        assert "談判學校" not in offered, url

    response = client.post(reverse("members:claim_programme"), {"programme": copy.pk})
    assert response.status_code == 302
    assert not approved_member.profile.claims.exists()
