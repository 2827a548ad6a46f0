"""The programme list as readers use it: filters, order, pages and the result count.

The clock is frozen at noon on Wednesday 15 May 2024 (BST) so that each programme's
status is fixed; programmes are placed around that day.
"""

import re
from datetime import UTC, date, datetime, timedelta
from unittest.mock import patch

import pytest
from django.utils import timezone

from home.models import Topic
from tests.factories import ProgrammePageFactory, london

NOW = datetime(2024, 5, 15, 11, 0, tzinfo=UTC)  # 12:00 BST
TODAY = date(2024, 5, 15)


@pytest.fixture(autouse=True)
def frozen_clock():
    with patch("django.utils.timezone.now", return_value=NOW):
        assert timezone.localdate() == TODAY
        yield


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def make_programme(index, title, *, status, topics=(), **fields):
    """A published programme with the given status today and its topics."""
    dates = {
        # Applications open, closing in 10 days; starts in a month.
        "open": {"application_deadline": london(days(10), 23, 59), "start_date": days(30)},
        # Applications open next month.
        "upcoming": {
            "applications_open_at": london(days(20), 9),
            "application_deadline": london(days(50), 23, 59),
            "start_date": days(80),
        },
        # Applications closed last week; starts in a fortnight.
        "closed": {"application_deadline": london(days(-7), 23, 59), "start_date": days(14)},
        "running": {
            "application_deadline": london(days(-60), 23, 59),
            "start_date": days(-30),
            "end_date": days(30),
        },
        "past": {
            "application_deadline": london(days(-200), 23, 59),
            "start_date": days(-150),
            "end_date": days(-20),
        },
    }[status]
    values = {"end_date": dates["start_date"] + timedelta(days=60), **dates, **fields}
    programme = ProgrammePageFactory(parent=index, title=title, **values)
    if topics:
        programme.topics.add(*topics)
        programme.save_revision().publish()
    return programme


def listed_titles(response) -> list[str]:
    return [programme.title for programme in response.context["programmes"]]


def result_count(response) -> str:
    match = re.search(r'<p class="result-count" role="status">\s*(.*?)\s*</p>', response.text)
    assert match, "the result count is missing"
    return match.group(1)


@pytest.fixture
def programmes(programme_index):
    """One programme in each reader-facing group, with different modes and topics."""
    return {
        "open": make_programme(
            programme_index,
            "Speak Up",
            status="open",
            delivery_mode="online",
            topics=["Campaigning"],
        ),
        "upcoming": make_programme(
            programme_index,
            "Lead Together",
            status="upcoming",
            delivery_mode="in-person",
            topics=["Community organising"],
        ),
        "running": make_programme(
            programme_index,
            "Rooted",
            status="running",
            delivery_mode="hybrid",
            topics=["Campaigning", "Public speaking"],
        ),
        "past": make_programme(
            programme_index,
            "Archive Voices",
            status="past",
            delivery_mode="online",
        ),
    }


# Status ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", ["Speak Up"]),
        ("upcoming", ["Lead Together"]),
        ("running", ["Rooted"]),
        ("past", ["Archive Voices"]),
    ],
)
def test_status_filter_lists_only_programmes_in_that_group(
    client, programme_index, programmes, status, expected
):
    response = client.get(programme_index.url, {"status": status})
    assert response.status_code == 200
    assert listed_titles(response) == expected
    assert result_count(response) == "1 programme"


def test_programmes_whose_applications_closed_are_listed_as_starting_later(
    client, programme_index, programmes
):
    make_programme(programme_index, "Missed It", status="closed")
    response = client.get(programme_index.url, {"status": "upcoming"})
    assert listed_titles(response) == ["Missed It", "Lead Together"]
    response = client.get(programme_index.url, {"status": "open"})
    assert listed_titles(response) == ["Speak Up"]


def test_open_filter_includes_programmes_closing_today_at_2359(client, programme_index):
    make_programme(
        programme_index,
        "Last Call",
        status="open",
        application_deadline=london(TODAY, 23, 59),
    )
    response = client.get(programme_index.url, {"status": "open"})
    assert listed_titles(response) == ["Last Call"]
    assert '<span class="status status--closing-soon">Closing soon</span>' in response.text


