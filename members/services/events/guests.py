"""Replies from guests: people without an account, at public events only (issue 19).

A guest gives a name and an email address; their reply holds nothing until they open
the link in the confirmation email (double opt-in). Confirming runs the same locked
transaction as a member's reply (`rsvp`), so confirmed guests take places and waitlist
positions by exactly the same rules, and a freed place goes to the next in line,
member or guest. Every email to a guest carries a link that cancels the reply.

Unconfirmed replies expire after `EVENT_GUEST_CONFIRM_HOURS`; every guest reply is
deleted `EVENT_GUEST_RETENTION_DAYS` after its event (`manage.py purge_guest_replies`).
Organisers see a count and first names only; staff see the guests in the admin.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from home.emails import send_email
from home.http import site_url
from home.tokens import hash_token
from members.models import (
    Event,
    EventAudience,
    EventGuest,
    EventReply,
    EventState,
    ReplyStatus,
)
from members.services.events import rsvp
from members.services.events.calendar import ics_attachment

ACTIVE = [ReplyStatus.CONFIRMED, ReplyStatus.WAITLISTED]


class GuestLinkInvalid(Exception):
    """The link is unknown, expired or for another event."""


def accepts_guests(event: Event) -> bool:
    """Only public, published events that are still to come take guests' replies."""
    return event.audience == EventAudience.PUBLIC and event.accepts_replies


def _confirm_deadline(now=None):
    return (now or timezone.now()) - timedelta(hours=settings.EVENT_GUEST_CONFIRM_HOURS)


