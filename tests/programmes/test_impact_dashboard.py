"""The staff "Impact" dashboard in the Wagtail admin and its CSV export for funders."""

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from home.impact import ImpactSource
from programmes.models import ProgrammeOutcomeFigure
from tests.factories import ProgrammePageFactory
from tests.members.factories import EventFactory, ProfileFactory, StaffFactory, UserFactory

DASHBOARD = reverse("programmes_impact:dashboard")
EXPORT = reverse("programmes_impact:export_csv")
HEADER = [
    "Programme",
    "Figure",
    "Counted from",
    "First day",
    "Last day",
    "Delivered",
    "Target",
    "Percentage of target",
    "Unit",
    "Where the figure comes from",
]


LAST = 1000  # a counter registered by a test replaces any app's for the same source


def sessions_not_counted():
    """As if no installed app counted sessions."""
    return {ImpactSource.SESSIONS_DELIVERED: None}


def moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(18)))


def add_figure(programme, label, order=0, unit="people", **fields):
    return ProgrammeOutcomeFigure.objects.create(
        page=programme, locale=programme.locale, label=label, unit=unit, sort_order=order, **fields
    )


@pytest.fixture
def together(programme_index):
    """A finished project with typed and computed figures."""
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="Active Citizens Together",
        start_date=date(2015, 10, 1),
        end_date=date(2017, 9, 30),
        application_deadline=None,
    )
    add_figure(programme, "Workshops", delivered=24, target=20, unit="workshops")
    add_figure(
        programme,
        "Network events",
        order=1,
        source=ImpactSource.EVENTS_HELD,
        target=4,
        unit="events",
        period_start=date(2017, 7, 1),
    )
    add_figure(
        programme, "=Sessions", order=2, source=ImpactSource.SESSIONS_DELIVERED, unit="sessions"
    )
    for day in (date(2017, 7, 15), date(2017, 9, 2), date(2017, 9, 30)):
        EventFactory(starts_at=moment(day))
    EventFactory(starts_at=moment(date(2017, 3, 1)))  # before the figure's own period
    return programme


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.org")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# Who may see it ---------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_admin_login(client, together):
    for url in (DASHBOARD, EXPORT):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={url}"


def test_a_member_without_admin_access_is_refused(client, together):
    client.force_login(ProfileFactory().user)

    for url in (DASHBOARD, EXPORT):
        response = client.get(url)
        assert response.status_code in {302, 403}
        assert "Active Citizens Together" not in response.text


def test_staff_who_cannot_edit_programmes_are_refused(client, together):
    client.force_login(StaffFactory())  # admin access, moderates members, edits no page

    for url in (DASHBOARD, EXPORT):
        response = client.get(url)
        # Wagtail turns the refusal into a redirect to the dashboard with a message.
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_editors_see_every_figure_against_target(client, together, editor):
    client.force_login(editor)

    with hooks.register_temporarily("register_impact_counters", sessions_not_counted, order=LAST):
        response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.text
    assert "Active Citizens Together" in html
    assert "24 workshops" in html and "120%" in html
    assert "3 events" in html and "75%" in html
    assert "Not counted yet" in html
    assert 'role="img"' in html  # the accessible SVG chart


def test_the_menu_shows_impact_to_editors_only(client, together, editor):
    client.force_login(editor)
    assert DASHBOARD in client.get(reverse("wagtailadmin_home")).text

    client.force_login(StaffFactory())
    assert DASHBOARD not in client.get(reverse("wagtailadmin_home")).text


# The CSV export ---------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_the_csv_holds_each_figure_with_its_source_period_and_percentage(client, together, editor):
    client.force_login(editor)

    with hooks.register_temporarily("register_impact_counters", sessions_not_counted, order=LAST):
        rows = read_csv(client.get(EXPORT))

    assert rows == [
        HEADER,
        [
            "Active Citizens Together",
            "Workshops",
            "Typed by an editor",
            "2015-10-01",
            "2017-09-30",
            "24",
            "20",
            "120",
            "workshops",
            "Reported by the programme team, 1 Oct 2015 – 30 Sep 2017",
        ],
        [
            "Active Citizens Together",
            "Network events",
            "Network events held",
            "2017-07-01",
            "2017-09-30",
            "3",
            "4",
            "75",
            "events",
            "Counted from this site, 1 Jul 2017 – 30 Sep 2017",
        ],
        [
            "Active Citizens Together",
            "'=Sessions",  # never read as a formula by a spreadsheet
            "Sessions delivered (register taken)",
            "2015-10-01",
            "2017-09-30",
            "",
            "",
            "",
            "sessions",
            "Counted from this site, 1 Oct 2015 – 30 Sep 2017",
        ],
    ]


def test_the_csv_counts_with_the_registered_counter(client, together, editor):
    client.force_login(editor)
    counter = {ImpactSource.SESSIONS_DELIVERED: lambda programme, start, end: 9}

    with hooks.register_temporarily("register_impact_counters", lambda: counter, order=LAST):
        rows = read_csv(client.get(EXPORT))

    assert rows[3][5] == "9"


def test_the_csv_of_one_programme_leaves_the_others_out(client, together, editor, programme_index):
    other = ProgrammePageFactory(parent=programme_index, title="Speak Up")
    add_figure(other, "Participants", delivered=12, target=20)
    client.force_login(editor)

    rows = read_csv(client.get(EXPORT, {"programme": other.pk}))

    assert [row[:2] for row in rows[1:]] == [["Speak Up", "Participants"]]


# Queries ----------------------------------------------------------------------------


def add_programmes(index, count):
    today = timezone.localdate()
    for number in range(count):
        programme = ProgrammePageFactory(
            parent=index, start_date=today - timedelta(days=300 + number)
        )
        add_figure(programme, "Workshops", delivered=number, target=20)
        add_figure(programme, "Members", order=1, source=ImpactSource.NETWORK_MEMBERS, target=5)
        add_figure(programme, "Events", order=2, source=ImpactSource.EVENTS_HELD, target=5)


@pytest.mark.parametrize("url", [DASHBOARD, EXPORT])
def test_the_dashboard_costs_the_same_queries_with_two_or_twenty_programmes(
    client, editor, programme_index, url
):
    client.force_login(editor)

    def measure():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add_programmes(programme_index, 2)
    small = measure()
    add_programmes(programme_index, 18)
    large = measure()

    assert small == large