def test_listed_programmes_show_their_status(client, programme_index, programmes):
    response = client.get(programme_index.url)
    badges = re.findall(r'<span class="status status--([\w-]+)">([^<]+)</span>', response.text)
    assert badges == [
        ("open", "Open for applications"),
        ("upcoming", "Opening soon"),
        ("running", "Running now"),
        ("finished", "Finished"),
    ]


# Delivery mode and topic ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("online", {"Speak Up", "Archive Voices"}),
        ("in-person", {"Lead Together"}),
        ("hybrid", {"Rooted"}),
    ],
)
def test_delivery_mode_filter_lists_only_programmes_delivered_that_way(
    client, programme_index, programmes, mode, expected
):
    response = client.get(programme_index.url, {"mode": mode})
    assert set(listed_titles(response)) == expected


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("campaigning", ["Speak Up", "Rooted"]),
        ("community-organising", ["Lead Together"]),
        ("public-speaking", ["Rooted"]),
    ],
)
def test_topic_filter_lists_only_programmes_with_that_topic(
    client, programme_index, programmes, topic, expected
):
    response = client.get(programme_index.url, {"topic": topic})
    assert response.status_code == 200
    assert listed_titles(response) == expected


def test_topic_and_status_filters_combine(client, programme_index, programmes):
    response = client.get(programme_index.url, {"topic": "campaigning", "status": "running"})
    assert listed_titles(response) == ["Rooted"]
    assert result_count(response) == "1 programme"


def test_combined_filters_list_only_programmes_matching_all_of_them(
    client, programme_index, programmes
):
    make_programme(
        programme_index,
        "Speak Up in Person",
        status="open",
        delivery_mode="in-person",
        topics=["Campaigning"],
    )
    make_programme(programme_index, "Online Organisers", status="open", delivery_mode="online")
    response = client.get(
        programme_index.url, {"status": "open", "mode": "online", "topic": "campaigning"}
    )
    assert listed_titles(response) == ["Speak Up"]
    assert "Clear filters" in response.text

    response = client.get(programme_index.url, {"status": "past", "topic": "campaigning"})
    assert listed_titles(response) == []
    assert result_count(response) == "0 programmes"
    assert "No programme matches these filters." in response.text


def test_topic_choices_list_only_topics_of_published_programmes(
    client, programme_index, programmes
):
    Topic.objects.create(name="Unused topic")
    draft = make_programme(programme_index, "Draft", status="open", topics=["Draft only topic"])
    draft.unpublish()

    response = client.get(programme_index.url)
    choices = response.context["filter_form"].fields["topic"].choices
    assert [slug for slug, _name in choices] == [
        "",
        "campaigning",
        "community-organising",
        "public-speaking",
    ]
    assert '<option value="campaigning">Campaigning</option>' in response.text
    assert "Unused topic" not in response.text
    assert "Draft only topic" not in response.text


# Invalid values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"status": "soon"},
        {"status": "closing-soon"},
        {"mode": "teleport"},
        {"topic": "no-such-topic"},
        {"topic": "<script>alert(1)</script>"},
        {"page": "not-a-number"},
        {"page": "99"},
    ],
    ids=["status", "status-not-a-group", "mode", "topic", "topic-markup", "page", "page-too-high"],
)
def test_invalid_filter_value_shows_the_unfiltered_list(client, programme_index, programmes, query):
    response = client.get(programme_index.url, query)
    assert response.status_code == 200
    assert set(listed_titles(response)) == {
        "Speak Up",
        "Lead Together",
        "Rooted",
        "Archive Voices",
    }
    assert result_count(response) == "4 programmes"
    assert "<script>alert(1)</script>" not in response.text


def test_topic_used_only_by_a_draft_is_not_a_valid_filter(client, programme_index, programmes):
    draft = make_programme(programme_index, "Draft", status="open", topics=["Secret"])
    draft.unpublish()
    response = client.get(programme_index.url, {"topic": "secret"})
    assert response.status_code == 200
    assert "Draft" not in listed_titles(response)
    assert len(listed_titles(response)) == 4


# Order ----------------------------------------------------------------------------------


