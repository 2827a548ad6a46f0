"""The admin's newsletter forms: a test send to oneself, and a send to an audience."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models import NewsletterAudience

UK = ZoneInfo("Europe/London")


class TestSendForm(forms.Form):
    """Its fields are prefixed "test-": the send form on the same screen has a language too."""

    prefix = "test"
    language = forms.ChoiceField(label=_("Language of the test email"), choices=settings.LANGUAGES)


class SendForm(forms.Form):
    """Whom to send to and when; the time is UK time, whatever the browser's."""

    WHEN_CHOICES = [("now", _("Send now")), ("later", _("Send at a time I choose"))]

    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=NewsletterAudience.choices,
        widget=forms.RadioSelect,
        initial=NewsletterAudience.ALL,
    )
    language = forms.ChoiceField(
        label=_("Language of the subscribers"),
        choices=[("", _("Choose a language"))] + list(settings.LANGUAGES),
        required=False,
        help_text=_("Only for the audience of one language: subscribers who chose it."),
    )
    include_members = forms.BooleanField(
        label=_("Also send it to approved members who asked for the newsletter"), required=False
    )
    when = forms.ChoiceField(
        label=_("When"), choices=WHEN_CHOICES, widget=forms.RadioSelect, initial="now"
    )
    scheduled_at = forms.CharField(
        label=_("Date and time (UK time)"),
        required=False,
        help_text=_("For example 2026-12-24 09:30, in the UK's time (GMT or BST)."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args, members_available=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not members_available:
            del self.fields["include_members"]

    def clean_scheduled_at(self):
        value = (self.cleaned_data.get("scheduled_at") or "").strip()
        if not value:
            return None
        for pattern in ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
            try:
                moment = datetime.strptime(value, pattern)  # noqa: DTZ007 - UK time below
            except ValueError:
                continue
            return moment.replace(tzinfo=UK)
        raise forms.ValidationError(
            _("Enter a date and time such as 2026-12-24 09:30."), code="invalid"
        )

    def clean(self):
        data = super().clean()
        if data.get("audience") == NewsletterAudience.LANGUAGE and not data.get("language"):
            self.add_error("language", _("Choose the language of the subscribers to send to."))
        if data.get("when") == "later":
            moment = data.get("scheduled_at")
            if moment is None and "scheduled_at" not in self.errors:
                self.add_error("scheduled_at", _("Enter the date and time to send at."))
            elif moment is not None and moment <= timezone.now():
                self.add_error("scheduled_at", _("Choose a time in the future."))
        else:
            data["scheduled_at"] = None
        return data
