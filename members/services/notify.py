"""Emails to members, in the base design and the member's preferred language."""

from home.emails import recipient_language, send_email


def email_member(
    user,
    template: str,
    context: dict | None = None,
    *,
    to: str | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
    batch: str = "",
):
    """Queue `members/emails/<template>.html` to a user in their language, with
    optional attachments given as (file name, content, MIME type); the worker sends it
    once the caller's transaction commits (home/emails/). With `batch`, a user who
    already has this batch gets nothing (returns None)."""
    return send_email(
        to or user.email,
        f"members/emails/{template}.html",
        context,
        language=recipient_language(user, "en"),
        account=user,
        batch=batch,
        attachments=attachments,
    )
