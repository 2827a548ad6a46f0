"""The attendance register and the impact figures counted from it."""

from datetime import date, time

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from home.impact import ImpactSource, count
from programmes.models import CohortMember, ProgrammeAccess, ProgrammeSession, SessionAttendance
from tests.factories import ProgrammePageFactory
from tests.members.factories import UserFactory


@pytest.fixture
def running_programme(programme_index):
    page = ProgrammePageFactory(
        parent=programme_index,
        start_date=date(2025, 1, 4),
        end_date=date(2025, 6, 7),
        application_deadline=None,
    )
    ProgrammeSession.objects.bulk_create(
        ProgrammeSession(
            page=page,
            locale=page.locale,
            sort_order=month,
            date=date(2025, 1 + month, 4),
            start_time=time(10, 30),
            end_time=time(12, 0),
            title=f"Session {month + 1}",
        )
        for month in range(4)
    )
    return page


@pytest.fixture
def cohort(running_programme):
    return [
        CohortMember.objects.create(
            programme=running_programme,
            user=UserFactory(),
            display_name=name,
            confirmed_at=timezone.now(),
        )
        for name in ("Ana", "Bilal", "Chen")
    ]


@pytest.fixture
def reviewer(running_programme):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    ProgrammeAccess.objects.create(programme=running_programme, user=user)
    return user


def sessions_of(page):
    return list(ProgrammeSession.objects.filter(page=page).order_by("date"))


def register_url(session):
    return f"/admin/programmes/sessions/{session.pk}/register/"


def test_the_register_lists_the_cohort_and_records_attendance(
    client, running_programme, cohort, reviewer
):
    session = sessions_of(running_programme)[0]
    client.force_login(reviewer)
    html = client.get(register_url(session)).content.decode()
    for member in cohort:
        assert member.display_name in html
    ana, bilal, chen = cohort
    response = client.post(
        register_url(session),
        {
            f"member_{ana.pk}": "present",
            f"member_{bilal.pk}": "absent",
            f"member_{chen.pk}": "present",
        },
    )
    assert response.status_code == 302
    assert dict(
        SessionAttendance.objects.filter(session=session).values_list(
            "cohort_member__display_name", "present"
        )
    ) == {"Ana": True, "Bilal": False, "Chen": True}
    # Taking it again corrects it, without duplicating rows.
    client.post(
        register_url(session),
        {
            f"member_{ana.pk}": "absent",
            f"member_{bilal.pk}": "present",
            f"member_{chen.pk}": "present",
        },
    )
    assert SessionAttendance.objects.filter(session=session).count() == 3
    assert set(
        SessionAttendance.objects.filter(session=session, present=True).values_list(
            "cohort_member__display_name", flat=True
        )
    ) == {"Bilal", "Chen"}


def test_the_register_needs_everyone_marked(client, running_programme, cohort, reviewer):
    session = sessions_of(running_programme)[0]
    client.force_login(reviewer)
    response = client.post(register_url(session), {f"member_{cohort[0].pk}": "present"})
    assert response.status_code == 200
    assert "Mark everyone present or absent." in response.content.decode()
    assert not SessionAttendance.objects.exists()


def test_the_register_is_for_staff_with_access_only(client, running_programme, cohort):
    session = sessions_of(running_programme)[0]
    outsider = UserFactory(is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get(register_url(session))
    assert response.status_code in {302, 403}  # Wagtail sends refused staff to the dashboard
    assert "Bilal" not in response.content.decode()


def test_the_register_fits_a_phone(client, running_programme, cohort, reviewer):
    client.force_login(reviewer)
    html = client.get(register_url(sessions_of(running_programme)[0])).content.decode()
    assert "min-block-size: 48px" in html  # touch targets at least 48 px high
    assert 'type="radio"' in html


def test_impact_counters_match_counts_made_here(running_programme, cohort):
    first, second, third, fourth = sessions_of(running_programme)
    ana, bilal, chen = cohort
    marks = {
        first: {ana: True, bilal: True, chen: False},
        second: {ana: True, bilal: False, chen: False},
        third: {ana: False, bilal: False, chen: False},
    }
    for session, row in marks.items():
        for member, present in row.items():
            SessionAttendance.objects.create(session=session, cohort_member=member, present=present)
    # Another programme's attendance never counts here.
    other = ProgrammePageFactory(parent=running_programme.get_parent())
    other_session = ProgrammeSession.objects.create(
        page=other,
        locale=other.locale,
        date=date(2025, 2, 4),
        start_time=time(10),
        end_time=time(11),
        title="x",
    )
    other_member = CohortMember.objects.create(
        programme=other, display_name="Dee", confirmed_at=timezone.now()
    )
    SessionAttendance.objects.create(
        session=other_session, cohort_member=other_member, present=True
    )

    def expected(start, end):
        in_period = [
            s
            for s in marks
            if (start is None or s.date >= start) and (end is None or s.date <= end)
        ]
        people = {m.pk for s in in_period for m, present in marks[s].items() if present}
        return len(in_period), len(people)

    for start, end in [
        (None, None),
        (date(2025, 2, 1), None),
        (None, date(2025, 1, 31)),
        (date(2025, 3, 1), date(2025, 6, 30)),
    ]:
        sessions, people = expected(start, end)
        assert count(ImpactSource.SESSIONS_DELIVERED, running_programme, start, end) == sessions
        assert count(ImpactSource.PARTICIPANTS_ATTENDED, running_programme, start, end) == people
    assert fourth not in marks
    assert expected(None, None) == (3, 2)
    assert (
        count(
            ImpactSource.SESSIONS_DELIVERED, running_programme, date(2025, 1, 4), date(2025, 1, 4)
        )
        == 1
    )
