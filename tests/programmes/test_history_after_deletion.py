"""History survives deletion (issue 20 §1): what a person did stays counted, without
them, so a figure for a closed period never changes once a funder has it."""

from datetime import date, datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone

from home.impact import ImpactSource, count
from members.models import EventState, MentoringMeeting, Mentorship, Profile
from programmes.models import CohortMember, ProgrammeOutcomeFigure, ProgrammeSession
from tests.factories import ProgrammePageFactory
from tests.members.factories import (
    PASSWORD,
    EventFactory,
    ProfileFactory,
    StaffFactory,
    UserFactory,
    mentoring_pair,
)

SOURCES = [
    ImpactSource.MENTORING_MEETINGS,
    ImpactSource.MENTORING_PEOPLE,
    ImpactSource.NETWORK_MEMBERS,
    ImpactSource.EVENTS_HELD,
    ImpactSource.PROGRAMME_EVENTS,
    ImpactSource.SESSIONS_DELIVERED,
    ImpactSource.PARTICIPANTS_ATTENDED,
]


def moment(day: date, hour: int = 12):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def member(name: str):
    user = ProfileFactory(display_name=name).user
    # Approved before the programme began.
    Profile.objects.filter(user=user).update(status_changed_at=moment(date(2024, 12, 1)))
    return user


@pytest.fixture
def closed_programme(programme_index):
    """A programme that ran in the first half of 2025, with a figure for each source the
    site counts, and members who did what those figures count."""
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="Active Citizens Spring 2025",
        slug="spring-2025",
        start_date=date(2025, 1, 1),
        end_date=date(2025, 6, 30),
        application_deadline=None,
    )
    for order, source in enumerate(SOURCES):
        ProgrammeOutcomeFigure.objects.create(
            page=programme,
            locale=programme.locale,
            label=source.label,
            source=source,
            target=10,
            sort_order=order,
        )
    mentor, mentee, other_mentee = member("Mira Mentor"), member("Tomas Mentee"), member("Stays")
    member("Also Stays")
    active = mentoring_pair(
        mentor, mentee, confirmed_at=moment(date(2025, 2, 1)), programme=programme
    )
    ended = mentoring_pair(
        mentor,
        other_mentee,
        status="ended",
        confirmed_at=moment(date(2025, 2, 1)),
        closed_at=moment(date(2025, 5, 1)),
        programme=programme,
    )
    for pair, day in (
        (active, date(2025, 3, 1)),
        (active, date(2025, 4, 1)),
        (ended, date(2025, 3, 15)),
    ):
        MentoringMeeting.objects.create(
            mentorship=pair, met_on=day, note="Coffee with Mira Mentor", logged_by=mentor
        )
    EventFactory(
        organiser=mentor,
        programme=programme,
        starts_at=moment(date(2025, 3, 10), 18),
        ends_at=moment(date(2025, 3, 10), 20),
    )
    session = ProgrammeSession.objects.create(
        page=programme,
        locale=programme.locale,
        date=date(2025, 3, 5),
        start_time=time(10),
        end_time=time(12),
        title="Speaking at the council",
    )
    for person in (mentor, mentee, other_mentee):
        cohort_member = CohortMember.objects.create(
            programme=programme,
            user=person,
            display_name=person.profile.display_name,
            confirmed_at=moment(date(2024, 12, 20)),
        )
        session.attendance.create(cohort_member=cohort_member, present=True)
    return programme, [mentor, mentee]


def programme_events(programme):
    from members.models import Event

    return list(Event.objects.filter(programme=programme))


def delete_account(client, user):
    client.force_login(user)
    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()


def funder_csv(client, programme) -> bytes:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("programmes_impact:report_csv", args=[programme.pk]))
    assert response.status_code == 200
    client.logout()
    return response.content


def numbers(programme):
    return {
        source.value: count(source, programme, programme.start_date, programme.end_date)
        for source in SOURCES
    }


def test_deleting_members_leaves_a_closed_periods_funder_csv_identical(client, closed_programme):
    programme, leavers = closed_programme
    before = numbers(programme)
    assert before == {
        "mentoring_meetings": 3,
        "mentoring_people": 3,
        "network_members": 4,
        "events_held": 1,
        "programme_events": 1,
        "sessions_delivered": 1,
        "participants_attended": 3,
    }
    sent_to_the_funder = funder_csv(client, programme)

    for user in leavers:
        delete_account(client, user)

    assert numbers(programme) == before
    assert funder_csv(client, programme) == sent_to_the_funder


def test_what_stays_counted_names_nobody(client, closed_programme):
    programme, leavers = closed_programme
    names = [user.profile.display_name for user in leavers]
    for user in leavers:
        delete_account(client, user)

    pairs = list(Mentorship.objects.all())
    assert len(pairs) == 2 and all(pair.mentor_id is None for pair in pairs)
    assert {pair.status for pair in pairs} == {"ended"}
    assert MentoringMeeting.objects.count() == 3
    assert not MentoringMeeting.objects.exclude(note="").exists()
    for row in CohortMember.objects.filter(user__isnull=True):
        assert row.display_name not in names


def test_a_pair_ended_by_deletion_no_longer_counts_after_the_deletion(client, closed_programme):
    """The leaver's pair was active until they left: it counts for the period it was
    active in, not for a period that begins after the account went."""
    programme, leavers = closed_programme
    staff = StaffFactory()
    delete_account(client, leavers[0])
    later = date.today().replace(year=date.today().year + 1)
    assert count(ImpactSource.MENTORING_PEOPLE, programme, later, None) == 0
    assert count(ImpactSource.NETWORK_MEMBERS, programme, None, None) == 3
    [event] = programme_events(programme)
    # The event the leaver held stays counted, in the hands of staff.
    assert event.state == EventState.PUBLISHED and event.organiser == staff
