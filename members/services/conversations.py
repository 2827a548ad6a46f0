"""The rules of conversations between two members, called by views, admin and commands:
who may write to whom (never across a block), how many messages and new conversations
a member may send in an hour, read state, and the grouped email notification.

The notification says who wrote and links to the thread; it never carries the message
(no reply by email) nor either address. While an earlier notification for the same
conversation is still unread (the recipient has not opened the thread since), further
messages send no new email: a burst of ten messages is one email.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import BooleanField, Case, F, Prefetch, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.http import site_url
from members.models import Block, Conversation, Message, Participant, Report
from members.services.notify import email_member


class ConversationRefused(Exception):
    """Why a message could not be sent, in words the sender can read."""


def is_blocked_either_way(first, second) -> bool:
    """One query, whichever of the two blocked the other."""
    return Block.objects.filter(
        Q(blocker=first, blocked=second) | Q(blocker=second, blocked=first)
    ).exists()


def messages_left_this_hour(sender) -> int:
    since = timezone.now() - timedelta(hours=1)
    sent = Message.objects.filter(sender=sender, created__gte=since).count()
    return max(settings.MEMBER_MESSAGES_PER_HOUR - sent, 0)


def conversations_left_this_hour(sender) -> int:
    since = timezone.now() - timedelta(hours=1)
    started = Conversation.objects.filter(started_by=sender, created_at__gte=since).count()
    return max(settings.MEMBER_NEW_CONVERSATIONS_PER_HOUR - started, 0)


def conversation_between(first, second) -> Conversation | None:
    """The pair's conversation, if they have one."""
    return Conversation.objects.filter(pair_key=Conversation.key_for(first, second)).first()


def conversation_for(user, public_id) -> tuple[Conversation, Participant] | None:
    """The conversation with this id if `user` takes part in it (else None: staff and
    other members never open a thread), with their own place in it."""
    place = (
        Participant.objects.select_related("conversation")
        .filter(user=user, conversation__public_id=public_id)
        .first()
    )
    return (place.conversation, place) if place else None


def partner_of(conversation, user):
    """The other member of the conversation, or None once they deleted their account."""
    for place in conversation.participants.all():
        if place.user_id != user.pk:
            return place.user
    return None


def _check_can_write(sender, recipient):
    if recipient is None or recipient.pk == sender.pk or not recipient.is_active:
        raise ConversationRefused(_("This conversation is closed: the other member has left."))
    if is_blocked_either_way(sender, recipient):
        raise ConversationRefused(_("You cannot send messages to this member."))


def _lock_sender(sender):
    # Count and store in one transaction that holds the sender's row: simultaneous
    # posts queue up behind it, so twelve at once against a limit of five store five.
    get_user_model().objects.select_for_update().filter(pk=sender.pk).first()
    if messages_left_this_hour(sender) <= 0:
        raise ConversationRefused(
            _("You have sent a lot of messages in the last hour. Please try again later.")
        )


def _store(conversation, sender, body) -> Message:
    message = Message.objects.create(conversation=conversation, sender=sender, body=body)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created)
    conversation.last_message_at = message.created
    # Writing means having read everything before it.
    Participant.objects.filter(conversation=conversation, user=sender).update(
        last_read_at=message.created
    )
    return message


def start_or_send(sender, recipient, body: str, *, limited: bool = True) -> Message:
    """Send `body` to `recipient`, in their conversation with `sender` (started now if
    they have none). Raises ConversationRefused across a block, to someone who left, or
    over the hourly limits (`limited=False` for an organiser's one message to all their
    attendees, which counts as one action)."""
    _check_can_write(sender, recipient)
    key = Conversation.key_for(sender, recipient)
    with transaction.atomic():
        if limited:
            _lock_sender(sender)
        conversation = Conversation.objects.select_for_update().filter(pair_key=key).first()
        if conversation is None:
            if limited and conversations_left_this_hour(sender) <= 0:
                raise ConversationRefused(
                    _(
                        "You have started a lot of conversations in the last hour. "
                        "Please try again later."
                    )
                )
            conversation = Conversation.objects.create(pair_key=key, started_by=sender)
            Participant.objects.bulk_create(
                [
                    Participant(conversation=conversation, user=sender),
                    Participant(conversation=conversation, user=recipient),
                ]
            )
        message = _store(conversation, sender, body)
        _notify(conversation, sender, recipient, message)
    return message


def send(conversation, sender, body: str) -> Message:
    """A reply in an existing conversation, under the same rules as `start_or_send`."""
    recipient = partner_of(conversation, sender)
    _check_can_write(sender, recipient)
    with transaction.atomic():
        _lock_sender(sender)
        message = _store(conversation, sender, body)
        _notify(conversation, sender, recipient, message)
    return message


def _notify(conversation, sender, recipient, message):
    """Email the recipient unless an earlier notification of this conversation is still
    unread (sent after they last opened it)."""
    unread_notification = Q(notified_at__isnull=False) & (
        Q(last_read_at__isnull=True) | Q(notified_at__gt=F("last_read_at"))
    )
    claimed = (
        Participant.objects.filter(conversation=conversation, user=recipient)
        .exclude(unread_notification)
        .update(notified_at=message.created)
    )
    if not claimed:
        return
    email_member(
        recipient,
        "new_message",
        {
            "sender_name": name_of(sender),
            "thread_url": site_url()
            + reverse("members:conversation", args=[conversation.public_id]),
        },
    )


