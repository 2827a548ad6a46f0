"""A programme's application status at every boundary, in Python and in the database.

Each boundary is checked three ways: `compute_status(now=...)`, the page's
`application_status` property with the clock frozen, and the database filters the
programme list uses, so the two copies of the rules cannot drift apart.
"""

from datetime import UTC, date, datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest

from programmes.models import ProgrammePage
from programmes.status import (
    ApplicationStatus,
    StatusFilter,
    accepting_applications_q,
    compute_status,
    status_filter_q,
)
from tests.factories import ProgrammePageFactory

LONDON = ZoneInfo("Europe/London")

# The reader-facing group each status falls in.
GROUP_OF_STATUS = {
    ApplicationStatus.UPCOMING: StatusFilter.UPCOMING,
    ApplicationStatus.OPEN: StatusFilter.OPEN,
    ApplicationStatus.CLOSING_SOON: StatusFilter.OPEN,
    ApplicationStatus.CLOSED: StatusFilter.UPCOMING,
    ApplicationStatus.RUNNING: StatusFilter.RUNNING,
    ApplicationStatus.FINISHED: StatusFilter.PAST,
}
ACCEPTING = {ApplicationStatus.OPEN, ApplicationStatus.CLOSING_SOON}


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def london(*args) -> datetime:
    """A wall-clock time in the UK (never use for the ambiguous hour in October)."""
    return datetime(*args, tzinfo=LONDON)


def python_status(programme, now) -> ApplicationStatus:
    return compute_status(
        start_date=programme.start_date,
        end_date=programme.end_date,
        opens_at=programme.applications_open_at,
        deadline=programme.application_deadline,
        now=now,
    )


def database_groups(programme, now) -> list[StatusFilter]:
    """The reader-facing groups whose database filter selects `programme` at `now`."""
    return [
        group
        for group in StatusFilter
        if ProgrammePage.objects.filter(status_filter_q(group, now=now), pk=programme.pk).exists()
    ]


def assert_status_everywhere(programme, now, expected):
    """The status at `now` is `expected` in Python, on the page and in the database."""
    programme.refresh_from_db()
    assert python_status(programme, now) == expected
    with patch("django.utils.timezone.now", return_value=now.astimezone(UTC)):
        assert programme.application_status == expected
        assert programme.is_accepting_applications is (expected in ACCEPTING)
    assert database_groups(programme, now) == [GROUP_OF_STATUS[expected]]
    accepting = ProgrammePage.objects.filter(accepting_applications_q(now), pk=programme.pk)
    assert accepting.exists() is (expected in ACCEPTING)


@pytest.fixture
def autumn_programme(programme_index):
    """Applications open 09:00 on 1 September 2023 (BST) until 23:59 on 20 September;
    the programme runs from Monday 2 October to Friday 15 December 2023 (GMT by then)."""
    return ProgrammePageFactory(
        parent=programme_index,
        title="Autumn leaders",
        applications_open_at=london(2023, 9, 1, 9, 0),
        application_deadline=london(2023, 9, 20, 23, 59),
        start_date=date(2023, 10, 2),
        end_date=date(2023, 12, 15),
    )


# Before, at and after the opening moment ------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [utc(2023, 8, 1, 12, 0), london(2023, 9, 1, 8, 59, 59), london(2023, 9, 1, 8, 59, 59, 999999)],
    ids=["a-month-before", "one-second-before", "one-microsecond-before"],
)
def test_programme_is_opening_soon_before_applications_open(autumn_programme, now):
    assert_status_everywhere(autumn_programme, now, ApplicationStatus.UPCOMING)


def test_applications_open_at_the_opening_moment(autumn_programme):
    assert_status_everywhere(autumn_programme, london(2023, 9, 1, 9, 0), ApplicationStatus.OPEN)
    # 09:00 BST is 08:00 UTC.
    assert_status_everywhere(autumn_programme, utc(2023, 9, 1, 8, 0), ApplicationStatus.OPEN)


def test_applications_are_open_without_an_opening_time_as_soon_as_published(programme_index):
    programme = ProgrammePageFactory(
        parent=programme_index,
        applications_open_at=None,
        application_deadline=london(2023, 9, 20, 23, 59),
        start_date=date(2023, 10, 2),
        end_date=date(2023, 12, 15),
    )
    assert_status_everywhere(programme, utc(2020, 1, 1, 0, 0), ApplicationStatus.OPEN)


