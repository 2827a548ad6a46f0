"""Messages between members: sent by email through the site so that neither address is
revealed, limited per hour, and never to or from someone who blocked the other."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from home.http import site_url
from members.models import Block, MemberMessage
from members.services.notify import email_member


class MessageRefused(Exception):
    """Why a message could not be sent, in words the sender can read."""


def is_blocked_either_way(first, second) -> bool:
    """One query, whichever of the two blocked the other."""
    return Block.objects.filter(
        Q(blocker=first, blocked=second) | Q(blocker=second, blocked=first)
    ).exists()


def messages_left_this_hour(sender) -> int:
    since = timezone.now() - timedelta(hours=1)
    sent = MemberMessage.objects.filter(sender=sender, sent_at__gte=since).count()
    return max(settings.MEMBER_MESSAGES_PER_HOUR - sent, 0)


def send_message(sender, recipient_profile, body: str) -> MemberMessage:
    from django.utils.translation import gettext as _

    recipient = recipient_profile.user
    if is_blocked_either_way(sender, recipient):
        raise MessageRefused(_("You cannot send messages to this member."))
    # Count and store in one transaction that holds the sender's row: simultaneous
    # posts queue up behind it, so twelve at once against a limit of five store five.
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=sender.pk).first()
        if messages_left_this_hour(sender) <= 0:
            raise MessageRefused(
                _("You have sent a lot of messages in the last hour. Please try again later.")
            )
        message = MemberMessage.objects.create(sender=sender, recipient=recipient, body=body)
    sender_profile = sender.profile
    email_member(
        recipient,
        "message",
        {
            "sender_name": sender_profile.display_name,
            "body": body,
            "reply_url": site_url() + reverse("members:message", args=[sender_profile.public_id]),
        },
    )
    return message


def block(blocker, blocked):
    Block.objects.get_or_create(blocker=blocker, blocked=blocked)


def unblock(blocker, blocked):
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()
