"""The "Staff alerts" panel of a member of staff's Wagtail account (Account →
Notifications): an email for each thing waiting for a decision, or one summary a day
(home/staff_alerts.py). Registered in home/wagtail_hooks.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from home.models import StaffAlertPreference


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
