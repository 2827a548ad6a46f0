"""Conversations between two members (issue 19 §2): a thread each of them can read and
answer on the site, so that nobody has to reveal an email address to stay in touch."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Conversation(models.Model):
    """The one thread between two members. `pair_key` ("<lower id>-<higher id>") keeps it
    unique per pair; it is cleared when either account is deleted, so the remaining
    person keeps their own messages without the pair being reserved for ever."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # NULL, not "", once cleared: unique allows any number of NULLs.
    pair_key = models.CharField(max_length=41, unique=True, null=True, editable=False)  # noqa: DJ001
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text=_("Counts the conversations a member starts in an hour."),
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]

    def __str__(self):
        return _("Conversation #%(number)s") % {"number": self.pk}

    @staticmethod
    def key_for(first, second) -> str:
        low, high = sorted([first.pk, second.pk])
        return f"{low}-{high}"


class Participant(models.Model):
    """One member's place in a conversation and how far they have read it.

    A conversation is unread for them while its last message is newer than
    `last_read_at`. `notified_at` is when they were last emailed about it: while that
    email is still unread (no visit since), further messages send no new email."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_places"
    )
    last_read_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("conversation participant")
        verbose_name_plural = _("conversation participants")
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="unique_conversation_participant"
            )
        ]

    def __str__(self):
        return f"{self.conversation_id} {self.user_id}"


class Message(models.Model):
    """One message in a conversation. Deleted with its sender's account; the other
    person's messages stay readable."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conversation_messages",
    )
    body = models.TextField(_("message"), max_length=3000)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["sender", "created"], name="message_sender_created")]

    def __str__(self):
        return _("Message #%(number)s") % {"number": self.pk}
