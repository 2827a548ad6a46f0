"""Addresses that refuse the site's email (hard bounces, spam complaints)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SuppressionReason(models.TextChoices):
    BOUNCED = "bounced", _("Hard bounce: the address does not exist or refuses email")
    COMPLAINED = "complained", _("Complaint: the reader marked an email as spam")


class SuppressedAddress(models.Model):
    """An address that newsletters and digests skip from now on (home/suppression.py).
    Account emails still go to it, and staff see it listed in the admin."""

    email = models.EmailField(_("email address"), unique=True)
    reason = models.CharField(_("reason"), max_length=20, choices=SuppressionReason.choices)
    source = models.CharField(
        _("source"),
        max_length=40,
        help_text=_("What reported it: the email service's webhook, or the SMTP server."),
    )
    detail = models.TextField(_("detail"), blank=True)
    created_at = models.DateTimeField(_("suppressed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.email
