"""Forms of invitations: staff invite someone by email, and the invited person
chooses a display name and password. The rules are in members/services/invitations.py."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from members.forms.profile import SignupForm


class InvitationForm(forms.Form):
    """Staff invite one person by email address."""

    email = forms.EmailField(label=_("Email address of the person to invite"))


class InvitationAcceptForm(forms.Form):
    """Someone invited by staff chooses a display name and password."""

    display_name = SignupForm.base_fields["display_name"]
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    privacy_consent = SignupForm.base_fields["privacy_consent"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password