# The deadline minute --------------------------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [
        london(2023, 9, 20, 23, 59, 0),
        london(2023, 9, 20, 23, 59, 30),
        london(2023, 9, 20, 23, 59, 59),
        london(2023, 9, 20, 23, 59, 59, 999999),
    ],
    ids=["23:59:00", "23:59:30", "23:59:59", "23:59:59.999999"],
)
def test_deadline_minute_still_accepts_applications(autumn_programme, now):
    assert_status_everywhere(autumn_programme, now, ApplicationStatus.CLOSING_SOON)


def test_applications_close_at_midnight_after_the_deadline(autumn_programme):
    assert autumn_programme.applications_close_at == london(2023, 9, 21, 0, 0)
    assert_status_everywhere(autumn_programme, london(2023, 9, 21, 0, 0), ApplicationStatus.CLOSED)
    # Midnight BST is 23:00 UTC the evening before.
    assert_status_everywhere(autumn_programme, utc(2023, 9, 20, 23, 0), ApplicationStatus.CLOSED)
    assert_status_everywhere(
        autumn_programme, utc(2023, 9, 20, 22, 59, 59), ApplicationStatus.CLOSING_SOON
    )


def test_deadline_saved_with_seconds_is_stored_to_the_minute(programme_index):
    programme = ProgrammePageFactory(
        parent=programme_index,
        applications_open_at=london(2023, 9, 1, 9, 0, 45),
        application_deadline=london(2023, 9, 20, 23, 59, 30, 500),
        start_date=date(2023, 10, 2),
        end_date=date(2023, 12, 15),
    )
    programme.refresh_from_db()
    assert programme.application_deadline == london(2023, 9, 20, 23, 59)
    assert programme.applications_open_at == london(2023, 9, 1, 9, 0)
    assert_status_everywhere(
        programme, london(2023, 9, 20, 23, 59, 59), ApplicationStatus.CLOSING_SOON
    )
    assert_status_everywhere(programme, london(2023, 9, 21, 0, 0), ApplicationStatus.CLOSED)


def test_unsaved_deadline_with_seconds_still_closes_at_the_next_minute():
    status = compute_status(
        start_date=date(2023, 10, 2),
        end_date=date(2023, 12, 15),
        opens_at=None,
        deadline=london(2023, 9, 20, 23, 59, 30),
        now=london(2023, 9, 20, 23, 59, 45),
    )
    assert status == ApplicationStatus.CLOSING_SOON
    status = compute_status(
        start_date=date(2023, 10, 2),
        end_date=date(2023, 12, 15),
        opens_at=None,
        deadline=london(2023, 9, 20, 23, 59, 30),
        now=london(2023, 9, 21, 0, 0),
    )
    assert status == ApplicationStatus.CLOSED


# Closing soon ---------------------------------------------------------------------------


def test_closing_soon_begins_exactly_seven_days_before_applications_close(autumn_programme):
    # Applications close at 00:00 on 21 September 2023 (BST).
    assert_status_everywhere(
        autumn_programme, london(2023, 9, 14, 0, 0), ApplicationStatus.CLOSING_SOON
    )


def test_seven_days_and_one_second_before_closing_is_plain_open(autumn_programme):
    assert_status_everywhere(
        autumn_programme, london(2023, 9, 13, 23, 59, 59), ApplicationStatus.OPEN
    )


# Between the deadline and the programme -------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [london(2023, 9, 21, 0, 0, 1), london(2023, 9, 25, 12, 0), london(2023, 10, 1, 23, 59, 59)],
    ids=["just-after-close", "days-later", "last-second-before-first-day"],
)
def test_applications_are_closed_between_deadline_and_first_day(autumn_programme, now):
    assert_status_everywhere(autumn_programme, now, ApplicationStatus.CLOSED)


# Running and finished -------------------------------------------------------------------


def test_programme_is_running_from_midnight_uk_time_on_its_first_day(autumn_programme):
    # 00:00 BST on Monday 2 October is 23:00 UTC on Sunday 1 October.
    assert_status_everywhere(autumn_programme, utc(2023, 10, 1, 23, 0), ApplicationStatus.RUNNING)
    assert_status_everywhere(
        autumn_programme, utc(2023, 10, 1, 22, 59, 59), ApplicationStatus.CLOSED
    )


def test_programme_is_still_running_at_2359_on_its_last_day(autumn_programme):
    assert_status_everywhere(
        autumn_programme, london(2023, 12, 15, 23, 59, 59), ApplicationStatus.RUNNING
    )


def test_programme_is_finished_the_day_after_its_last_day(autumn_programme):
    assert_status_everywhere(
        autumn_programme, london(2023, 12, 16, 0, 0), ApplicationStatus.FINISHED
    )
    assert_status_everywhere(autumn_programme, utc(2024, 6, 1, 12, 0), ApplicationStatus.FINISHED)


