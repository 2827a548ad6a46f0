"""A register only for a session that has begun; delivered only once it has ended.

The issue's case: a register taken for a session weeks ahead made the public page say
"Sessions delivered 1/12, Participants 3/20" before the programme had started.
"""

from datetime import time, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from home.impact import ImpactSource, count
from programmes.models import CohortMember, ProgrammeAccess, ProgrammeSession, SessionAttendance
from programmes.services import attendance
from tests.factories import ProgrammePageFactory
from tests.members.factories import UserFactory

TOO_EARLY = "This session has not begun yet: its register opens on"


@pytest.fixture
def programme(programme_index):
    today = timezone.localdate()
    return ProgrammePageFactory(
        parent=programme_index,
        start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=60),
        application_deadline=None,
    )


def add_session(programme, day, start=time(10, 30), end=time(12, 0), title="Session"):
    return ProgrammeSession.objects.create(
        page=programme,
        locale=programme.locale,
        date=day,
        start_time=start,
        end_time=end,
        title=title,
    )


@pytest.fixture
def cohort(programme):
    return [
        CohortMember.objects.create(
            programme=programme, user=UserFactory(), display_name=name, confirmed_at=timezone.now()
        )
        for name in ("Ana", "Bilal", "Chen")
    ]


@pytest.fixture
def reviewer(programme):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    ProgrammeAccess.objects.create(programme=programme, user=user)
    return user


def register_url(session):
    return f"/admin/programmes/sessions/{session.pk}/register/"


def everyone_present(cohort):
    return {f"member_{member.pk}": "present" for member in cohort}


def test_the_service_refuses_a_register_for_a_session_still_to_come(programme, cohort):
    later = add_session(programme, timezone.localdate() + timedelta(days=32))

    with pytest.raises(attendance.RegisterTooEarly) as refusal:
        attendance.take_register(later, {member.pk for member in cohort}, cohort, by=None)

    assert str(refusal.value).startswith(TOO_EARLY)
    assert not SessionAttendance.objects.exists()


def test_the_register_page_for_a_later_session_says_when_it_opens_and_saves_nothing(
    client, programme, cohort, reviewer
):
    day = timezone.localdate() + timedelta(days=32)
    later = add_session(programme, day)
    client.force_login(reviewer)

    page = client.get(register_url(later))
    posted = client.post(register_url(later), everyone_present(cohort))

    assert page.status_code == 200
    assert TOO_EARLY in page.text and 'name="member_' not in page.text
    assert posted.status_code == 400
    assert TOO_EARLY in posted.text and "Nothing was saved." in posted.text
    assert not SessionAttendance.objects.exists()


def test_a_session_later_today_can_be_registered_at_the_door(client, programme, cohort, reviewer):
    tonight = add_session(programme, timezone.localdate(), time(23, 58), time(23, 59))
    client.force_login(reviewer)

    response = client.post(register_url(tonight), everyone_present(cohort))

    assert response.status_code == 302
    assert SessionAttendance.objects.filter(session=tonight, present=True).count() == 3


def test_the_sessions_list_links_only_registers_that_are_open(client, programme, reviewer):
    earlier = add_session(programme, timezone.localdate() - timedelta(days=7), title="Earlier")
    later = add_session(programme, timezone.localdate() + timedelta(days=7), title="Later")
    client.force_login(reviewer)

    html = client.get(f"/admin/programmes/{programme.pk}/register/").text

    assert register_url(earlier) in html
    assert register_url(later) not in html
    assert "the register opens on the day" in html


def test_only_sessions_that_ended_with_a_register_count_as_delivered(programme, cohort):
    today = timezone.localdate()
    ended = add_session(programme, today - timedelta(days=7))
    tonight = add_session(programme, today, time(23, 58), time(23, 59))
    ahead = add_session(programme, today + timedelta(days=32))
    add_session(programme, today - timedelta(days=14))  # ended, but no register taken
    ana, bilal, chen = cohort
    # Rows for tonight and for a later session, as the site let staff save them before.
    for session, member in [(ended, ana), (tonight, bilal), (ahead, chen)]:
        SessionAttendance.objects.create(session=session, cohort_member=member, present=True)

    assert count(ImpactSource.SESSIONS_DELIVERED, programme, None, None) == 1
    # Tonight's session has not begun (it starts at 23:58), the later one neither.
    assert count(ImpactSource.PARTICIPANTS_ATTENDED, programme, None, None) == 1
