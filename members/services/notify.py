"""Emails to members, rendered from templates in the member's preferred language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def email_member(
    user,
    template: str,
    context: dict | None = None,
    *,
    to: str | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
):
    """Send `members/emails/<template>_subject.txt` and `_body.txt` to a user, with
    optional attachments given as (file name, content, MIME type)."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": site_url(), **(context or {})}
    profile = getattr(user, "profile", None) if user is not None else None
    language = getattr(profile, "preferred_language", None) or "en"
    with translation.override(language):
        subject = render_to_string(f"members/emails/{template}_subject.txt", context)
        body = render_to_string(f"members/emails/{template}_body.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, None, [to or user.email])
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