def test_one_day_programme_runs_only_on_that_day(programme_index):
    programme = ProgrammePageFactory(
        parent=programme_index,
        application_deadline=london(2023, 7, 1, 23, 59),
        start_date=date(2023, 7, 15),
        end_date=date(2023, 7, 15),
    )
    assert_status_everywhere(programme, london(2023, 7, 14, 23, 59, 59), ApplicationStatus.CLOSED)
    assert_status_everywhere(programme, london(2023, 7, 15, 0, 0), ApplicationStatus.RUNNING)
    assert_status_everywhere(programme, london(2023, 7, 15, 23, 59, 59), ApplicationStatus.RUNNING)
    assert_status_everywhere(programme, london(2023, 7, 16, 0, 0), ApplicationStatus.FINISHED)


# No deadline ----------------------------------------------------------------------------


def test_programme_without_deadline_is_opening_soon_until_it_starts(programme_index):
    programme = ProgrammePageFactory(
        parent=programme_index,
        application_deadline=None,
        applications_open_at=None,
        start_date=date(2023, 10, 2),
        end_date=date(2023, 12, 15),
    )
    assert programme.applications_close_at is None
    assert_status_everywhere(programme, utc(2023, 1, 1, 0, 0), ApplicationStatus.UPCOMING)
    assert_status_everywhere(programme, london(2023, 10, 1, 23, 59, 59), ApplicationStatus.UPCOMING)
    assert_status_everywhere(programme, london(2023, 10, 2, 0, 0), ApplicationStatus.RUNNING)
    assert_status_everywhere(programme, london(2023, 12, 16, 0, 0), ApplicationStatus.FINISHED)


# The clock changes ----------------------------------------------------------------------


@pytest.fixture
def clock_change_programme(programme_index):
    """Deadline 23:59 on Saturday 28 October 2023, still BST: the clocks go back at 02:00
    BST on Sunday 29 October. The programme starts on Monday 30 October."""
    return ProgrammePageFactory(
        parent=programme_index,
        title="Clock change",
        application_deadline=london(2023, 10, 28, 23, 59),
        start_date=date(2023, 10, 30),
        end_date=date(2023, 11, 30),
    )


def test_deadline_before_autumn_clock_change_is_stored_as_bst(clock_change_programme):
    clock_change_programme.refresh_from_db()
    assert clock_change_programme.application_deadline == utc(2023, 10, 28, 22, 59)
    assert clock_change_programme.applications_close_at == utc(2023, 10, 28, 23, 0)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2023, 10, 28, 22, 59, 0), ApplicationStatus.CLOSING_SOON),  # 23:59:00 BST
        (utc(2023, 10, 28, 22, 59, 59), ApplicationStatus.CLOSING_SOON),  # 23:59:59 BST
        (utc(2023, 10, 28, 23, 0, 0), ApplicationStatus.CLOSED),  # 00:00 BST, Sunday
        (utc(2023, 10, 28, 23, 59, 59), ApplicationStatus.CLOSED),  # 00:59:59 BST
        (utc(2023, 10, 29, 0, 30), ApplicationStatus.CLOSED),  # 01:30 BST, first time
        (utc(2023, 10, 29, 1, 30), ApplicationStatus.CLOSED),  # 01:30 GMT, second time
        (utc(2023, 10, 29, 23, 59, 59), ApplicationStatus.CLOSED),  # Sunday 23:59:59 GMT
        (utc(2023, 10, 30, 0, 0), ApplicationStatus.RUNNING),  # Monday 00:00 GMT
    ],
    ids=[
        "23:59:00-bst",
        "23:59:59-bst",
        "midnight-bst",
        "00:59:59-bst",
        "01:30-bst",
        "01:30-gmt",
        "sunday-23:59:59-gmt",
        "monday-midnight-gmt",
    ],
)
def test_deadline_on_the_saturday_before_the_clocks_go_back(clock_change_programme, now, expected):
    assert_status_everywhere(clock_change_programme, now, expected)


