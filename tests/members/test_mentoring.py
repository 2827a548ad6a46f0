"""Mentoring in the member area and the admin: who is suggested, asking for a mentor,
staff confirming (both emailed in their language), meetings and their private notes,
the member's data, and the live impact counters."""

import json
import re
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.models import Skill
from members.models import (
    Block,
    MembershipStatus,
    MentoringMeeting,
    MentoringWish,
    MentorOffer,
    Mentorship,
    MentorshipStatus,
)
from members.services.mentoring import pairs as mentoring
from tests.members.factories import (
    PASSWORD,
    ProfileFactory,
    mentoring_pair,
    offer_mentoring,
    wish_for_mentor,
)

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")

ARABIC = re.compile(r"[\u0600-\u06FF]")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def skills(db):
    return {
        name: Skill.objects.get_or_create(name=name, slug=name.lower().replace(" ", "-"))[0]
        for name in ["Campaigning", "Public speaking", "Fundraising"]
    }


def member(name, **fields):
    return ProfileFactory(display_name=name, **fields).user


def suggested_names(user):
    wish = mentoring.wish_of(user)
    return [item.profile.display_name for item in mentoring.suggest_mentors(user, wish)]


# Suggestions ---------------------------------------------------------------------------


def test_the_page_lists_mentors_by_shared_skills_then_languages_then_area(
    client, approved_member, skills
):
    wish_for_mentor(
        approved_member,
        skills=[skills["Campaigning"], skills["Public speaking"]],
        languages=["ar", "en"],
        area="london-hackney",
    )
    offer_mentoring(
        member("Near Nadia"),
        skills=[skills["Campaigning"]],
        languages=["en"],
        area="london-islington",
    )
    offer_mentoring(
        member("Both Skills Bo"),
        skills=[skills["Campaigning"], skills["Public speaking"]],
        area="scotland",
    )
    offer_mentoring(
        member("Same Area Sam"),
        skills=[skills["Campaigning"]],
        languages=["en"],
        area="london-hackney",
    )
    offer_mentoring(
        member("Two Languages Tia"),
        skills=[skills["Campaigning"]],
        languages=["ar", "en"],
        area="wales",
    )
    offer_mentoring(
        member("Nothing Shared Ned"), skills=[skills["Fundraising"]], languages=["fr"], area="wales"
    )
    client.force_login(approved_member)
    text = client.get(reverse("members:find_mentor")).text
    order = [
        "Both Skills Bo",
        "Two Languages Tia",
        "Same Area Sam",
        "Near Nadia",
        "Nothing Shared Ned",
    ]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)
    assert "(your area)" in text and "(near you)" in text


def test_suggestions_leave_out_self_blocked_full_paired_paused_and_unapproved_mentors(
    approved_member, another_member, skills
):
    wish_for_mentor(approved_member, skills=[skills["Campaigning"]])
    offer_mentoring(approved_member, skills=[skills["Campaigning"]])  # themselves
    offer_mentoring(another_member, skills=[skills["Campaigning"]])  # stays
    they_blocked = member("They Blocked Me")
    offer_mentoring(they_blocked)
    Block.objects.create(blocker=they_blocked, blocked=approved_member)
    i_blocked = member("I Blocked Them")
    offer_mentoring(i_blocked)
    Block.objects.create(blocker=approved_member, blocked=i_blocked)
    full = member("Full Mentor")
    offer_mentoring(full, capacity=1)
    mentoring_pair(full, member("Their Mentee"))
    room_left = member("Room Left")
    offer_mentoring(room_left, capacity=2)
    mentoring_pair(room_left, member("One Mentee"))
    mentoring_pair(room_left, member("Ended Mentee"), status="ended")
    already_mine = member("Already My Mentor")
    offer_mentoring(already_mine, capacity=3)
    mentoring_pair(already_mine, approved_member)
    asked = member("Already Asked")
    offer_mentoring(asked, capacity=3)
    mentoring_pair(asked, approved_member, status="requested")
    used_to_be = member("Used To Mentor Me")
    offer_mentoring(used_to_be)
    mentoring_pair(used_to_be, approved_member, status="ended")
    offer_mentoring(member("Paused Mentor"), active=False)
    offer_mentoring(member("Pending Mentor", status=MembershipStatus.PENDING))
    gone = member("Deactivated Mentor")
    offer_mentoring(gone)
    type(gone).objects.filter(pk=gone.pk).update(is_active=False)

    assert sorted(suggested_names(approved_member)) == [
        "Another Member",
        "Room Left",
        "Used To Mentor Me",
    ]


