"""Taking and giving up places at events: capacity, waitlist and the emails that go
with them. Views, the admin and commands all come through here.

A reservation is one transaction that first locks the event's row
(`select_for_update()`), so concurrent replies to the same event queue up and the
count of confirmed places never passes the capacity. On SQLite, which has no row
locks, writes are serialised by the database file lock instead.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from home.emails import send_email
from home.http import site_url
from members.models import Event, EventReply, EventState, ReplyStatus
from members.services.events.calendar import ics_attachment
from members.services.notify import email_member


class ReplyRefused(Exception):
    """The event does not take replies (not published, cancelled or over)."""


@dataclass(frozen=True)
class ReplyOutcome:
    reply: EventReply
    changed: bool


def guest_cancel_url(guest) -> str:
    """The absolute cancel link of a guest's reply, in the language they replied in."""
    with translation.override(guest.language):
        path = reverse(
            "events:guest_cancel", args=[guest.reply.event.public_id, guest.cancel_token()]
        )
    return site_url() + path


def email_reply(reply: EventReply, template: str, context: dict, *, attachments, batch=""):
    """Queue `members/emails/<template>.html` to whoever made `reply`: a member in their
    language, or a guest in the language they replied in, with the guest footer and its
    cancel link. A place kept from a deleted account is emailed to nobody."""
    # A member's reply has a user and never a guest: ask for the guest only otherwise.
    guest = None if reply.user_id else reply.guest_or_none
    if guest is not None:
        context = {
            **context,
            "footer": "members/emails/_guest.html",
            "guest": guest,
            "cancel_url": guest_cancel_url(guest) if reply.status != ReplyStatus.CANCELLED else "",
        }
        return send_email(
            guest.email,
            f"members/emails/{template}.html",
            context,
            language=guest.language,
            attachments=attachments,
            batch=batch,
        )
    if reply.user is None:
        return None
    return email_member(reply.user, template, context, attachments=attachments, batch=batch)


def _send_reply_email(reply: EventReply, template: str):
    event = reply.event
    confirmed = reply.status == ReplyStatus.CONFIRMED
    email_reply(
        reply,
        template,
        {
            "event": event,
            "reply": reply,
            "confirmed": confirmed,
            "joining_link": event.joining_link if confirmed and event.is_online else "",
        },
        attachments=[ics_attachment(event, with_joining_link=confirmed)],
    )


def reserve_place(event: Event, user, *, show_name: bool = False) -> ReplyOutcome:
    """Give `user` a place, or a waitlist position when the event is full, and email
    them either way. Replying again keeps the place or position already held.

    Free places go to the waitlist first, in order (say the capacity was raised): a
    newcomer gets a place only when nobody is waiting for one."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if not locked.accepts_replies:
            raise ReplyRefused
        promoted = _fill_from_waitlist(locked)
        reply = EventReply.objects.filter(event=locked, user=user).first()
        if reply and reply.status != ReplyStatus.CANCELLED:
            if reply.show_name != show_name:
                reply.show_name = show_name
                reply.save(update_fields=["show_name", "updated_at"])
            outcome = ReplyOutcome(reply, changed=False)
        else:
            taken = locked.replies.filter(status=ReplyStatus.CONFIRMED).count()
            full = locked.capacity is not None and taken >= locked.capacity
            if reply is None:
                reply = EventReply(event=locked, user=user)
            reply.status = ReplyStatus.WAITLISTED if full else ReplyStatus.CONFIRMED
            reply.show_name = show_name
            reply.replied_at = timezone.now()
            reply.save()
            outcome = ReplyOutcome(reply, changed=True)
    for waiting in promoted:
        _send_reply_email(waiting, "event_promoted")
    if outcome.changed:
        _send_reply_email(reply, "event_reply")
    return outcome


def give_up_place(event: Event, user) -> EventReply | None:
    """Give up a place or leave the waitlist; a freed place goes to the first person on
    the waitlist, who is emailed. Returns the promoted reply, if any."""
    promoted = None
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        reply = EventReply.objects.filter(event=locked, user=user).first()
        if reply is None or reply.status == ReplyStatus.CANCELLED:
            return None
        freed = reply.status == ReplyStatus.CONFIRMED
        reply.status = ReplyStatus.CANCELLED
        reply.save(update_fields=["status", "updated_at"])
        if freed and locked.state == EventState.PUBLISHED and not locked.is_past():
            promoted = _promote_from_waitlist(locked)
    _send_reply_email(reply, "event_given_up")
    if promoted:
        _send_reply_email(promoted, "event_promoted")
    return promoted


def places_changed(event: Event) -> list[EventReply]:
    """After an event's capacity was raised (or removed), the people waiting get the
    new places in the order they replied, before anyone new, and are emailed.
    Returns the replies promoted."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        promoted = _fill_from_waitlist(locked)
    for reply in promoted:
        _send_reply_email(reply, "event_promoted")
    return promoted


def _fill_from_waitlist(event: Event) -> list[EventReply]:
    """Promote waitlisted replies in order while places are free (inside the lock)."""
    if event.state != EventState.PUBLISHED or event.is_past():
        return []
    promoted = []
    while (reply := _promote_from_waitlist(event)) is not None:
        promoted.append(reply)
    return promoted


def _promote_from_waitlist(event: Event) -> EventReply | None:
    taken = event.replies.filter(status=ReplyStatus.CONFIRMED).count()
    if event.capacity is not None and taken >= event.capacity:
        return None
    first = (
        event.replies.filter(status=ReplyStatus.WAITLISTED)
        .select_related("user__profile", "guest", "event")
        .order_by("replied_at", "pk")
        .first()
    )
    if first:
        first.status = ReplyStatus.CONFIRMED
        first.save(update_fields=["status", "updated_at"])
    return first


def cancel_event(event: Event):
    """Cancel an event and tell everyone who holds a place or waits for one."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        locked.state = EventState.CANCELLED
        locked.save(update_fields=["state", "updated_at"])
        replies = list(
            locked.replies.filter(status__in=[ReplyStatus.CONFIRMED, ReplyStatus.WAITLISTED])
            .filter(Q(user__isnull=False) | Q(guest__isnull=False))
            .select_related("user__profile", "event", "guest")
        )
    for reply in replies:
        email_reply(
            reply,
            "event_cancelled",
            {"event": reply.event},
            attachments=[ics_attachment(reply.event, with_joining_link=False)],
        )
    return locked


def places_taken(event: Event) -> int:
    return event.replies.filter(status=ReplyStatus.CONFIRMED).count()


def reply_of(event: Event, user) -> EventReply | None:
    if not user.is_authenticated:
        return None
    return EventReply.objects.filter(event=event, user=user).first()


def has_place(event: Event, user) -> bool:
    reply = reply_of(event, user)
    return bool(reply and reply.status == ReplyStatus.CONFIRMED)