@pytest.fixture
def spring_programme(programme_index):
    """Starts on Sunday 26 March 2023, the day the clocks go forward (01:00 GMT becomes
    02:00 BST), and ends on Friday 30 June 2023 (BST)."""
    return ProgrammePageFactory(
        parent=programme_index,
        title="Spring",
        application_deadline=london(2023, 3, 10, 23, 59),
        start_date=date(2023, 3, 26),
        end_date=date(2023, 6, 30),
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2023, 3, 25, 23, 30), ApplicationStatus.CLOSED),  # still 25 March in London
        (utc(2023, 3, 25, 23, 59, 59), ApplicationStatus.CLOSED),
        (utc(2023, 3, 26, 0, 0), ApplicationStatus.RUNNING),  # 00:00 GMT, 26 March
        (utc(2023, 3, 26, 0, 59, 59), ApplicationStatus.RUNNING),  # 00:59:59 GMT
        (utc(2023, 3, 26, 1, 0), ApplicationStatus.RUNNING),  # 02:00 BST
    ],
    ids=["23:30z-25-march", "23:59:59z-25-march", "midnight-gmt", "00:59:59-gmt", "02:00-bst"],
)
def test_first_day_on_the_spring_clock_change_begins_at_gmt_midnight(
    spring_programme, now, expected
):
    assert_status_everywhere(spring_programme, now, expected)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2023, 6, 30, 22, 59, 59), ApplicationStatus.RUNNING),  # 23:59:59 BST, 30 June
        (utc(2023, 6, 30, 23, 0), ApplicationStatus.FINISHED),  # 00:00 BST, 1 July
        (utc(2023, 6, 30, 23, 30), ApplicationStatus.FINISHED),  # already 1 July in London
    ],
    ids=["23:59:59-bst", "midnight-bst", "23:30z-is-1-july"],
)
def test_last_day_in_summer_ends_at_bst_midnight(spring_programme, now, expected):
    assert_status_everywhere(spring_programme, now, expected)


@pytest.fixture
def closes_after_clock_change(programme_index):
    """Deadline 23:59 on Saturday 4 November 2023 (GMT): applications close at
    00:00 GMT on 5 November, exactly 7 days of real time after 00:00 UTC on 29 October,
    which is 01:00 BST, an hour before the clocks go back."""
    return ProgrammePageFactory(
        parent=programme_index,
        application_deadline=london(2023, 11, 4, 23, 59),
        start_date=date(2023, 11, 13),
        end_date=date(2023, 12, 15),
    )


def test_closing_soon_window_across_the_clock_change_is_seven_days_of_real_time(
    closes_after_clock_change,
):
    assert_status_everywhere(
        closes_after_clock_change, utc(2023, 10, 29, 0, 0), ApplicationStatus.CLOSING_SOON
    )
    assert_status_everywhere(
        closes_after_clock_change, utc(2023, 10, 28, 23, 59, 59), ApplicationStatus.OPEN
    )


def test_status_of_an_instant_does_not_depend_on_the_time_zone_it_is_written_in():
    instant = utc(2023, 10, 28, 23, 59, 59)  # 7 days and 1 second before applications close
    dates = {
        "start_date": date(2023, 11, 13),
        "end_date": date(2023, 12, 15),
        "opens_at": None,
        "deadline": london(2023, 11, 4, 23, 59),
    }
    in_utc = compute_status(**dates, now=instant)
    in_london = compute_status(**dates, now=instant.astimezone(LONDON))
    assert in_utc == ApplicationStatus.OPEN
    assert in_london == in_utc


def test_deadline_in_the_repeated_hour_closes_one_minute_of_real_time_later(programme_index):
    # 01:59 BST (the first 01:59 that morning) is 00:59 UTC; the clocks go back at 01:00 UTC.
    deadline = datetime(2023, 10, 29, 1, 59, tzinfo=LONDON, fold=0)
    assert deadline.astimezone(UTC) == utc(2023, 10, 29, 0, 59)
    programme = ProgrammePage(
        application_deadline=deadline,
        start_date=date(2023, 11, 6),
        end_date=date(2023, 12, 15),
    )
    assert programme.applications_close_at.astimezone(UTC) == utc(2023, 10, 29, 1, 0)
    with patch("django.utils.timezone.now", return_value=utc(2023, 10, 29, 1, 30)):
        assert programme.application_status == ApplicationStatus.CLOSED


# The page shows the status readers see --------------------------------------------------


def test_programme_page_shows_closing_soon_in_the_deadline_minute_and_closed_after(
    client, autumn_programme
):
    with patch("django.utils.timezone.now", return_value=utc(2023, 9, 20, 22, 59, 59)):
        response = client.get(autumn_programme.url)
    assert response.status_code == 200
    assert "Closing soon" in response.text
    assert "How to apply" in response.text

    with patch("django.utils.timezone.now", return_value=utc(2023, 9, 20, 23, 0)):
        response = client.get(autumn_programme.url)
    assert "Applications closed" in response.text
    assert "Closing soon" not in response.text
    assert 'href="#how-to-apply"' not in response.text


