"""Events as iCalendar: one event's "Add to calendar" file, the public feed of public
events and a member's personal feed of the events they have a place at.

The joining link of an online event is written only into files made for someone with a
confirmed place (`with_joining_link=True`); every other file leaves it out.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from home.dates import is_plausible
from home.http import site_url
from home.ical import ICS_TYPE, calendar_event, new_calendar, to_ical

__all__ = [
    "ICS_TYPE",  # re-exported for the event views
    "event_ics",
    "event_page_path",
    "event_page_url",
    "event_uid",
    "ics_attachment",
    "personal_feed",
    "public_feed",
]


def event_uid(event) -> str:
    return f"event-{event.public_id}@{settings.WAGTAIL_SITE_NAME.replace(' ', '-').lower()}"


def event_page_path(event) -> str:
    return reverse("events:detail", args=[event.public_id])


def event_page_url(event) -> str:
    return site_url(event_page_path(event))


def _component(event, *, with_joining_link: bool):
    page = event_page_url(event)
    description = [event.description, page]
    location = event.venue
    if with_joining_link and event.is_online and event.joining_link:
        description.insert(1, event.joining_link)
        location = f"{location} / {event.joining_link}" if location else event.joining_link
    return calendar_event(
        uid=event_uid(event),
        stamp=event.updated_at or timezone.now(),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        summary=event.title,
        description=description,
        location=location,
        url=page,
        status="CANCELLED" if event.state == "cancelled" else "CONFIRMED",
    )


def _calendar(events, name: str, *, with_joining_link: bool, method: str = "") -> bytes:
    calendar = new_calendar(name, method=method)
    # A row stored before dates were bounded (home/dates.py) is left out, not a failed feed.
    events = [
        event for event in events if is_plausible(event.starts_at) and is_plausible(event.ends_at)
    ]
    for event in events:
        calendar.add_component(_component(event, with_joining_link=with_joining_link))
    if not events:
        return to_ical(calendar)
    first = min(timezone.localtime(event.starts_at) for event in events)
    last = max(timezone.localtime(event.ends_at) for event in events)
    return to_ical(calendar, first.date(), last.date())


def event_ics(event, *, with_joining_link: bool = False) -> bytes:
    """One event as a file to add to a calendar or attach to an email."""
    method = "CANCEL" if event.state == "cancelled" else "PUBLISH"
    return _calendar([event], event.title, with_joining_link=with_joining_link, method=method)


def public_feed(events) -> bytes:
    """The public events, never with joining links."""
    return _calendar(events, settings.WAGTAIL_SITE_NAME, with_joining_link=False)


def personal_feed(events) -> bytes:
    """The events a member has a confirmed place at, with their joining links."""
    return _calendar(events, settings.WAGTAIL_SITE_NAME, with_joining_link=True)


def ics_attachment(event, *, with_joining_link: bool) -> tuple[str, bytes, str]:
    return ("event.ics", event_ics(event, with_joining_link=with_joining_link), "text/calendar")
