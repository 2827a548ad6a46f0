"""allauth's account adapter: where sign-in leads, and which language its emails use."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils import translation

from home.emails import queue_message


class AccountAdapter(DefaultAccountAdapter):
    """Members land in the member area after signing in; staff land in the admin."""

    def get_login_redirect_url(self, request):
        if request.user.is_staff:
            return reverse("wagtailadmin_home")
        return reverse("members:dashboard")

    def send_mail(self, template_prefix, email, context):
        """Verification, password-reset and email-change messages in the member's
        preferred language; for an address with no profile yet, the page's language.
        Rendered now (allauth's own send_mail, but queued instead of sent): the worker
        sends it once the request commits (home/emails.py)."""
        user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
        profile = getattr(user, "profile", None) if user is not None else None
        language = getattr(profile, "preferred_language", None) or translation.get_language()
        request = allauth_context.request
        with translation.override(language):
            message = self.render_mail(
                template_prefix,
                email,
                {
                    "request": request,
                    "email": email,
                    "current_site": get_current_site(request),
                    **context,
                },
            )
        queue_message(message, account=user if getattr(user, "pk", None) else None)
