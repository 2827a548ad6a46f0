"""The form a guest (someone without an account) fills in to reply to a public event."""

from django import forms
from django.utils.translation import gettext_lazy as _


class GuestReplyForm(forms.Form):
    """A name and an email address, nothing else. `website` is a honeypot: hidden from
    people and screen readers, filled in only by robots; such a reply is never saved."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("The organiser sees only your first name."),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We email you a link to confirm your reply. The organiser never sees it."),
    )
    website = forms.CharField(label=_("Leave this empty"), required=False)

    field_order = ["name", "email"]

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def person_fields(self):
        return [self["name"], self["email"]]
