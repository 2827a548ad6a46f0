"""Writing an email: rendered in the base design in the recipient's language, then queued
(home/emails/queueing.py)."""

from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from home.email_design import (
    RenderedEmail,
    email_language,
    render_email,
    render_text_email,
)
from home.emails.queueing import queue_message
from home.models import OutgoingEmail

Attachment = tuple[str, bytes | str, str]


def send_email(
    to: str,
    template: str,
    context: dict | None = None,
    *,
    language: str | None,
    account=None,
    batch: str = "",
    attachments: list[Attachment] | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail | None:
    """Render `template` in the base design in `language` and queue it to `to` (see the
    module's docstring). Returns the queued row, or None when `batch` has `to` already."""
    rendered = render_email(template, context, language)
    return send_rendered(
        to, rendered, account=account, batch=batch, attachments=attachments, headers=headers
    )


def send_text_email(
    to: str, subject: str, text: str, *, language: str | None, account=None, **context
) -> OutgoingEmail | None:
    """Words written as plain text (allauth's account emails), in the base design."""
    return send_rendered(to, render_text_email(subject, text, language, **context), account=account)


def send_rendered(
    to: str,
    rendered: RenderedEmail,
    *,
    account=None,
    batch: str = "",
    attachments: list[Attachment] | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail | None:
    """Queue an email `render_email()` made: its text part, and its HTML part beside it."""
    message = EmailMultiAlternatives(
        rendered.subject, rendered.text, None, [to], headers={**(headers or {})}
    )
    message.extra_headers.setdefault("Content-Language", rendered.language)
    message.attach_alternative(rendered.html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return queue_message(message, account=account, batch=batch)


def email_in_language(
    to: str,
    language: str,
    template: str,
    context: dict,
    *,
    account=None,
    batch: str = "",
    attachments: list[Attachment] | None = None,
) -> OutgoingEmail | None:
    """The older call, kept for code written before the base design: `template` without
    its extension. `<template>.html` is sent as `send_email()` would; an older pair of
    `<template>_subject.txt` and `_body.txt` is set in the base design as plain text."""
    try:
        get_template(f"{template}.html")
    except TemplateDoesNotExist:
        with translation.override(email_language(language)):
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
            body = render_to_string(f"{template}_body.txt", context)
        rendered = render_text_email(subject, body, language)
        return send_rendered(to, rendered, account=account, batch=batch, attachments=attachments)
    return send_email(
        to,
        f"{template}.html",
        context,
        language=language,
        account=account,
        batch=batch,
        attachments=attachments,
    )