def request_place(event: Event, *, name: str, email: str, language: str) -> EventGuest:
    """Record a guest's reply as waiting for confirmation and email them the link.

    Replying again with the same address sends a new confirmation link (the old one
    stops working) while the reply waits, or the reply's details with its cancel link
    once it holds a place or a waitlist position: nobody learns from the page whether
    an address already replied."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if not accepts_guests(locked):
            raise rsvp.ReplyRefused
        guest = (
            EventGuest.objects.select_related("reply")
            .filter(reply__event=locked, email__iexact=email)
            .first()
        )
        if guest is None:
            reply = EventReply.objects.create(
                event=locked, status=ReplyStatus.PENDING, replied_at=timezone.now()
            )
            guest = EventGuest(reply=reply, email=email)
        reply = guest.reply
        reply.event = locked
        if reply.status in ACTIVE:
            # The links already sent keep working: the email repeats the reply's details
            # and its cancel link, and nothing about the guest changes.
            rsvp.email_reply(
                reply,
                "event_reply",
                _reply_context(reply),
                attachments=[ics_attachment(locked, with_joining_link=_confirmed(reply))],
            )
            return guest
        guest.name = name
        guest.language = language
        token = guest.new_tokens()
        guest.save()
        reply.status = ReplyStatus.PENDING
        reply.replied_at = timezone.now()
        reply.save(update_fields=["status", "replied_at", "updated_at"])
    _send_confirmation(guest, token)
    return guest


def _confirmed(reply) -> bool:
    return reply.status == ReplyStatus.CONFIRMED


def _reply_context(reply) -> dict:
    event = reply.event
    return {
        "event": event,
        "reply": reply,
        "confirmed": _confirmed(reply),
        "joining_link": event.joining_link if _confirmed(reply) and event.is_online else "",
    }


def _send_confirmation(guest: EventGuest, token: str):
    event = guest.reply.event
    with translation.override(guest.language):
        path = reverse("events:guest_confirm", args=[event.public_id, token])
    send_email(
        guest.email,
        "members/emails/guest_confirm.html",
        {
            "event": event,
            "guest": guest,
            "confirm_url": site_url() + path,
            "confirm_hours": settings.EVENT_GUEST_CONFIRM_HOURS,
            "cancel_url": rsvp.guest_cancel_url(guest),
        },
        language=guest.language,
        attachments=[ics_attachment(event, with_joining_link=False)],
    )


def guest_for_confirmation(event: Event, token: str) -> EventGuest:
    """The guest whose confirmation link this is, while it still works."""
    guest = (
        EventGuest.objects.select_related("reply__event")
        .filter(token_hash=hash_token(token), reply__event=event)
        .first()
    )
    if guest is None:
        raise GuestLinkInvalid
    if guest.reply.status == ReplyStatus.PENDING and guest.reply.replied_at < _confirm_deadline():
        raise GuestLinkInvalid
    return guest


def guest_for_cancel(event: Event, token: str) -> EventGuest:
    guest = (
        EventGuest.objects.select_related("reply__event")
        .filter(cancel_hash=hash_token(token), reply__event=event)
        .first()
    )
    if guest is None:
        raise GuestLinkInvalid
    return guest


def confirm_place(event: Event, token: str) -> EventReply:
    """The guest opened their link and confirmed: a place, or a waitlist position when
    the event is full, by the same rules and under the same lock as a member's reply.
    Confirming twice changes nothing."""
    guest = guest_for_confirmation(event, token)
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        reply = EventReply.objects.select_related("guest").get(pk=guest.reply_id)
        if reply.status != ReplyStatus.PENDING:
            reply.event = locked
            return reply
        if not accepts_guests(locked):
            raise rsvp.ReplyRefused
        promoted = rsvp._fill_from_waitlist(locked)
        taken = locked.replies.filter(status=ReplyStatus.CONFIRMED).count()
        full = locked.capacity is not None and taken >= locked.capacity
        reply.status = ReplyStatus.WAITLISTED if full else ReplyStatus.CONFIRMED
        reply.replied_at = timezone.now()
        reply.save(update_fields=["status", "replied_at", "updated_at"])
        EventGuest.objects.filter(pk=guest.pk).update(confirmed_at=timezone.now())
        reply.event = locked
    for waiting in promoted:
        rsvp._send_reply_email(waiting, "event_promoted")
    rsvp._send_reply_email(reply, "event_reply")
    return reply


def cancel_place(event: Event, token: str) -> EventReply:
    """The guest cancelled from a link in an email: a place they held goes to the first
    person waiting. The reply, with the guest's name and address, is deleted as soon as
    the email saying so is queued."""
    guest = guest_for_cancel(event, token)
    promoted = None
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        reply = EventReply.objects.select_related("guest").get(pk=guest.reply_id)
        freed = reply.status == ReplyStatus.CONFIRMED
        reply.status = ReplyStatus.CANCELLED
        reply.save(update_fields=["status", "updated_at"])
        if freed and locked.state == EventState.PUBLISHED and not locked.is_past():
            promoted = rsvp._promote_from_waitlist(locked)
        reply.event = locked
    rsvp._send_reply_email(reply, "event_given_up")
    if promoted:
        rsvp._send_reply_email(promoted, "event_promoted")
    # The email above is rendered and queued; nothing of the guest needs keeping now.
    reply.delete()
    return reply


def guest_first_names(event: Event) -> list[str]:
    """What an organiser may know of the confirmed guests: first names, in reply order."""
    guests = EventGuest.objects.filter(
        reply__event=event, reply__status=ReplyStatus.CONFIRMED
    ).order_by("reply__replied_at", "pk")
    return [guest.first_name for guest in guests]


def message_guests(event: Event, sender, body: str) -> int:
    """Email `body` from the organiser `sender` to every confirmed guest of `event`, each
    in the language they replied in, with their cancel link. The organiser is named by
    their display name and never sees an address. Returns how many were emailed."""
    body = body.strip()
    if not body:
        return 0
    profile = getattr(sender, "profile", None)
    sender_name = getattr(profile, "display_name", "") or sender.get_full_name()
    replies = EventReply.objects.filter(
        event=event, status=ReplyStatus.CONFIRMED, guest__isnull=False
    ).select_related("guest", "event")
    sent = 0
    for reply in replies:
        rsvp.email_reply(
            reply,
            "guest_message",
            {"event": reply.event, "sender_name": sender_name, "body": body},
            attachments=[],
        )
        sent += 1
    return sent


def purge_guest_replies(now=None) -> tuple[int, int]:
    """Delete unconfirmed guest replies whose link has expired, and every guest reply to
    an event that ended `EVENT_GUEST_RETENTION_DAYS` ago. Returns both counts."""
    now = now or timezone.now()
    _total, expired = EventReply.objects.filter(
        guest__isnull=False, status=ReplyStatus.PENDING, replied_at__lt=_confirm_deadline(now)
    ).delete()
    cutoff = now - timedelta(days=settings.EVENT_GUEST_RETENTION_DAYS)
    _total, held = EventReply.objects.filter(
        guest__isnull=False, event__ends_at__lt=cutoff
    ).delete()
    return expired.get("members.EventReply", 0), held.get("members.EventReply", 0)
