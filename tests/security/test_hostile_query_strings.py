"""Hostile query strings on every public GET page and feed that reads one: never a
server error. The POSTed forms have their own test (test_hostile_input.py).

Each page is one `GetCase`: who opens it, its address and the parameters it reads.
Every parameter gets every hostile value alone, then all of them at once, then each
parameter given twice (`?a=1&a=2`). Add a case for every new page that reads its
query string.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import EventCalendar, EventReply, ReplyStatus
from tests.factories import ProgrammePageFactory
from tests.members.factories import EventFactory
from tests.stories.factories import StoryPageFactory

HOSTILE_QUERY_VALUES = [
    "",
    "9999-12-31",
    "0001-01-01",
    "9999-12",
    "0001-01",
    "10000-01-01",
    "-1",
    "0",
    "9" * 400,
    "1e400",
    "abc",
    "%00",
    "\x00",
    "a\x00b",
    '"',
    "'",
    '"unbalanced',
    "(",
    ")",
    "*",
    "AND OR NOT",
    "\\",
    "x" * 5000,
    "<script>alert(1)</script>",
    "\u202eevil",
    "👩🏽‍🦱",
    "2024-02-30",
    "9999-99",
]


@dataclass
class GetCase:
    name: str
    viewer: str | None
    url: Callable[[dict], str]
    parameters: tuple[str, ...]


def _event_url(name):
    return lambda context: reverse(name, args=[context["event"].public_id])


GET_PAGES = [
    GetCase(
        "event list",
        None,
        lambda c: reverse("events:list"),
        ("q", "near_me", "area", "format", "when", "start", "end", "topic", "skill", "programme")
        + ("page",),
    ),
    GetCase("event calendar", None, lambda c: reverse("events:month"), ("month",)),
    GetCase("event archive", None, lambda c: reverse("events:archive"), ("page",)),
    GetCase("public event feed", None, lambda c: reverse("events:feed"), ("since", "page")),
    GetCase("event page", None, _event_url("events:detail"), ("page",)),
    GetCase("event calendar file", None, _event_url("events:ics"), ("page",)),
    GetCase(
        "personal event feed",
        None,
        lambda c: reverse("members:event_feed", args=[c["token"]]),
        ("page",),
    ),
    GetCase("site search", None, lambda c: reverse("search"), ("q", "type", "page")),
    GetCase(
        "programme index",
        None,
        lambda c: c["programme_index"].url,
        ("status", "mode", "topic", "page"),
    ),
    GetCase(
        "story index",
        None,
        lambda c: c["story_index"].url,
        ("kind", "topic", "programme", "page"),
    ),
    GetCase("story page", None, lambda c: c["story"].url, ("video",)),
    GetCase(
        "programme page application form",
        None,
        lambda c: c["open_programme"].url + "apply/",
        ("sent",),
    ),
    GetCase("newsletter sign-up", None, lambda c: reverse("newsletter_signup"), ("sent",)),
    GetCase(
        "member directory",
        "approved",
        lambda c: reverse("members:directory"),
        ("q", "skill", "area", "language", "programme", "cohort", "page"),
    ),
    GetCase(
        "organiser's attendee list",
        "approved",
        _event_url("members:attendees"),
        ("format",),
    ),
    GetCase("language switch", None, lambda c: "/en/", ("next",)),
]


@pytest.fixture
def context(viewers, programme_index, story_index, open_programme):
    event = EventFactory(organiser=viewers["approved"])
    EventReply.objects.create(event=event, user=viewers["another"], status=ReplyStatus.CONFIRMED)
    token = EventCalendar.objects.create(user=viewers["another"]).token
    ProgrammePageFactory(
        parent=programme_index,
        start_date=timezone.localdate() + timedelta(days=30),
        end_date=timezone.localdate() + timedelta(days=90),
    )
    story = StoryPageFactory(parent=story_index)
    return {
        "viewers": viewers,
        "event": event,
        "token": token,
        "programme_index": programme_index,
        "story_index": story_index,
        "open_programme": open_programme,
        "story": story,
    }


def _assert_no_server_error(client, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code < 500, f"{url}?{query[:200]} gave {response.status_code}"


@pytest.mark.parametrize("case", GET_PAGES, ids=[case.name for case in GET_PAGES])
def test_hostile_query_strings_never_break_a_public_page_or_feed(client, context, case):
    if case.viewer:
        client.force_login(context["viewers"][case.viewer])
    url = case.url(context)
    for value in HOSTILE_QUERY_VALUES:
        encoded = quote(value, safe="")
        for name in case.parameters:
            _assert_no_server_error(client, url, f"{name}={encoded}")
        _assert_no_server_error(client, url, "&".join(f"{n}={encoded}" for n in case.parameters))
    for name in case.parameters:  # arrays: ?a=1&a=2
        _assert_no_server_error(client, url, f"{name}=1&{name}=2&{name}[]=3")
    _assert_no_server_error(client, url, "%ZZ=%ZZ&=&&")


@pytest.mark.parametrize(
    "query",
    [
        "month=9999-12",
        "month=0001-01",
        "month=9999-13",
    ],
)
def test_a_calendar_month_at_the_ends_of_time_shows_this_month(client, home_page, query):
    response = client.get(reverse("events:month") + "?" + query)
    assert response.status_code == 200
    today = timezone.localdate()
    assert f"{today:%Y-%m}" in response.content.decode() or response.context["month"] == (
        today.replace(day=1)
    )


def test_an_event_range_ending_in_year_9999_is_refused_on_the_field(client, home_page):
    response = client.get(reverse("events:list"), {"when": "range", "end": "9999-12-31"})
    assert response.status_code == 200
    assert "Enter a date between the years 1900 and 2100." in response.content.decode()


def test_searching_for_an_unbalanced_quote_answers(client, home_page):
    response = client.get(reverse("search"), {"q": '"'})
    assert response.status_code == 200
