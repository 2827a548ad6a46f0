"""Emails to members, rendered from templates in the member's preferred language."""

from django.conf import settings

from home.emails import email_in_language


def email_member(
    user,
    template: str,
    context: dict | None = None,
    *,
    to: str | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
    batch: str = "",
):
    """Queue `members/emails/<template>_subject.txt` and `_body.txt` to a user, with
    optional attachments given as (file name, content, MIME type); the worker sends it
    once the caller's transaction commits (home/emails.py). With `batch`, a user who
    already has this batch gets nothing (returns None)."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": site_url(), **(context or {})}
    profile = getattr(user, "profile", None) if user is not None else None
    language = getattr(profile, "preferred_language", None) or "en"
    return email_in_language(
        to or user.email,
        language,
        f"members/emails/{template}",
        context,
        account=user,
        batch=batch,
        attachments=attachments,
    )


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
