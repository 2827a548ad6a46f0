"""allauth's account adapter: where sign-in leads, and which language its emails use."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from home import l10n
from home.email_design import design_for, email_language
from home.emails import recipient_language, send_text_email


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
        """Verification, password-reset and account-change emails in the base design and
        in the member's language (for an address with no profile yet, the page's),
        naming the organisation from the site settings, never the host. allauth's own
        words and translations are kept (`<prefix>_subject.txt`, `_message.txt`); the
        worker sends the email once the request commits (home/emails/)."""
        user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
        language = email_language(recipient_language(user, translation.get_language()))
        request = allauth_context.request
        with translation.override(language):
            words = {
                **context,
                "request": request,
                "email": email,
                "current_site": OrganisationSite(design_for(language).organisation),
            }
            if isinstance(words.get("timestamp"), datetime):
                words["timestamp"] = l10n.format_datetime(words["timestamp"])
            subject = render_to_string(f"{template_prefix}_subject.txt", words, request)
            body = render_to_string(f"{template_prefix}_message.txt", words, request)
        account = user if getattr(user, "pk", None) else None
        send_text_email(
            email,
            self.format_email_subject(" ".join(subject.split())),
            body.strip(),
            language=language,
            account=account,
            template="members/emails/account.html",
            has_account=account is not None,
        )


@dataclass(frozen=True)
class OrganisationSite:
    """What allauth's templates read as `current_site`: the organisation's name (in the
    reader's language) and the site's host, instead of the request's host twice."""

    name: str

    @property
    def domain(self) -> str:
        return urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
