"""Staff decide on events members propose: publishing makes an event visible to its
audience; declining keeps it hidden. The organiser is emailed either way."""

from django.utils import timezone

from members.models import Event, EventState
from members.services.notify import email_member


def _tell_organiser(event: Event, reason: str = ""):
    if event.organiser is None:
        return
    email_member(
        event.organiser,
        "event_decision",
        {"event": event, "reason": reason},
    )


def publish_event(event: Event) -> Event:
    event.state = EventState.PUBLISHED
    event.published_at = event.published_at or timezone.now()
    event.save(update_fields=["state", "published_at", "updated_at"])
    _tell_organiser(event)
    return event


def decline_event(event: Event, reason: str = "") -> Event:
    event.state = EventState.DECLINED
    event.save(update_fields=["state", "updated_at"])
    _tell_organiser(event, reason)
    return event
