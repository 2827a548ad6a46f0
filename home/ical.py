"""The site's one iCalendar skeleton: every .ics file it serves or attaches (a
programme's schedule, an event, the public and personal event feeds) is built here, so
they share the product id, the calendar properties and the time zone handling.

Times are written in the site's time zone (Europe/London) with its VTIMEZONE, as
people read them, and only the clock changes the file's dates need are included.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Active Citizens Network//Calendar//EN"
ICS_TYPE = "text/calendar; charset=utf-8"

# How far around the first and last date the VTIMEZONE's transitions reach.
TIMEZONE_MARGIN = timedelta(days=366)


def new_calendar(name: str, *, method: str = "") -> Calendar:
    """An empty calendar called `name` with the site's PRODID, VERSION, CALSCALE and
    X-WR-TIMEZONE; `method` ("PUBLISH", "CANCEL") for a file that is one invitation."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    return calendar


def calendar_event(
    *,
    uid: str,
    stamp: datetime,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    description: list[str],
    location: str = "",
    url: str = "",
    status: str = "",
) -> Event:
    """One VEVENT in the site's local time; the non-empty `description` parts are
    joined by blank lines, and `location`, `url` and `status` are left out when empty."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", timezone.localtime(starts_at))
    event.add("dtend", timezone.localtime(ends_at))
    event.add("summary", summary)
    event.add("description", "\n\n".join(part for part in description if part))
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    if status:
        event.add("status", status)
    return event


def to_ical(calendar: Calendar, first: date | None = None, last: date | None = None) -> bytes:
    """The calendar as bytes, with the VTIMEZONE transitions from a year before `first`
    to a year after `last` (none when the calendar has no events)."""
    if first is not None and last is not None:
        calendar.add_missing_timezones(
            first_date=first - TIMEZONE_MARGIN, last_date=last + TIMEZONE_MARGIN
        )
    return calendar.to_ical()