def test_a_full_or_blocked_mentor_cannot_be_asked_even_by_a_crafted_request(
    client, approved_member, another_member
):
    offer_mentoring(another_member, capacity=1)
    mentoring_pair(another_member, member("Their Mentee"))
    client.force_login(approved_member)
    url = reverse("members:request_mentor", args=[another_member.profile.public_id])
    assert client.post(url, {"message": "Please"}).status_code == 404
    with pytest.raises(mentoring.MentoringRefused):
        mentoring.request_mentor(approved_member, another_member)
    assert not Mentorship.objects.filter(mentee=approved_member).exists()


def test_without_a_wish_the_member_is_asked_what_they_look_for_first(client, approved_member):
    client.force_login(approved_member)
    response = client.get(reverse("members:find_mentor"))
    assert response["Location"] == reverse("members:mentoring_wish")


# Asking, confirming, emailing ----------------------------------------------------------


def test_request_then_staff_confirm_emails_both_in_their_own_language(
    client, approved_member, another_member, staff, django_capture_on_commit_callbacks
):
    approved_member.profile.preferred_language = "ar"
    approved_member.profile.save()
    another_member.profile.preferred_language = "zh-hant"
    another_member.profile.save()
    offer_mentoring(another_member, capacity=2)
    client.force_login(approved_member)
    url = reverse("members:request_mentor", args=[another_member.profile.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"message": "I want to learn campaigning."})
    assert response.status_code == 302
    request = Mentorship.objects.get(mentee=approved_member)
    assert request.status == MentorshipStatus.REQUESTED
    # Staff hear of it, without the member's name.
    assert [message.to for message in mail.outbox] == [[staff.email]]
    assert "Approved Viewer" not in mail.outbox[0].body
    assert reverse("members_admin:mentoring") in mail.outbox[0].body
    mail.outbox.clear()

    client.force_login(staff)
    page = client.get(reverse("members_admin:mentoring")).text
    assert "I want to learn campaigning." in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("members_admin:decide_mentorship", args=[request.pk]),
            {"decision": "confirm"},
        )
    request.refresh_from_db()
    assert request.status == MentorshipStatus.ACTIVE and request.decided_by == staff
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {approved_member.email, another_member.email}
    assert ARABIC.search(recipients[approved_member.email].body)
    assert not CHINESE.search(recipients[approved_member.email].body)
    assert CHINESE.search(recipients[another_member.email].body)
    assert "Another Member" in recipients[approved_member.email].body
    assert "Approved Viewer" in recipients[another_member.email].body
    pair_url = reverse("members:mentoring_pair", args=[request.public_id])
    assert all(pair_url in message.body for message in mail.outbox)


