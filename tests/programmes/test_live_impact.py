"""Live impact: outcome figures typed by editors or counted from the site's own data.

Counts are compared with numbers made independently here, from the rows each test
creates; pages must show the current number on every request.
"""

from datetime import date, datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import hooks

from home.impact import ImpactSource, count, count_many
from members.models import EventState, MembershipStatus
from programmes.models import ProgrammeOutcomeFigure
from stories.models import HighlightFigure
from tests.factories import ProgrammePageFactory
from tests.members.factories import EventFactory, ProfileFactory
from tests.test_query_budgets import PROGRAMME_PAGE_QUERIES

TYPED_NEEDS_DELIVERED = "Type the number delivered, or choose a source that counts it."
COMPUTED_REFUSES_DELIVERED = "This figure is counted by the site: leave “delivered” empty."
NOT_COUNTED_YET = "Not counted yet"
LIVE_SOURCE = "Counted from this site, 1 Mar 2025 – 31 Aug 2025"
TYPED_SOURCE = "Reported by the programme team, 1 Mar 2025 – 31 Aug 2025"
LAST = 1000  # a counter registered by a test replaces any app's for the same source


def not_counted():
    """As if no installed app counted mentoring meetings."""
    return {ImpactSource.MENTORING_MEETINGS: None}


