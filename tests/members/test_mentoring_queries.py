"""The mentoring pages cost the same number of queries with 10 mentors as with 500."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from home.models import Skill
from members.models import (
    MentoringMeeting,
    MentorOffer,
    MentorOfferSkill,
    Mentorship,
    Profile,
)
from tests.members.factories import mentoring_pair, offer_mentoring, wish_for_mentor

SMALL, LARGE = 10, 500
# Budgets: the exact counts measured (session, user, profile, page chrome, then the
# page's own few queries), the same at both sizes.
FIND_MENTOR_QUERIES = 15
MENTORING_HOME_QUERIES = 13
PAIR_PAGE_QUERIES = 12
STAFF_OVERVIEW_QUERIES = 18  # the admin menu asks about applications and impact


def build_mentors(count: int, mentee) -> None:
    """`count` approved mentors with two skills and two languages each, half of them in
    mentoring pairs with one meeting, in a few bulk queries."""
    User = get_user_model()
    skills = [
        Skill.objects.get_or_create(name=name, slug=name.lower())[0]
        for name in ("Campaigning", "Fundraising")
    ]
    batch = User.objects.count()
    users = User.objects.bulk_create(
        [User(email=f"mentor{n}-{batch}@example.org", password="!") for n in range(count)]
    )
    Profile.objects.bulk_create(
        [
            Profile(user=user, display_name=f"Mentor {n:04d}", status="approved")
            for n, user in enumerate(users)
        ]
    )
    offers = MentorOffer.objects.bulk_create(
        [
            MentorOffer(
                user=user,
                capacity=2,
                languages=["ar", "en"],
                area="london-hackney" if n % 2 else "wales",
                note="Evenings",
            )
            for n, user in enumerate(users)
        ]
    )
    MentorOfferSkill.objects.bulk_create(
        [MentorOfferSkill(content_object=offer, tag=skill) for offer in offers for skill in skills]
    )
    pairs = Mentorship.objects.bulk_create(
        [
            Mentorship(
                mentor=user,
                mentee=users[(n + 1) % count],
                status="active" if n % 3 else "requested",
                confirmed_at=timezone.now() if n % 3 else None,
            )
            for n, user in enumerate(users)
            if n % 2 == 0
        ]
    )
    MentoringMeeting.objects.bulk_create(
        [
            MentoringMeeting(mentorship=pair, met_on=timezone.localdate(), note="Private")
            for pair in pairs
            if pair.status == "active"
        ]
    )


def measure(client, url, django_assert_max_num_queries, budget) -> int:
    client.get(url)  # warm per-process caches, as on a running site
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("page", "budget"),
    [
        ("find", FIND_MENTOR_QUERIES),
        ("home", MENTORING_HOME_QUERIES),
        ("pair", PAIR_PAGE_QUERIES),
        ("staff", STAFF_OVERVIEW_QUERIES),
    ],
)
def test_mentoring_pages_cost_the_same_with_10_and_500_mentors(
    client, approved_member, another_member, staff, django_assert_max_num_queries, page, budget
):
    wish_for_mentor(
        approved_member, skills=list(Skill.objects.all()), languages=["ar"], area="wales"
    )
    offer_mentoring(approved_member, capacity=3)
    pair = mentoring_pair(another_member, approved_member)
    for day in range(3):
        MentoringMeeting.objects.create(
            mentorship=pair, met_on=timezone.localdate(), note=f"Note {day}"
        )
    url = {
        "find": reverse("members:find_mentor"),
        "home": reverse("members:mentoring"),
        "pair": reverse("members:mentoring_pair", args=[pair.public_id]),
        "staff": reverse("members_admin:mentoring"),
    }[page]
    client.force_login(staff if page == "staff" else approved_member)
    build_mentors(SMALL, approved_member)
    small = measure(client, url, django_assert_max_num_queries, budget)
    build_mentors(LARGE - SMALL, approved_member)
    large = measure(client, url, django_assert_max_num_queries, budget)
    assert small == large, (small, large)
