"""Contact between members and what keeps it safe: messages, blocks and reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberMessage(models.Model):
    """A message one member sent another through the site; kept so the sender can
    download it and so that the hourly limit can be counted."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_received"
    )
    body = models.TextField(_("message"), max_length=3000)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self):
        return _("Message #%(number)s") % {"number": self.pk}


class Block(models.Model):
    """One member blocking another: no messages, not shown to each other."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="unique_block")]

    def __str__(self):
        return _("Block #%(number)s") % {"number": self.pk}


class Report(models.Model):
    """A member telling staff that a profile needs their attention."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="reports_made",
    )
    profile = models.ForeignKey("members.Profile", on_delete=models.CASCADE, related_name="reports")
    reason = models.TextField(
        _("what is wrong"),
        max_length=2000,
        help_text=_("Tell staff what worries you about this profile."),
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["resolved", "-created_at"]

    def __str__(self):
        return _("Report #%(number)s") % {"number": self.pk}
