"""Events as iCalendar: one event's "Add to calendar" file, the public feed of public
events and a member's personal feed of the events they have a place at.

The joining link of an online event is written only into files made for someone with a
confirmed place (`with_joining_link=True`); every other file leaves it out.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from home.dates import is_plausible
from members.services.notify import site_url

PRODID = "-//Active Citizens Network//Events//EN"
ICS_TYPE = "text/calendar; charset=utf-8"


def event_uid(event) -> str:
    return f"event-{event.public_id}@{settings.WAGTAIL_SITE_NAME.replace(' ', '-').lower()}"


def event_page_path(event) -> str:
    return reverse("events:detail", args=[event.public_id])


def event_page_url(event) -> str:
    return site_url() + event_page_path(event)


def _component(event, *, with_joining_link: bool) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", event_uid(event))
    item.add("dtstamp", event.updated_at or timezone.now())
    # In London time with its VTIMEZONE, as people read it, rather than in UTC.
    item.add("dtstart", timezone.localtime(event.starts_at))
    item.add("dtend", timezone.localtime(event.ends_at))
    item.add("summary", event.title)
    page = event_page_url(event)
    description = [event.description, page]
    location = event.venue
    if with_joining_link and event.is_online and event.joining_link:
        description.insert(1, event.joining_link)
        location = f"{location} / {event.joining_link}" if location else event.joining_link
    item.add("description", "\n\n".join(part for part in description if part))
    if location:
        item.add("location", location)
    item.add("url", page)
    item.add("status", "CANCELLED" if event.state == "cancelled" else "CONFIRMED")
    return item


def _calendar(events, name: str, *, with_joining_link: bool, method: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    # A row stored before dates were bounded (home/dates.py) is left out, not a failed feed.
    events = [
        event for event in events if is_plausible(event.starts_at) and is_plausible(event.ends_at)
    ]
    for event in events:
        calendar.add_component(_component(event, with_joining_link=with_joining_link))
    if events:
        first = min(event.starts_at for event in events)
        last = max(event.ends_at for event in events)
        calendar.add_missing_timezones(
            first_date=first.date() - timedelta(days=366),
            last_date=last.date() + timedelta(days=366),
        )
    return calendar.to_ical()


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