def test_staff_cannot_confirm_over_capacity_and_can_decline_and_end(
    client, approved_member, another_member, staff
):
    mentor = member("Busy Mentor")
    offer_mentoring(mentor, capacity=1)
    first = mentoring_pair(mentor, approved_member, status="requested")
    second = mentoring_pair(mentor, another_member, status="requested")
    client.force_login(staff)
    decide = "members_admin:decide_mentorship"
    client.post(reverse(decide, args=[first.pk]), {"decision": "confirm"})
    response = client.post(reverse(decide, args=[second.pk]), {"decision": "confirm"}, follow=True)
    assert "no room for another mentee" in response.text
    second.refresh_from_db()
    assert second.status == MentorshipStatus.REQUESTED
    client.post(reverse(decide, args=[second.pk]), {"decision": "decline"})
    client.post(reverse(decide, args=[first.pk]), {"decision": "end"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (MentorshipStatus.ENDED, MentorshipStatus.DECLINED)
    assert first.closed_at and second.closed_at


def test_a_declined_mentee_is_told_in_their_language_and_the_trail_records_each_decision(
    client, approved_member, another_member, staff, django_capture_on_commit_callbacks
):
    approved_member.profile.preferred_language = "zh-hant"
    approved_member.profile.save()
    offer_mentoring(another_member, capacity=2)
    declined = mentoring_pair(another_member, approved_member, status="requested")
    third = member("Third Person")
    confirmed = mentoring_pair(another_member, third, status="requested")
    client.force_login(staff)
    decide = "members_admin:decide_mentorship"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(decide, args=[declined.pk]), {"decision": "decline"})
    [email] = mail.outbox
    assert email.to == [approved_member.email]
    assert CHINESE.search(email.subject) and CHINESE.search(email.body)
    assert "Another Member" not in email.body  # no name of the mentor, no reason
    assert reverse("members:mentoring") in email.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(decide, args=[confirmed.pk]), {"decision": "confirm"})
        client.post(reverse(decide, args=[confirmed.pk]), {"decision": "end"})
    assert len(mail.outbox) == 2  # the confirmation to both; ending sends nothing

    trail = list(
        ModelLogEntry.objects.filter(action__startswith="members.")
        .order_by("pk")
        .values_list("action", "user", "data")
    )
    assert trail == [
        (
            "members.mentoring_declined",
            staff.pk,
            {"members": [approved_member.pk, another_member.pk]},
        ),
        ("members.mentoring_confirmed", staff.pk, {"members": [third.pk, another_member.pk]}),
        ("members.mentoring_ended", staff.pk, {"members": [third.pk, another_member.pk]}),
    ]
    # The log keeps numbers only; staff reading the trail see the members' display names.
    assert not ModelLogEntry.objects.filter(label__icontains="Third Person").exists()
    page = client.get(reverse("members_admin:audit")).text
    assert "Mentoring request declined" in page and "Mentoring pair ended" in page
    assert "Third Person" in page


def test_the_staff_page_shows_the_oldest_requests_and_active_pairs_a_page_at_a_time(
    client, staff, monkeypatch
):
    from members.views.admin import mentoring as mentoring_admin_views

    monkeypatch.setattr(mentoring_admin_views, "REQUESTS_SHOWN", 2)
    monkeypatch.setattr(mentoring_admin_views, "ACTIVE_PER_PAGE", 2)
    mentor = member("Mentor Person")
    start = timezone.now() - timedelta(days=30)
    for day in range(3):
        # Asked in this order (requested_at is set on saving).
        mentoring_pair(mentor, member(f"Asker {day}"), status="requested")
        mentoring_pair(mentor, member(f"Mentee {day}"), confirmed_at=start + timedelta(days=day))
    client.force_login(staff)
    url = reverse("members_admin:mentoring")
    first = client.get(url).text
    assert "Asker 0" in first and "Asker 1" in first and "Asker 2" not in first
    assert "1 more request waits" in first
    assert "Mentee 2" in first and "Mentee 1" in first and "Mentee 0" not in first
    assert "Page 1 of 2" in first
    second = client.get(url, {"page": 2}).text
    assert "Mentee 0" in second and "Mentee 2" not in second


def test_a_block_after_the_request_stops_the_confirmation(approved_member, another_member, staff):
    offer_mentoring(another_member)
    request = mentoring.request_mentor(approved_member, another_member)
    Block.objects.create(blocker=another_member, blocked=approved_member)
    with pytest.raises(mentoring.MentoringRefused):
        mentoring.confirm(request, by=staff)


def test_a_mentee_may_withdraw_a_request_and_has_a_limit_of_open_requests(client, approved_member):
    mentors = [member(f"Mentor {n}") for n in range(mentoring.MAX_OPEN_REQUESTS + 1)]
    for mentor in mentors:
        offer_mentoring(mentor)
    requests = [mentoring.request_mentor(approved_member, m) for m in mentors[:-1]]
    with pytest.raises(mentoring.MentoringRefused):
        mentoring.request_mentor(approved_member, mentors[-1])
    client.force_login(approved_member)
    client.post(reverse("members:withdraw_mentor_request", args=[requests[0].public_id]))
    requests[0].refresh_from_db()
    assert requests[0].status == MentorshipStatus.WITHDRAWN
    assert mentoring.request_mentor(approved_member, mentors[-1]).status == "requested"