# The database rules and the Python rules agree ------------------------------------------


@pytest.fixture
def varied_programmes(programme_index):
    """Programmes whose boundaries fall near each instant in `CHECK_INSTANTS`."""
    specs = [
        # title, opens at, deadline, first day, last day
        (
            "Autumn",
            london(2023, 9, 1, 9),
            london(2023, 9, 20, 23, 59),
            (2023, 10, 2),
            (2023, 12, 15),
        ),
        ("Clock change", None, london(2023, 10, 28, 23, 59), (2023, 10, 30), (2023, 11, 30)),
        ("No deadline", None, None, (2023, 3, 26), (2023, 6, 30)),
        ("Spring day", None, london(2023, 3, 10, 23, 59), (2023, 3, 25), (2023, 3, 25)),
        ("Winter", london(2023, 10, 1), london(2023, 11, 4, 23, 59), (2023, 11, 6), (2024, 1, 31)),
        ("Summer", None, london(2023, 6, 1, 12), (2023, 7, 1), (2023, 7, 1)),
        (
            "Late opener",
            utc(2023, 10, 29, 0, 30),  # the first 01:30 (BST) on the morning the clocks go back
            london(2023, 11, 20, 23, 59),
            (2023, 12, 1),
            (2024, 2, 1),
        ),
        ("Long", None, london(2022, 12, 31, 23, 59), (2023, 1, 9), (2023, 12, 31)),
    ]
    return [
        ProgrammePageFactory(
            parent=programme_index,
            title=title,
            applications_open_at=opens_at,
            application_deadline=deadline,
            start_date=date(*first_day),
            end_date=date(*last_day),
        )
        for title, opens_at, deadline, first_day, last_day in specs
    ]


CHECK_INSTANTS = [
    utc(2023, 3, 24, 23, 59, 59),  # 24 March ends, GMT
    utc(2023, 3, 25, 23, 30),  # still 25 March in London
    utc(2023, 3, 26, 0, 0),
    utc(2023, 6, 30, 22, 59, 59),  # 23:59:59 BST on 30 June
    utc(2023, 6, 30, 23, 30),  # already 1 July in London
    utc(2023, 7, 1, 23, 0),  # 00:00 BST on 2 July
    utc(2023, 9, 1, 7, 59, 59),  # a second before 09:00 BST
    utc(2023, 9, 1, 8, 0),  # 09:00 BST
    utc(2023, 9, 20, 22, 59, 59),  # 23:59:59 BST on 20 September
    utc(2023, 9, 20, 23, 0),  # 00:00 BST on 21 September
    utc(2023, 10, 1, 23, 0),  # 00:00 BST on 2 October
    utc(2023, 10, 28, 22, 59, 59),
    utc(2023, 10, 28, 23, 0),
    utc(2023, 10, 29, 0, 30),  # 01:30 BST, before the clocks go back
    utc(2023, 10, 29, 1, 30),  # 01:30 GMT, after
    utc(2023, 11, 5, 0, 0),
    utc(2024, 1, 31, 23, 59, 59),
    utc(2024, 2, 2, 0, 0),
]


@pytest.mark.parametrize(
    "now", CHECK_INSTANTS, ids=[f"{now:%Y-%m-%dT%H:%M:%SZ}" for now in CHECK_INSTANTS]
)
def test_database_filters_select_the_programmes_python_puts_in_each_group(varied_programmes, now):
    pages = ProgrammePage.objects.filter(pk__in=[p.pk for p in varied_programmes])
    expected = {group: set() for group in StatusFilter}
    for programme in pages:
        expected[GROUP_OF_STATUS[python_status(programme, now)]].add(programme.title)

    for group in StatusFilter:
        selected = set(
            pages.filter(status_filter_q(group, now=now)).values_list("title", flat=True)
        )
        assert selected == expected[group], group

    accepting = set(pages.filter(accepting_applications_q(now)).values_list("title", flat=True))
    assert accepting == expected[StatusFilter.OPEN]
    # Each programme falls in exactly one group.
    assert sum(len(titles) for titles in expected.values()) == len(varied_programmes)


def test_varied_programmes_cover_every_status(varied_programmes):
    """Guards the consistency test above: its instants reach every status."""
    seen = {
        python_status(programme, now) for programme in varied_programmes for now in CHECK_INSTANTS
    }
    assert seen == set(ApplicationStatus)


def test_unknown_status_filter_selects_every_programme(varied_programmes):
    selected = ProgrammePage.objects.filter(status_filter_q("soon", now=utc(2023, 9, 1, 8, 0)))
    assert selected.count() == len(varied_programmes)