def mark_read(place: Participant):
    """The member has seen the conversation up to its last message."""
    now = timezone.now()
    Participant.objects.filter(pk=place.pk).update(last_read_at=now)
    place.last_read_at = now


def _unread_q() -> Q:
    return Q(conversation__last_message_at__isnull=False) & (
        Q(last_read_at__isnull=True) | Q(conversation__last_message_at__gt=F("last_read_at"))
    )


def unread_count(user) -> int:
    """How many of the member's conversations have a message they have not read: one
    query, for the header's "Messages" link."""
    if not user.is_authenticated:
        return 0
    return Participant.objects.filter(_unread_q(), user=user).count()


@dataclass(frozen=True)
class InboxEntry:
    conversation: Conversation
    partner_name: str
    unread: bool


def inbox_of(user):
    """The member's places in conversations with messages, newest first, each with the
    other member (one query per kind, whatever the number of conversations)."""
    partners = Participant.objects.exclude(user=user).select_related("user__profile")
    return (
        Participant.objects.filter(user=user, conversation__last_message_at__isnull=False)
        .select_related("conversation")
        .prefetch_related(Prefetch("conversation__participants", queryset=partners))
        .annotate(
            unread=Case(When(_unread_q(), then=True), default=False, output_field=BooleanField())
        )
        .order_by("-conversation__last_message_at", "-pk")
    )


def name_of(user) -> str:
    """What a member is called in a conversation; "former member" once they left."""
    from members.models.mentoring import FORMER_MEMBER

    profile = getattr(user, "profile", None) if user is not None else None
    return profile.display_name if profile else str(FORMER_MEMBER)


def inbox_entries(places, user) -> list[InboxEntry]:
    entries = []
    for place in places:
        others = list(place.conversation.participants.all())
        partner = others[0].user if others else None
        entries.append(InboxEntry(place.conversation, name_of(partner), bool(place.unread)))
    return entries


def thread_messages(conversation):
    return Message.objects.filter(conversation=conversation).order_by("created", "pk")


def report_message(reporter, message: Message, reason: str) -> Report:
    """Attach a message to a report for staff: only its recipient may report it, and
    staff see that message alone, never the rest of the thread."""
    return Report.objects.create(
        reporter=reporter, profile=message.sender.profile, message=message, reason=reason
    )


def message_attendees(event, sender, body: str) -> int:
    """One conversation message from the organiser (or member staff) to each member
    with a confirmed place at `event`; nobody sees anybody's address. Members who
    blocked the sender (or whom the sender blocked) and the sender themselves are
    skipped. Returns how many people it was sent to."""
    from members.models import ReplyStatus

    recipients = (
        get_user_model()
        .objects.filter(
            event_replies__event=event,
            event_replies__status=ReplyStatus.CONFIRMED,
            is_active=True,
            profile__isnull=False,
        )
        .exclude(pk=sender.pk)
        .exclude(blocks_made__blocked=sender)
        .exclude(blocks_received__blocker=sender)
        .select_related("profile")
        .distinct()
    )
    sent = 0
    for recipient in recipients:
        try:
            start_or_send(sender, recipient, body, limited=False)
        except ConversationRefused:
            continue
        sent += 1
    return sent


def forget_member(user):
    """Account deletion: their messages go, their places go, and the pair key of their
    conversations is cleared; the other person keeps their own messages, from a
    "former member"."""
    Message.objects.filter(sender=user).delete()
    conversation_ids = list(
        Participant.objects.filter(user=user).values_list("conversation_id", flat=True)
    )
    Participant.objects.filter(user=user).delete()
    Conversation.objects.filter(pk__in=conversation_ids).update(pair_key=None, started_by=None)
    # A conversation nobody takes part in any more holds nothing anyone can read.
    Conversation.objects.filter(pk__in=conversation_ids, participants__isnull=True).delete()


def export_for(user) -> list[dict]:
    """The member's conversations for their data download: the other party's display
    name and the member's own messages, not the other person's words."""
    places = Participant.objects.filter(user=user).select_related("conversation")
    partners = Participant.objects.exclude(user=user).select_related("user__profile")
    places = places.prefetch_related(
        Prefetch("conversation__participants", queryset=partners),
        Prefetch(
            "conversation__messages",
            queryset=Message.objects.filter(sender=user).order_by("created", "pk"),
            to_attr="own_messages",
        ),
    )
    export = []
    for place in places:
        others = list(place.conversation.participants.all())
        export.append(
            {
                "with": name_of(others[0].user if others else None),
                "started_at": place.conversation.created_at.isoformat(),
                "my_messages": [
                    {"sent_at": message.created.isoformat(), "body": message.body}
                    for message in place.conversation.own_messages
                ],
            }
        )
    return export


def block(blocker, blocked):
    Block.objects.get_or_create(blocker=blocker, blocked=blocked)


def unblock(blocker, blocked):
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()