# Meetings and the privacy of their notes ------------------------------------------------


def test_either_member_logs_meetings_and_both_read_the_notes(
    client, approved_member, another_member
):
    pair = mentoring_pair(another_member, approved_member)
    url = reverse("members:mentoring_pair", args=[pair.public_id])
    client.force_login(approved_member)
    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(url, {"met_on": yesterday.isoformat(), "note": "We rehearsed my speech."})
    client.force_login(another_member)
    client.post(url, {"met_on": timezone.localdate().isoformat(), "note": ""})
    assert MentoringMeeting.objects.filter(mentorship=pair).count() == 2
    for person in (approved_member, another_member):
        client.force_login(person)
        text = client.get(url).text
        assert "We rehearsed my speech." in text


def test_a_future_meeting_cannot_be_logged(client, approved_member, another_member):
    pair = mentoring_pair(another_member, approved_member)
    client.force_login(approved_member)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("members:mentoring_pair", args=[pair.public_id]), {"met_on": tomorrow}
    )
    assert "once it has happened" in response.text
    assert not MentoringMeeting.objects.exists()


def test_nobody_outside_the_pair_sees_its_page_or_a_note_staff_included(
    client, approved_member, another_member, staff
):
    pair = mentoring_pair(another_member, approved_member)
    mentoring.log_meeting(pair, approved_member, timezone.localdate(), "Secret plans for May")
    outsider = member("Outsider")
    with pytest.raises(mentoring.MentoringRefused):
        mentoring.log_meeting(pair, outsider, timezone.localdate(), "Let me in")
    url = reverse("members:mentoring_pair", args=[pair.public_id])
    for person in (outsider, staff):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, {"met_on": "2025-01-01"}).status_code == 404
    client.force_login(staff)
    admin_page = client.get(reverse("members_admin:mentoring")).text
    assert "Secret plans" not in admin_page
    # Staff see that the meeting happened: the count is on the page.
    assert re.search(r'data-count="meetings">1<', admin_page)
    assert MentoringMeeting.objects.count() == 1


def test_staff_counts_open_requests_active_pairs_and_meetings(client, staff):
    people = [member(f"Person {n}") for n in range(6)]
    active = mentoring_pair(people[0], people[1])
    mentoring_pair(people[2], people[3])
    mentoring_pair(people[4], people[5], status="requested")
    mentoring_pair(people[4], people[1], status="ended")
    for day in (1, 2, 3):
        mentoring.log_meeting(active, people[0], timezone.localdate() - timedelta(days=day))
    client.force_login(staff)
    page = client.get(reverse("members_admin:mentoring")).text
    assert re.search(r'data-count="open_requests">1<', page)
    assert re.search(r'data-count="active_pairs">2<', page)
    assert re.search(r'data-count="meetings">3<', page)


# The profile shows an offer only to whom the member chose ------------------------------


@pytest.mark.parametrize(
    ("visibility", "shown_to_members"), [("staff", False), ("members", True), ("public", True)]
)
def test_the_profile_shows_an_offer_according_to_its_visibility(
    client, approved_member, another_member, visibility, shown_to_members
):
    offer_mentoring(another_member, note="Ask me about petitions", visibility=visibility)
    client.force_login(approved_member)
    url = reverse("members:profile", args=[another_member.profile.public_id])
    assert ("Ask me about petitions" in client.get(url).text) is shown_to_members
    directory = client.get("/members/", {"mentoring": "on"}).text
    assert ("Another Member" in directory) is shown_to_members


def test_an_offer_is_private_by_default_and_shown_to_its_owner(client, another_member):
    offer = offer_mentoring(another_member, note="Ask me about petitions")
    assert offer.visibility == "staff"
    client.force_login(another_member)
    own = client.get(reverse("members:profile", args=[another_member.profile.public_id]))
    assert "Ask me about petitions" in own.text