def test_programmes_are_ordered_open_then_starting_later_then_running_then_past(
    client, programme_index
):
    specs = [
        ("Past, long ago", "past", {"end_date": days(-100), "start_date": days(-120)}),
        ("Running, ends later", "running", {"end_date": days(40)}),
        ("Opening later", "upcoming", {"start_date": days(90)}),
        ("Open, later deadline", "open", {"application_deadline": london(days(20), 23, 59)}),
        ("Past, recently", "past", {"end_date": days(-5), "start_date": days(-30)}),
        ("Closed, starts soon", "closed", {"start_date": days(5)}),
        ("Running, ends soon", "running", {"end_date": days(3)}),
        ("Open, soonest deadline", "open", {"application_deadline": london(days(2), 23, 59)}),
        (
            "No deadline, starts in 20 days",
            "upcoming",
            {"applications_open_at": None, "application_deadline": None, "start_date": days(20)},
        ),
    ]
    for title, status, fields in specs:
        make_programme(programme_index, title, status=status, **fields)

    response = client.get(programme_index.url)
    assert listed_titles(response) == [
        "Open, soonest deadline",
        "Open, later deadline",
        "Closed, starts soon",
        "No deadline, starts in 20 days",
        "Opening later",
        "Running, ends soon",
        "Running, ends later",
        "Past, recently",
        "Past, long ago",
    ]
    positions = [response.text.index(title) for title in listed_titles(response)]
    assert positions == sorted(positions)


# Pages ----------------------------------------------------------------------------------


def test_thirteen_programmes_fill_two_pages_of_twelve(client, programme_index):
    titles = {
        make_programme(programme_index, f"Programme {n:02d}", status="open").title
        for n in range(13)
    }

    first = client.get(programme_index.url)
    assert len(listed_titles(first)) == 12
    assert "Page 1 of 2" in first.text
    assert 'href="?page=2" rel="next"' in first.text
    assert result_count(first) == "13 programmes"

    second = client.get(programme_index.url, {"page": 2})
    assert listed_titles(second) == ["Programme 12"]
    assert "Page 2 of 2" in second.text
    assert 'rel="next"' not in second.text
    assert result_count(second) == "13 programmes"

    assert set(listed_titles(first)) | set(listed_titles(second)) == titles


def test_next_page_link_keeps_the_filters(client, programme_index):
    for n in range(13):
        make_programme(programme_index, f"Online {n:02d}", status="open", delivery_mode="online")
    make_programme(programme_index, "In the room", status="open", delivery_mode="in-person")

    response = client.get(programme_index.url, {"mode": "online"})
    assert 'href="?mode=online&amp;page=2" rel="next"' in response.text
    response = client.get(programme_index.url, {"mode": "online", "page": 2})
    assert listed_titles(response) == ["Online 12"]
    assert 'href="?mode=online&amp;page=1" rel="prev"' in response.text


def test_twelve_programmes_fit_on_one_page(client, programme_index):
    for n in range(12):
        make_programme(programme_index, f"Programme {n:02d}", status="open")
    response = client.get(programme_index.url)
    assert len(listed_titles(response)) == 12
    assert "Page 1 of" not in response.text


def test_result_count_counts_every_page_of_results(client, programme_index, programmes):
    response = client.get(programme_index.url)
    assert result_count(response) == "4 programmes"
    response = client.get(programme_index.url, {"mode": "online"})
    assert result_count(response) == "2 programmes"


# Drafts ---------------------------------------------------------------------------------


def test_draft_programmes_are_never_listed(client, programme_index, programmes):
    ProgrammePageFactory(parent=programme_index, title="Never published", live=False)
    withdrawn = make_programme(programme_index, "Withdrawn", status="open", delivery_mode="online")
    withdrawn.unpublish()

    for query in [{}, {"status": "open"}, {"mode": "online"}, {"topic": "campaigning"}]:
        response = client.get(programme_index.url, query)
        titles = listed_titles(response)
        assert "Never published" not in titles
        assert "Withdrawn" not in titles
        assert "Never published" not in response.text
        assert "Withdrawn" not in response.text
    assert result_count(client.get(programme_index.url)) == "4 programmes"


def test_listed_programme_shows_its_published_title_not_a_later_draft(
    client, programme_index, programmes
):
    programme = programmes["open"]
    programme.title = "Unpublished new title"
    programme.save_revision()
    response = client.get(programme_index.url)
    assert "Speak Up" in listed_titles(response)
    assert "Unpublished new title" not in response.text
