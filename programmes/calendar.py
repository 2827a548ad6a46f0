"""A programme's schedule as iCalendar, so people can add every session at once."""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Active Citizens Network//Programme schedule//EN"


def session_uid(session, domain: str) -> str:
    """A UID that stays the same across edits, re-publishing and translations."""
    return f"programme-session-{session.translation_key}@{domain}"


def programme_calendar(page, domain: str) -> bytes:
    """The whole schedule of `page` as an iCalendar file in Europe/London time."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", page.title)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    stamp = page.last_published_at or timezone.now()
    for session in page.ordered_sessions:
        event = Event()
        event.add("uid", session_uid(session, domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", f"{session.title} ({page.title})")
        description = [session.description] if session.description else []
        description.append(page.full_url or "")
        event.add("description", "\n\n".join(part for part in description if part))
        location = session.venue or page.venue
        if location:
            event.add("location", location)
        if page.full_url:
            event.add("url", page.full_url)
        calendar.add_component(event)
    sessions = page.ordered_sessions
    if sessions:
        # Only the transitions the schedule needs, not every clock change since 1970.
        calendar.add_missing_timezones(
            first_date=sessions[0].date - timedelta(days=366),
            last_date=sessions[-1].date + timedelta(days=366),
        )
    return calendar.to_ical()