def test_offer_and_wish_forms_save_skills_languages_and_area(client, approved_member, skills):
    client.force_login(approved_member)
    client.post(
        reverse("members:mentoring_offer"),
        {
            "active": "on",
            "skills": [skills["Campaigning"].pk],
            "languages": ["ar", "en"],
            "area": "wales",
            "capacity": "2",
            "note": "Evenings",
            "visibility": "members",
        },
    )
    offer = MentorOffer.objects.get(user=approved_member)
    assert (offer.capacity, offer.area, offer.languages) == (2, "wales", ["ar", "en"])
    assert [t.name for t in offer.skills.all()] == ["Campaigning"]
    response = client.post(
        reverse("members:mentoring_wish"),
        {"skills": [skills["Fundraising"].pk], "languages": ["pl"], "area": "", "message": "Hi"},
    )
    assert response["Location"] == reverse("members:find_mentor")
    wish = MentoringWish.objects.get(user=approved_member)
    assert wish.languages == ["pl"] and [t.name for t in wish.skills.all()] == ["Fundraising"]
    page = client.get(reverse("members:mentoring")).text
    assert "You offer mentoring, to up to 2 mentees at a time." in page


# The member's data --------------------------------------------------------------------


def test_the_download_holds_offer_wish_pairs_and_meeting_notes(
    client, approved_member, another_member, skills
):
    offer_mentoring(approved_member, skills=[skills["Campaigning"]], note="Weekends")
    wish_for_mentor(approved_member, languages=["ar"], message="Help with speaking")
    pair = mentoring_pair(another_member, approved_member)
    mentoring.log_meeting(pair, another_member, date(2025, 3, 1), "First coffee")
    client.post(reverse("account_login"), {"login": approved_member.email, "password": PASSWORD})
    data = json.loads(client.post(reverse("members:export_data")).content)["mentoring"]
    assert data["offer"]["skills"] == ["Campaigning"] and data["offer"]["note"] == "Weekends"
    assert data["wish"]["message"] == "Help with speaking"
    [exported] = data["pairs"]
    assert exported["role"] == "mentee" and exported["partner"] == "Another Member"
    assert exported["meetings"] == [{"met_on": "2025-03-01", "note": "First coffee"}]


def test_deleting_an_account_deletes_its_mentoring_but_keeps_the_meetings_counted(
    client, approved_member, another_member
):
    offer_mentoring(approved_member, note="Approved Viewer mentors")
    wish_for_mentor(approved_member, message="Approved Viewer looks")
    pair = mentoring_pair(another_member, approved_member, message="Dear Approved Viewer")
    mentoring.log_meeting(pair, another_member, date(2025, 3, 1), "Met Approved Viewer")
    other_pair = mentoring_pair(another_member, member("Someone Else"))
    client.force_login(approved_member)
    client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert not MentorOffer.objects.filter(note__contains="Approved Viewer").exists()
    assert not MentoringWish.objects.exists()
    # The pair stays, ended and without the leaver, so its meeting stays counted.
    pair.refresh_from_db()
    assert (pair.mentee, pair.status, pair.message) == (None, "ended", "")
    assert set(Mentorship.objects.all()) == {pair, other_pair}
    assert list(MentoringMeeting.objects.values_list("met_on", "note")) == [(date(2025, 3, 1), "")]


# Live impact counters ------------------------------------------------------------------


def moment(day: date):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=12))


