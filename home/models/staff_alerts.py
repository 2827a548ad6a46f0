"""What each member of staff chose about staff alerts, and the alerts waiting for their
daily summary (home/staff_alerts.py sends both kinds of email)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertDelivery(models.TextChoices):
    EACH = "each", _("An email for each thing that waits for a decision")
    DAILY = "daily", _("One summary email a day, at 08:00")


class StaffAlertPreference(models.Model):
    """How one member of staff hears that something waits for them: at once, or in a
    daily summary. No row means at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_alert_preference",
    )
    delivery = models.CharField(
        _("staff alerts"),
        max_length=10,
        choices=AlertDelivery.choices,
        default=AlertDelivery.EACH,
        help_text=_(
            "How you hear of new members waiting for approval, proposed events, reports "
            "and new applications, when your role lets you decide on them."
        ),
    )
    last_summary_at = models.DateTimeField(_("last summary sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("staff alert preference")
        verbose_name_plural = _("staff alert preferences")

    def __str__(self):
        return self.get_delivery_display()


class PendingStaffAlert(models.Model):
    """One alert kept for a member of staff who chose the daily summary; deleted once the
    summary that carries it is queued. `context` names no one (see home/staff_alerts.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_staff_alerts"
    )
    kind = models.CharField(_("kind"), max_length=80)
    context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pending staff alert")
        verbose_name_plural = _("pending staff alerts")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.kind
