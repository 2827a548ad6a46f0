"""The "Staff alerts" panel of a member of staff's Wagtail account (Account →
Notifications): an email for each thing waiting for a decision, or one summary a day
(home/staff_alerts.py); and what that choice keeps, for the data download. Registered
in home/wagtail_hooks.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from home.models import PendingStaffAlert, StaffAlertPreference


class StaffAlertPreferenceForm(forms.ModelForm):
    class Meta:
        model = StaffAlertPreference
        fields = ["delivery"]
        widgets = {"delivery": forms.RadioSelect}


class StaffAlertSettingsPanel(BaseSettingsPanel):
    """Shown on every admin account: the choice matters to those whose role gets alerts,
    and is kept if their role changes."""

    name = "staff_alerts"
    tab = notifications_tab
    order = 150
    form_class = StaffAlertPreferenceForm

    title = _("Staff alerts")

    def get_form(self):
        if not hasattr(self, "_instance"):
            self._instance = StaffAlertPreference.objects.filter(
                user=self.user
            ).first() or StaffAlertPreference(user=self.user)
        kwargs = {"instance": self._instance, "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)


def staff_alert_data(user) -> dict:
    """What is held about `user` for staff alerts, for their data download: nothing for
    someone who never chose and has nothing waiting."""
    preference = StaffAlertPreference.objects.filter(user=user).first()
    waiting = [
        {"kind": alert.kind, "created_at": alert.created_at.isoformat(), **alert.context}
        for alert in PendingStaffAlert.objects.filter(user=user)
    ]
    if preference is None and not waiting:
        return {}
    return {
        "staff_alerts": {
            "delivery": preference.delivery if preference else "each",
            "last_summary_at": (
                preference.last_summary_at.isoformat()
                if preference and preference.last_summary_at
                else None
            ),
            "waiting": waiting,
        }
    }
