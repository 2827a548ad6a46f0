"""allauth's account forms in the site's own words ("Keep me signed in", not
"Remember Me"), named in ACCOUNT_FORMS. Only labels and help change; allauth keeps
every rule (rate limits, verification, password validation)."""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _

EMAIL_LABEL = _("Email address")
NEW_PASSWORD_LABEL = _("New password")
REPEAT_PASSWORD_LABEL = _("New password again")


def _relabel(form, labels: dict) -> None:
    """Give the fields that exist their labels, and drop allauth's placeholders: a
    visible label says it already, and placeholders vanish as soon as one types."""
    for name, label in labels.items():
        field = form.fields.get(name)
        if field is not None:
            field.label = label
            field.widget.attrs.pop("placeholder", None)


class SignInForm(allauth_forms.LoginForm):
    """Sign in with email address and password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(
            self,
            {"login": EMAIL_LABEL, "password": _("Password"), "remember": _("Keep me signed in")},
        )
        if "password" in self.fields:
            # allauth puts a "Forgot your password?" link in the help; the page has one.
            self.fields["password"].help_text = ""


class CreateAccountForm(allauth_forms.SignupForm):
    """Sign up: email address, password twice, then the site's own fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(
            self,
            {"email": EMAIL_LABEL, "password1": _("Password"), "password2": _("Password again")},
        )


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": EMAIL_LABEL})


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"password1": NEW_PASSWORD_LABEL, "password2": REPEAT_PASSWORD_LABEL})


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(
            self,
            {
                "oldpassword": _("Current password"),
                "password1": NEW_PASSWORD_LABEL,
                "password2": REPEAT_PASSWORD_LABEL,
            },
        )


class NewEmailForm(allauth_forms.AddEmailForm):
    """The address to change to; allauth verifies it before it replaces the current one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": _("New email address")})
