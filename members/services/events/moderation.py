"""Staff decide on events members propose: publishing makes an event visible to its
audience; declining keeps it hidden. The organiser is emailed either way.

An organiser's edit of an event staff already published sends it back to review: it
leaves the listings, feeds and attendees' pages until staff publish it again, so a
changed joining link is never shown before someone checked it. Everyone who replied is
told of a change of time, place or joining link when the changed event is published.
"""

from django.utils import timezone

from members.models import Event, EventState, ReplyStatus
from members.services import staff_alerts
from members.services.events import rsvp
from members.services.events.calendar import ics_attachment
from members.services.notify import email_member

# What attendees are told about: the fields of each kind of change.
ANNOUNCED_CHANGES = {
    "time": ("starts_at", "ends_at"),
    "place": ("format", "venue", "area"),
    "joining_link": ("joining_link",),
}


def _tell_organiser(event: Event, reason: str = ""):
    if event.organiser is None:
        return
    email_member(
        event.organiser,
        "event_decision",
        {"event": event, "reason": reason},
    )


def publish_event(event: Event) -> Event:
    changes = list(event.changes_to_announce or [])
    event.state = EventState.PUBLISHED
    event.published_at = event.published_at or timezone.now()
    event.changes_to_announce = []
    event.save(update_fields=["state", "published_at", "changes_to_announce", "updated_at"])
    _tell_organiser(event)
    if changes:
        announce_changes(event, changes)
    else:
        rsvp.places_changed(event)
    return event


def snapshot(event: Event) -> dict:
    """The announced fields as stored, to compare with after an edit (read before a
    form is bound: binding writes the typed values onto the instance)."""
    return {name: getattr(event, name) for names in ANNOUNCED_CHANGES.values() for name in names}


def changed_kinds(before: dict, event: Event) -> list[str]:
    return [
        kind
        for kind, names in ANNOUNCED_CHANGES.items()
        if any(before[name] != getattr(event, name) for name in names)
    ]


def event_edited(event: Event, before: dict, *, reviewed: bool) -> bool:
    """After `event` was saved from `before` (a `snapshot`). `reviewed` is whether
    the editor is staff, whose own edit needs no review. Returns True when the event
    went back to review."""
    new = set(changed_kinds(before, event)) | set(event.changes_to_announce or [])
    changes = [kind for kind in ANNOUNCED_CHANGES if kind in new]
    if event.state == EventState.PUBLISHED and not reviewed:
        event.state = EventState.PROPOSED
        event.changes_to_announce = changes
        event.save(update_fields=["state", "changes_to_announce", "updated_at"])
        staff_alerts.event_waiting(event, changed=True)
        return True
    if event.state != EventState.PUBLISHED:
        if changes != event.changes_to_announce:
            event.changes_to_announce = changes
            event.save(update_fields=["changes_to_announce", "updated_at"])
        return False
    if event.changes_to_announce:
        event.changes_to_announce = []
        event.save(update_fields=["changes_to_announce", "updated_at"])
    if changes:
        announce_changes(event, changes)
    else:
        rsvp.places_changed(event)
    return False


def announce_changes(event: Event, changes: list[str]):
    """Email everyone with a place or a waitlist position what changed, with the
    details as they now are (the joining link only for a place) and a new calendar
    file that replaces the old one."""
    rsvp.places_changed(event)
    replies = event.replies.filter(
        status__in=[ReplyStatus.CONFIRMED, ReplyStatus.WAITLISTED]
    ).select_related("user__profile", "guest", "event")
    for reply in replies:
        confirmed = reply.status == ReplyStatus.CONFIRMED
        rsvp.email_reply(
            reply,
            "event_changed",
            {
                "event": event,
                "changes": changes,
                "joining_link": event.joining_link if confirmed and event.is_online else "",
            },
            attachments=[ics_attachment(event, with_joining_link=confirmed)],
        )


def decline_event(event: Event, reason: str = "") -> Event:
    event.state = EventState.DECLINED
    event.save(update_fields=["state", "updated_at"])
    _tell_organiser(event, reason)
    return event
