"""Every email the site sends, as a row: queued in the request, sent by the task worker.

The row is written in the request's transaction (a rolled-back request leaves none) and
the task that sends it is queued once that transaction commits (home/emails/). The row
is the email's state: how often it was tried, why it failed, and, for the batch commands,
who already has this batch (one row per batch and recipient), so no one gets it twice.
The message itself (body, attachments) is erased once it is sent or dropped; what stays
is who, what subject and when, for the failed-email report and the member's own record.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    DROPPED = "dropped", _("Not sent: the account was deleted")


class OutgoingEmail(models.Model):
    """One email to one address, and what became of it."""

    recipient = models.EmailField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=998)
    # {"body", "html", "headers", "attachments": [[name, base64, mimetype]]}; emptied once
    # the email is sent or dropped.
    message = models.JSONField(default=dict, blank=True)
    # The account the email is for, if any: deleting the account deletes its emails, so
    # nothing still waiting is sent to a deleted member.
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    batch = models.CharField(
        _("batch"),
        max_length=120,
        blank=True,
        help_text=_("The run of a batch command this email belongs to, such as digest:2026-W05."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "recipient"],
                condition=~Q(batch=""),
                name="home_outgoingemail_once_per_batch",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.subject


class DeletedAddress(models.Model):
    """A keyed hash of the address of a deleted account, and when it was deleted: an
    email queued before that time to that address is not sent (home/emails/). The
    address itself is not kept."""

    address_hash = models.CharField(max_length=64, unique=True)
    deleted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("deleted address")
        verbose_name_plural = _("deleted addresses")

    def __str__(self):
        return self.address_hash[:12]
