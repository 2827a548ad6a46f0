"""Query budgets for the application form, the applications list and the register, at a
small and a large data size (the same count at both), in the style of
tests/test_query_budgets.py."""

from datetime import time, timedelta

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programmes.models import (
    Application,
    ApplicationQuestion,
    CohortMember,
    ProgrammeAccess,
    ProgrammeSession,
    SessionAttendance,
)
from tests.factories import ProgrammePageFactory
from tests.members.factories import UserFactory
from tests.programmes.conftest import answers_for

APPLY_PAGE_QUERIES = 16 + 2
APPLY_POST_QUERIES = 22 + 2 + 2 + 2 + 2 + 1  # +2 monitoring offer in the session, +2 skill
# and topic names, +1 the email row of the outgoing queue, +1 the frame's section pages
# (fallback), +1 the staff who may read it (a staff alert, home/staff_alerts.py)
APPLICATION_LIST_QUERIES = 19 + 2
REGISTER_QUERIES = 16 + 2
PROGRAMME_PAGE_QUERIES = 24  # as in tests/test_query_budgets.py


def measure(client, url, budget, assert_max):
    """Render `url` once to warm caches, then again while counting its queries."""
    client.get(url)
    with assert_max(budget), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow(programme, count: int):
    """More programmes with questions and applications, and more applications here."""
    for number in range(count):
        other = ProgrammePageFactory(parent=programme.get_parent(), applications_on_site=True)
        ApplicationQuestion.objects.create(page=other, locale=other.locale, label=f"Q{number}")
    start = Application.objects.count()
    Application.objects.bulk_create(
        Application(programme=programme, name=f"Person {n}", email=f"p{n}@example.org")
        for n in range(start, start + count * 4)
    )


def test_the_apply_page_costs_the_same_with_few_and_many_programmes(
    client, open_programme, django_assert_max_num_queries
):
    url = f"{open_programme.url}apply/"
    small = measure(client, url, APPLY_PAGE_QUERIES, django_assert_max_num_queries)
    grow(open_programme, 30)
    large = measure(client, url, APPLY_PAGE_QUERIES, django_assert_max_num_queries)
    assert small == large


def test_sending_an_application_costs_the_same_with_few_and_many(
    client, open_programme, django_assert_max_num_queries
):
    url = f"{open_programme.url}apply/"
    with django_assert_max_num_queries(APPLY_POST_QUERIES) as captured:
        client.post(url, answers_for(open_programme, email="first@example.org"))
    small = len(captured)
    grow(open_programme, 30)
    with django_assert_max_num_queries(APPLY_POST_QUERIES) as captured:
        response = client.post(url, answers_for(open_programme, email="second@example.org"))
    assert response.status_code == 302
    assert small == len(captured)


def test_the_programme_page_stays_within_its_budget_with_the_form_on(
    client, open_programme, django_assert_max_num_queries
):
    small = measure(
        client, open_programme.url, PROGRAMME_PAGE_QUERIES, django_assert_max_num_queries
    )
    grow(open_programme, 30)
    large = measure(
        client, open_programme.url, PROGRAMME_PAGE_QUERIES, django_assert_max_num_queries
    )
    assert small == large


def staff_with_access(programme):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    ProgrammeAccess.objects.create(programme=programme, user=user)
    return user


def test_the_applications_list_costs_the_same_with_few_and_many(
    client, open_programme, django_assert_max_num_queries
):
    client.force_login(staff_with_access(open_programme))
    url = f"/admin/programmes/{open_programme.pk}/applications/"
    grow(open_programme, 1)
    small = measure(client, url, APPLICATION_LIST_QUERIES, django_assert_max_num_queries)
    grow(open_programme, 30)
    large = measure(client, url, APPLICATION_LIST_QUERIES, django_assert_max_num_queries)
    assert small == large


def add_cohort(programme, session, count: int, start: int):
    members = CohortMember.objects.bulk_create(
        CohortMember(programme=programme, display_name=f"Member {n}", confirmed_at=timezone.now())
        for n in range(start, start + count)
    )
    SessionAttendance.objects.bulk_create(
        SessionAttendance(session=session, cohort_member=member, present=True) for member in members
    )


def test_the_register_costs_the_same_for_a_small_and_a_large_cohort(
    client, open_programme, django_assert_max_num_queries
):
    session = ProgrammeSession.objects.create(
        page=open_programme,
        locale=open_programme.locale,
        date=open_programme.start_date + timedelta(days=1),
        start_time=time(10),
        end_time=time(12),
        title="Welcome",
    )
    client.force_login(staff_with_access(open_programme))
    url = f"/admin/programmes/sessions/{session.pk}/register/"
    add_cohort(open_programme, session, 3, 0)
    small = measure(client, url, REGISTER_QUERIES, django_assert_max_num_queries)
    add_cohort(open_programme, session, 40, 3)
    large = measure(client, url, REGISTER_QUERIES, django_assert_max_num_queries)
    assert small == large
