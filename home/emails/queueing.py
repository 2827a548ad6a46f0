"""Queueing: each email becomes an `OutgoingEmail` row in the caller's transaction, and
the task that sends it is queued when that transaction commits."""

import base64

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction

from home.email_design import (
    render_text_email,
)
from home.emails.language import recipient_language
from home.models import EmailStatus, OutgoingEmail


def _attachment(item) -> list:
    filename, content, mimetype = item
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def serialise(message) -> dict:
    """The parts of an EmailMessage the worker needs, as JSON."""
    alternatives = getattr(message, "alternatives", [])
    html = next((content for content, mimetype in alternatives if mimetype == "text/html"), None)
    return {
        "subtype": message.content_subtype,
        "body": message.body,
        "html": html,
        "headers": dict(message.extra_headers),
        "from": message.from_email,
        "attachments": [_attachment(item) for item in message.attachments],
    }


def queue_message(message, *, account=None, batch: str = "") -> OutgoingEmail | None:
    """Queue `message` (an EmailMessage, not sent) to each of its recipients. Returns the
    row of the first recipient, or None when this batch already has that recipient."""
    first = None
    for recipient in message.to:
        email = _queue_one(message, recipient, account=account, batch=batch)
        first = first or email
    return first


def _queue_one(message, recipient: str, *, account, batch: str) -> OutgoingEmail | None:
    row = OutgoingEmail(
        recipient=recipient.strip().lower() if batch else recipient.strip(),
        subject=str(message.subject)[:998],
        message=serialise(message),
        account=account if getattr(account, "pk", None) else None,
        batch=batch,
    )
    if batch:
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            return None  # this batch has this person already (an earlier run, or another)
    else:
        row.save()
    transaction.on_commit(lambda: enqueue_delivery(row.pk), robust=True)
    return row


QUEUEING_BACKEND = "home.emails.QueueingEmailBackend"


class QueueingEmailBackend(BaseEmailBackend):
    """The site's EMAIL_BACKEND: a message "sent" through it (by Wagtail's moderation
    notifications, Django's error emails or anything else calling `send()`) is queued
    like the site's own emails and sent by the worker with `delivery_backend()`, so no
    request waits on SMTP. Such a message is set in the base design too, in its
    recipient's language (`in_design`), except Django's error reports to the admins."""

    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            recipients = message.recipients()
            if not recipients:
                continue
            message.to, message.cc, message.bcc = recipients, [], []
            if not _is_error_report(message):
                in_design(message)
            queue_message(message)
            queued += 1
        return queued


def _is_error_report(message) -> bool:
    prefix = settings.EMAIL_SUBJECT_PREFIX
    return bool(prefix) and str(message.subject).startswith(prefix)


def in_design(message):
    """Set a message written elsewhere (Wagtail's moderation notifications) in the base
    design: its words as its sender wrote them (in the recipient's language, which
    Wagtail chooses itself), the design's band, footer, `lang` and `dir` around them."""
    if "Content-Language" in message.extra_headers:
        return message  # made by send_rendered() already
    from django.contrib.auth import get_user_model

    from home.email_text import html_to_text

    user = get_user_model().objects.filter(email__iexact=message.to[0]).first()
    wagtail_profile = getattr(user, "wagtail_userprofile", None)
    language = recipient_language(
        user, getattr(wagtail_profile, "preferred_language", None) or settings.LANGUAGE_CODE
    )
    text = message.body if message.content_subtype != "html" else html_to_text(message.body)
    rendered = render_text_email(str(message.subject), text, language)
    message.body, message.content_subtype = rendered.text, "plain"
    message.alternatives = [(rendered.html, "text/html")]
    message.extra_headers["Content-Language"] = rendered.language
    return message


def delivery_backend() -> str:
    """The backend the worker sends with: EMAIL_DELIVERY_BACKEND (from the environment's
    EMAIL_BACKEND) when the site queues, else EMAIL_BACKEND itself (tests and tools that
    name a backend directly)."""
    if settings.EMAIL_BACKEND == QUEUEING_BACKEND:
        return settings.EMAIL_DELIVERY_BACKEND
    return settings.EMAIL_BACKEND


def enqueue_delivery(email_id: int, *, run_after=None):
    """Hand the email to the task queue (now, or at `run_after`)."""
    from home.tasks import deliver_email

    task = deliver_email if run_after is None else deliver_email.using(run_after=run_after)
    return task.enqueue(email_id)


def retry(email: OutgoingEmail) -> bool:
    """Send a failed email again (the report's "retry"): a fresh round of attempts."""
    updated = OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.FAILED).update(
        status=EmailStatus.QUEUED, attempts=0, next_attempt_at=None, failed_at=None
    )
    if updated:
        transaction.on_commit(lambda: enqueue_delivery(email.pk), robust=True)
    return bool(updated)