def moment(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def add_figure(programme, label, *, source="", delivered=None, target=None, order=0, **extra):
    return ProgrammeOutcomeFigure.objects.create(
        page=programme,
        locale=programme.locale,
        label=label,
        source=source,
        delivered=delivered,
        target=target,
        unit="people",
        sort_order=order,
        **extra,
    )


def source_cells(response) -> dict[str, str]:
    """Outcome table: label → "where the figure comes from" cell text."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row.th.get_text(strip=True): row.find_all("td")[-1].get_text(" ", strip=True)
        for row in soup.select("table.outcomes__table tbody tr")
    }


def outcome_rows(response) -> dict[str, str]:
    """Outcome table as a reader sees it: label → delivered cell text."""
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("table.outcomes__table")
    assert table is not None
    return {
        row.th.get_text(strip=True): row.find_all("td")[0].get_text(" ", strip=True)
        for row in table.tbody.find_all("tr")
    }


@pytest.fixture
def past_programme(programme_index):
    """A programme that ran from 1 March to 31 August 2025."""
    return ProgrammePageFactory(
        parent=programme_index,
        start_date=date(2025, 3, 1),
        end_date=date(2025, 8, 31),
        application_deadline=None,
    )


# Validation --------------------------------------------------------------------------


def test_a_typed_figure_needs_the_number_delivered(past_programme):
    figure = ProgrammeOutcomeFigure(page=past_programme, label="Workshops", target=20)

    with pytest.raises(ValidationError) as error:
        figure.clean()

    assert error.value.message_dict == {"delivered": [TYPED_NEEDS_DELIVERED]}


def test_a_computed_figure_needs_no_number_delivered(past_programme):
    figure = ProgrammeOutcomeFigure(
        page=past_programme, label="Members", source=ImpactSource.NETWORK_MEMBERS, target=50
    )

    figure.clean()  # no error


def test_a_computed_figure_refuses_a_typed_number(past_programme):
    figure = ProgrammeOutcomeFigure(
        page=past_programme, label="Members", source=ImpactSource.NETWORK_MEMBERS, delivered=3
    )

    with pytest.raises(ValidationError) as error:
        figure.clean()

    assert error.value.message_dict == {"delivered": [COMPUTED_REFUSES_DELIVERED]}


def test_a_period_cannot_end_before_it_starts(past_programme):
    figure = ProgrammeOutcomeFigure(
        page=past_programme,
        label="Events",
        source=ImpactSource.EVENTS_HELD,
        period_start=date(2025, 6, 1),
        period_end=date(2025, 5, 1),
    )

    with pytest.raises(ValidationError) as error:
        figure.clean()

    assert list(error.value.message_dict) == ["period_end"]


def test_highlight_figures_stay_typed(home_page):
    figure = HighlightFigure(
        label="Network members", source=ImpactSource.NETWORK_MEMBERS, source_note="A report"
    )

    with pytest.raises(ValidationError) as error:
        figure.clean()

    assert list(error.value.message_dict) == ["source"]
    assert "programme's outcome figures" in error.value.message_dict["source"][0]


def test_a_typed_figure_shows_exactly_what_was_typed(past_programme):
    figure = add_figure(past_programme, "Workshops", delivered=24, target=20)

    assert figure.delivered_count == 24


def test_the_period_defaults_to_the_programmes_first_and_last_day(past_programme):
    whole = add_figure(past_programme, "Events", source=ImpactSource.EVENTS_HELD)
    summer = add_figure(
        past_programme,
        "Summer events",
        source=ImpactSource.EVENTS_HELD,
        period_start=date(2025, 6, 1),
    )

    assert whole.period_for(past_programme) == (date(2025, 3, 1), date(2025, 8, 31))
    assert summer.period_for(past_programme) == (date(2025, 6, 1), date(2025, 8, 31))


# Network members and events held, against counts made here ---------------------------


def test_network_members_are_approved_active_accounts_at_the_end_of_the_period(
    past_programme,
):
    end = past_programme.end_date
    before_end = moment(end - timedelta(days=40))
    after_end = moment(end + timedelta(days=2))
    counted = [
        ProfileFactory(status_changed_at=before_end),
        ProfileFactory(status_changed_at=moment(end, 23)),  # last evening of the period
        ProfileFactory(status_changed_at=before_end),
    ]
    ProfileFactory(status=MembershipStatus.PENDING)
    ProfileFactory(status=MembershipStatus.DECLINED, status_changed_at=before_end)
    ProfileFactory(status_changed_at=after_end)  # joined after the period
    inactive = ProfileFactory(status_changed_at=before_end)
    inactive.user.is_active = False
    inactive.user.save()
    deleted = ProfileFactory(status_changed_at=before_end)
    deleted.user.delete()
    figure = add_figure(past_programme, "Network members", source=ImpactSource.NETWORK_MEMBERS)

    assert figure.delivered_count == len(counted) == 3
    # With no end, every approved active member now counts.
    assert count(ImpactSource.NETWORK_MEMBERS, past_programme, None, None) == 4


def test_events_held_are_published_events_that_took_place_in_the_period(past_programme):
    inside = [date(2025, 3, 1), date(2025, 5, 20), date(2025, 8, 31)]
    for day in inside:
        EventFactory(starts_at=moment(day, 18))
    EventFactory(starts_at=moment(date(2025, 4, 2)), state=EventState.CANCELLED)
    EventFactory(starts_at=moment(date(2025, 4, 3)), state=EventState.DECLINED)
    EventFactory(starts_at=moment(date(2025, 4, 4)), state=EventState.PROPOSED)
    EventFactory(starts_at=moment(date(2025, 2, 28), 18))  # the day before
    EventFactory(starts_at=moment(date(2025, 9, 1), 9))  # the day after
    figure = add_figure(past_programme, "Events", source=ImpactSource.EVENTS_HELD)

    assert figure.delivered_count == len(inside) == 3


def test_events_of_a_programme_are_those_linked_to_it_in_any_language(
    past_programme, programme_index, django_assert_num_queries
):
    from wagtail.models import Locale

    chinese = Locale.objects.get_or_create(language_code="zh-hant")[0]
    programme_index.get_parent().copy_for_translation(chinese)
    programme_index.copy_for_translation(chinese)
    past_programme.save_revision().publish()
    chinese_page = past_programme.copy_for_translation(chinese)
    other = ProgrammePageFactory(parent=programme_index, application_deadline=None)
    linked = [
        EventFactory(starts_at=moment(date(2025, 3, 5)), programme=past_programme),
        EventFactory(starts_at=moment(date(2025, 6, 5)), programme=past_programme),
        EventFactory(starts_at=moment(date(2025, 7, 5)), programme=chinese_page),
    ]
    EventFactory(starts_at=moment(date(2025, 4, 5)), programme=other)
    EventFactory(starts_at=moment(date(2025, 4, 6)))  # a network event, no programme
    EventFactory(
        starts_at=moment(date(2025, 4, 7)),
        programme=past_programme,
        state=EventState.CANCELLED,
    )
    EventFactory(starts_at=moment(date(2025, 9, 2)), programme=past_programme)  # after
    figure = add_figure(past_programme, "Our events", source=ImpactSource.PROGRAMME_EVENTS)

    assert figure.delivered_count == len(linked) == 3
    # The network figure counts every published event in the period, linked or not.
    assert count(ImpactSource.EVENTS_HELD, past_programme, date(2025, 3, 1), date(2025, 8, 31)) == 5
    with django_assert_num_queries(1):
        numbers = count_many(
            ImpactSource.PROGRAMME_EVENTS,
            [
                (past_programme, None, None),
                (other, None, None),
                (past_programme, None, date(2025, 3, 31)),
            ],
        )
    assert numbers == [4, 1, 1]


def test_an_event_still_to_come_has_not_been_held(programme_index):
    today = timezone.localdate()
    running = ProgrammePageFactory(
        parent=programme_index,
        start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=30),
        application_deadline=None,
    )
    EventFactory(starts_at=timezone.now() - timedelta(days=3))
    EventFactory(starts_at=timezone.now() + timedelta(days=3))
    figure = add_figure(running, "Events", source=ImpactSource.EVENTS_HELD)

    assert figure.delivered_count == 1


def test_many_periods_are_counted_in_one_query(past_programme, django_assert_num_queries):
    for day in (date(2025, 3, 10), date(2025, 6, 10), date(2025, 8, 10)):
        EventFactory(starts_at=moment(day))
    queries = [
        (past_programme, date(2025, 3, 1), date(2025, 8, 31)),
        (past_programme, date(2025, 6, 1), None),
        (past_programme, None, date(2025, 3, 31)),
        (past_programme, date(2025, 3, 1), date(2025, 8, 31)),
    ]

    with django_assert_num_queries(1):
        values = count_many(ImpactSource.EVENTS_HELD, queries)

    assert values == [3, 2, 1, 3]


# Sources counted by other apps, through a counter registered for the test ------------


def sessions_counter(calls):
    def counter(programme, start, end):
        calls.append((programme.pk, start, end))
        return 7

    return lambda: {ImpactSource.SESSIONS_DELIVERED: counter}


def test_a_computed_figure_asks_the_registered_counter_with_its_programme_and_period(
    past_programme,
):
    calls = []
    figure = add_figure(past_programme, "Sessions", source=ImpactSource.SESSIONS_DELIVERED)

    with hooks.register_temporarily(
        "register_impact_counters", sessions_counter(calls), order=LAST
    ):
        assert figure.delivered_count == 7

    assert calls == [(past_programme.pk, date(2025, 3, 1), date(2025, 8, 31))]


# The programme page -------------------------------------------------------------------


def test_the_programme_page_shows_the_live_number_and_follows_the_data(client, past_programme):
    add_figure(past_programme, "Workshops", delivered=24, target=20, order=0)
    add_figure(past_programme, "Network events", source=ImpactSource.EVENTS_HELD, target=5, order=1)
    EventFactory(starts_at=moment(date(2025, 4, 1)))

    first = outcome_rows(client.get(past_programme.url))
    EventFactory(starts_at=moment(date(2025, 5, 1)))
    EventFactory(starts_at=moment(date(2025, 6, 1)))
    second = client.get(past_programme.url)

    assert first["Workshops"] == "24 people"
    assert first["Network events"] == "1 people"
    assert outcome_rows(second)["Network events"] == "3 people"
    # Where each number comes from, on the page and in the chart's text equivalent.
    assert source_cells(second) == {"Workshops": TYPED_SOURCE, "Network events": LIVE_SOURCE}
    assert f"3 people delivered against a target of 5, 60% of target. {LIVE_SOURCE}." in second.text
    assert (
        f"24 people delivered against a target of 20, 120% of target. {TYPED_SOURCE}."
        in second.text
    )


def test_a_source_nobody_counts_yet_says_so_on_the_page(client, past_programme):
    add_figure(
        past_programme, "Mentoring meetings", source=ImpactSource.MENTORING_MEETINGS, target=20
    )

    with hooks.register_temporarily("register_impact_counters", not_counted, order=LAST):
        response = client.get(past_programme.url)

    assert response.status_code == 200
    assert outcome_rows(response)["Mentoring meetings"] == NOT_COUNTED_YET
    assert source_cells(response)["Mentoring meetings"] == LIVE_SOURCE
    assert "Mentoring meetings: not counted yet." in response.text


def test_a_translated_programme_shows_the_same_live_number(client, home_page, past_programme):
    from wagtail.models import Locale

    from home.i18n import translate_page

    add_figure(past_programme, "Network events", source=ImpactSource.EVENTS_HELD, target=5)
    EventFactory(starts_at=moment(date(2025, 4, 1)))
    past_programme.save_revision().publish()
    translate_page(home_page, "zh-hant", {"Home": "主頁"})
    translate_page(past_programme.get_parent().specific, "zh-hant", {})
    translate_page(past_programme, "zh-hant", {"Network events": "網絡活動"})
    translation = past_programme.get_translation(Locale.objects.get(language_code="zh-hant"))
    figure = translation.specific.outcome_figures.get()
    EventFactory(starts_at=moment(date(2025, 5, 1)))

    response = client.get(translation.url)

    assert (figure.label, figure.source, figure.delivered) == ("網絡活動", "events_held", None)
    assert response.status_code == 200
    assert outcome_rows(response)["網絡活動"].startswith("2 people")


def test_programme_page_queries_do_not_grow_with_figures_or_data(
    client, past_programme, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sources = [ImpactSource.EVENTS_HELD, ImpactSource.NETWORK_MEMBERS]
    for order, source in enumerate(sources):
        add_figure(past_programme, f"Figure {order}", source=source, target=5, order=order)

    def measure():
        client.get(past_programme.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(past_programme.url).status_code == 200
        return len(queries)

    small = measure()
    for order in range(2, 12):
        add_figure(
            past_programme, f"Figure {order}", source=sources[order % 2], target=5, order=order
        )
    for number in range(20):
        EventFactory(starts_at=moment(date(2025, 4, 1) + timedelta(days=number)))
        ProfileFactory(status_changed_at=moment(date(2025, 4, 1)))
    large = measure()

    assert small == large
    # One count per distinct source on top of the page's budget (at most six sources).
    with django_assert_max_num_queries(PROGRAMME_PAGE_QUERIES + len(sources)):
        client.get(past_programme.url)
