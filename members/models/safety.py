"""What keeps contact between members safe: blocks and reports (the messages
themselves are in conversations.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    """A member telling staff that a profile, or one message in a conversation, needs
    their attention. Staff see the reported message and nothing else of its thread."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="reports_made",
    )
    profile = models.ForeignKey("members.Profile", on_delete=models.CASCADE, related_name="reports")
    message = models.ForeignKey(
        "members.Message",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("reported message"),
    )
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
