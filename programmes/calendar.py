"""A programme's schedule as iCalendar, so people can add every session at once."""

from django.utils import timezone

from home.ical import calendar_event, new_calendar, to_ical


def session_uid(session, domain: str) -> str:
    """A UID that stays the same across edits, re-publishing and translations."""
    return f"programme-session-{session.translation_key}@{domain}"


def programme_calendar(page, domain: str) -> bytes:
    """The whole schedule of `page` as an iCalendar file in Europe/London time."""
    calendar = new_calendar(page.title)
    stamp = page.last_published_at or timezone.now()
    sessions = page.ordered_sessions
    for session in sessions:
        calendar.add_component(
            calendar_event(
                uid=session_uid(session, domain),
                stamp=stamp,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                summary=f"{session.title} ({page.title})",
                description=[session.description, page.full_url or ""],
                location=session.venue or page.venue,
                url=page.full_url or "",
            )
        )
    if not sessions:
        return to_ical(calendar)
    return to_ical(calendar, sessions[0].date, sessions[-1].date)
