"""allauth's account adapter: where sign-in leads, and which language its emails use."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Members land in the member area after signing in (at their first choices when
    their account was made for them); staff land in the admin."""

    def get_login_redirect_url(self, request):
        from members.services.membership import needs_first_choices

        if needs_first_choices(request.user):
            return reverse("members:welcome")
        if request.user.is_staff:
            return reverse("wagtailadmin_home")
        return reverse("members:dashboard")

    def send_mail(self, template_prefix, email, context):
        """Verification, password-reset and email-change messages in the member's
        preferred language; for an address with no profile yet, the page's language."""
        user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
        profile = getattr(user, "profile", None) if user is not None else None
        language = getattr(profile, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)