@pytest.fixture
def counted(home_page):
    """Pairs and meetings across two programmes and the network, with the numbers a
    funder would count by hand."""
    from tests.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

    index = ProgrammeIndexPageFactory(parent=home_page)
    first = ProgrammePageFactory(parent=index, title="First", slug="first")
    second = ProgrammePageFactory(parent=index, title="Second", slug="second")
    people = [member(f"Counted {n}") for n in range(7)]
    pairs = {
        # confirmed on, closed on, programme
        "a": mentoring_pair(
            people[0], people[1], confirmed_at=moment(date(2025, 1, 10)), programme=first
        ),
        "b": mentoring_pair(
            people[0], people[2], confirmed_at=moment(date(2025, 3, 1)), programme=first
        ),
        "c": mentoring_pair(
            people[3],
            people[4],
            status="ended",
            confirmed_at=moment(date(2024, 6, 1)),
            closed_at=moment(date(2024, 12, 31)),
            programme=first,
        ),
        "d": mentoring_pair(
            people[5], people[6], confirmed_at=moment(date(2025, 1, 5)), programme=second
        ),
        "network": mentoring_pair(people[1], people[6], confirmed_at=moment(date(2025, 2, 1))),
    }
    mentoring_pair(people[2], people[5], status="requested", programme=first)  # not a pair yet
    meetings = {
        "a": [date(2025, 1, 20), date(2025, 2, 20), date(2025, 4, 1)],
        "b": [date(2025, 3, 15)],
        "c": [date(2024, 7, 1), date(2024, 12, 31)],
        "d": [date(2025, 2, 2)],
        "network": [date(2025, 2, 10), date(2025, 3, 10)],
    }
    for key, days in meetings.items():
        for day in days:
            MentoringMeeting.objects.create(mentorship=pairs[key], met_on=day)
    return first, second, pairs, meetings


def test_meetings_counted_for_a_programme_and_period_match_a_count_by_hand(counted):
    first, second, pairs, meetings = counted
    start, end = date(2025, 1, 1), date(2025, 3, 31)

    def by_hand(keys, start=None, end=None):
        return sum(
            1
            for key in keys
            for day in meetings[key]
            if (start is None or day >= start) and (end is None or day <= end)
        )

    assert mentoring.count_mentoring_meetings(first, start, end) == by_hand("abc", start, end) == 3
    assert mentoring.count_mentoring_meetings(first, None, None) == by_hand("abc") == 6
    assert mentoring.count_mentoring_meetings(second, start, end) == by_hand(["d"], start, end)
    assert mentoring.count_mentoring_meetings(None, start, end) == 6
    assert mentoring.count_mentoring_meetings(first, date(2024, 12, 31), date(2024, 12, 31)) == 1
    assert mentoring.mentoring_meetings_many(
        [(first, start, end), (second, None, None), (None, None, None)]
    ) == [3, 1, 9]


def test_people_counted_are_distinct_members_of_pairs_active_in_the_period(counted):
    first, second, pairs, _meetings = counted

    def by_hand(keys, start, end):
        people = set()
        for key in keys:
            pair = pairs[key]
            began = timezone.localdate(pair.confirmed_at)
            closed = timezone.localdate(pair.closed_at) if pair.closed_at else None
            if (end is None or began <= end) and (
                start is None or closed is None or closed >= start
            ):
                people |= {pair.mentor_id, pair.mentee_id}
        return len(people)

    cases = [
        (first, date(2025, 1, 1), date(2025, 3, 31), "abc"),
        (first, date(2025, 1, 1), date(2025, 2, 28), "abc"),
        (first, date(2024, 12, 31), date(2024, 12, 31), "abc"),
        (first, None, None, "abc"),
        (second, date(2025, 1, 1), None, "d"),
        (None, date(2025, 1, 1), date(2025, 12, 31), ["a", "b", "c", "d", "network"]),
    ]
    expected = [by_hand(keys, start, end) for _p, start, end, keys in cases]
    assert expected == [3, 2, 2, 5, 2, 5]
    assert [mentoring.count_mentoring_people(p, s, e) for p, s, e, _k in cases] == expected
    assert mentoring.mentoring_people_many([(p, s, e) for p, s, e, _k in cases]) == expected


def test_the_counters_are_registered_with_the_impact_hook(counted):
    from home.impact import ImpactSource, count

    first, *_rest = counted
    assert count(ImpactSource.MENTORING_MEETINGS, first, None, None) == 6
    assert count(ImpactSource.MENTORING_PEOPLE, first, None, None) == 5


def test_a_translated_programme_counts_the_same_pairs(counted):
    from wagtail.models import Locale

    first, *_rest = counted
    chinese = Locale.objects.get_or_create(language_code="zh-hant")[0]
    first.get_parent().get_parent().copy_for_translation(chinese)
    first.get_parent().copy_for_translation(chinese)
    translation = first.copy_for_translation(chinese)
    assert mentoring.count_mentoring_meetings(translation, None, None) == 6
