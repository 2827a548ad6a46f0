"""The one way the site sends an email: written in the base design (home/email_design.py),
rendered in the recipient's language, queued after the request commits, sent by the task
worker, retried, and recorded.

To send an email, write one template that extends "emails/base.html" and fills its
blocks `subject`, `content`, `why` (why the reader gets it) and `stop` (how to stop),
then:

    send_email(
        user.email,
        "members/emails/approved.html",
        {"profile": profile},
        language=recipient_language(user),   # or application.language, subscriber.language
        account=user,                         # deleted with the account
        attachments=[("event.ics", ics, "text/calendar")],   # optional
        headers={"List-Unsubscribe": "<…>"},                 # optional
        batch="digest:2026-W49",              # optional: once per recipient and batch
    )

The template sees `email` (the organisation's name, colour and logo from the site
settings, `language`, `direction`, `start` and `end` for the recipient), `site_name`
(the organisation's name in the recipient's language) and `base_url`. The text part is
made from the HTML, so write the words once. `{% include "emails/button.html" with
url=… label=… %}` is the design's button. `render_email()` (home/email_design.py) gives
the subject, text and HTML without queueing, for previews and tests; `send_rendered()`
queues one already rendered. Words written as plain text (allauth's) go through
`send_text_email()`, which sets them in the same design.

    queue_message(message, account=user)          # an EmailMessage built elsewhere

Each writes an `OutgoingEmail` row in the caller's transaction and queues the task that
sends it with `transaction.on_commit`: a request that is rolled back sends nothing; one
that commits always sends, however long the SMTP server is away. No request waits on
SMTP. The worker (`home.tasks.deliver_email`) tries up to len(RETRY_DELAYS) + 1 times,
waiting longer each time (over an hour and a half in all); a permanent refusal (an SMTP
5xx reply) fails at once, and one of the recipient's address suppresses it for
newsletters and digests (home/suppression.py). Failed emails appear in the admin's
"Failed emails" report, from which staff may send one again.

Batch commands pass `batch=`: one row per (batch, recipient) is allowed, so a second
run, a retry or a second worker never sends anyone the same batch twice.

An email queued for an account is deleted with the account; an email to the address of
an account deleted after it was queued is dropped at send time (`forget_address`).
"""

import base64
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from home.email_design import (
    RenderedEmail,
    email_language,
    render_email,
    render_text_email,
)
from home.models import DeletedAddress, EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

# Seconds to wait after each failed attempt: six attempts over 1 h 51 min, then failed.
RETRY_DELAYS = (60, 5 * 60, 15 * 60, 30 * 60, 60 * 60)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


# Rendering -----------------------------------------------------------------------------

Attachment = tuple[str, bytes | str, str]


def recipient_language(user, default: str | None = None) -> str:
    """The language a person chose for the site (their profile's), else `default` (the
    page's, for an address with no profile yet), else the site's default language."""
    profile = getattr(user, "profile", None) if user is not None else None
    return (
        getattr(profile, "preferred_language", None)
        or default
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )


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


# Queueing ------------------------------------------------------------------------------


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


# Deleted accounts ----------------------------------------------------------------------


def address_hash(address: str) -> str:
    return salted_hmac("home.emails.deleted-address", address.strip().lower()).hexdigest()


def forget_address(address: str):
    """Called when an account is deleted: nothing queued until now goes to `address`,
    and every email to it, waiting, failed or sent, is erased."""
    if not address:
        return
    now = timezone.now()
    DeletedAddress.objects.update_or_create(
        address_hash=address_hash(address), defaults={"deleted_at": now}
    )
    OutgoingEmail.objects.filter(recipient__iexact=address.strip()).delete()


def _address_deleted_since(email: OutgoingEmail) -> bool:
    return DeletedAddress.objects.filter(
        address_hash=address_hash(email.recipient), deleted_at__gte=email.created_at
    ).exists()


# Sending (in the worker) ---------------------------------------------------------------


class PermanentFailure(Exception):
    """The SMTP server refused for good (a 5xx reply): trying again would not help."""


def _text(message) -> str:
    return message.decode(errors="replace") if isinstance(message, bytes) else str(message)


def _refused_for_good(error: Exception) -> bool:
    """The recipient's own address was refused for good: the SMTP server's 5xx to RCPT
    TO, or the email service declining an address it will not send to (anymail)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    from anymail.exceptions import AnymailRecipientsRefused

    return isinstance(error, AnymailRecipientsRefused)


def _classify(error: Exception) -> Exception:
    from anymail.exceptions import AnymailRecipientsRefused

    if isinstance(error, AnymailRecipientsRefused):
        return PermanentFailure(str(error))
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        if codes and all(code >= 500 for code in codes):
            return PermanentFailure(
                "; ".join(f"{code} {_text(message)}" for code, message in error.recipients.values())
            )
    elif isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500:
        return PermanentFailure(f"{error.smtp_code} {_text(error.smtp_error)}")
    return error


def build_message(email: OutgoingEmail, connection=None) -> EmailMultiAlternatives:
    data = email.message
    message = EmailMultiAlternatives(
        email.subject,
        data.get("body", ""),
        data.get("from") or None,
        [email.recipient],
        headers=data.get("headers") or {},
        connection=connection,
    )
    message.content_subtype = data.get("subtype") or "plain"
    if data.get("html"):
        message.attach_alternative(data["html"], "text/html")
    for filename, content, mimetype in data.get("attachments", []):
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def deliver(email_id: int) -> str:
    """Send one queued email (the task's body); returns what became of it."""
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(pk=email_id, status=EmailStatus.QUEUED).update(
        status=EmailStatus.SENDING, last_attempt_at=now
    )
    if not claimed:
        return "not waiting"  # sent, failed, dropped or deleted, or another worker has it
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None:
        return "not waiting"  # its account was deleted meanwhile
    email.attempts += 1
    if _address_deleted_since(email):
        _finish(email, EmailStatus.DROPPED, reason="The account was deleted.")
        return EmailStatus.DROPPED
    try:
        connection = get_connection(delivery_backend(), timeout=settings.EMAIL_TIMEOUT)
        build_message(email, connection).send()
    except Exception as raw:
        error = _classify(raw)
        reason = f"{type(raw).__name__}: {error}"[:2000]
        if isinstance(error, PermanentFailure) or email.attempts >= MAX_ATTEMPTS:
            _finish(email, EmailStatus.FAILED, reason=reason, keep_message=True)
            if _refused_for_good(raw):
                from home.suppression import SuppressionReason, suppress

                suppress(email.recipient, SuppressionReason.BOUNCED, "SMTP", reason)
            logger.warning("Email %s failed (attempt %s): %s", email.pk, email.attempts, reason)
            return EmailStatus.FAILED
        return _schedule_retry(email, reason)
    _finish(email, EmailStatus.SENT)
    return EmailStatus.SENT


def _schedule_retry(email: OutgoingEmail, reason: str) -> str:
    from home.tasks import deliver_email

    delay = RETRY_DELAYS[min(email.attempts, len(RETRY_DELAYS)) - 1]
    run_after = timezone.now() + timedelta(seconds=delay)
    if not deliver_email.get_backend().supports_defer:
        # A backend that cannot wait (the immediate one, in some tests) cannot retry.
        _finish(email, EmailStatus.FAILED, reason=reason, keep_message=True)
        return EmailStatus.FAILED
    email.status = EmailStatus.QUEUED
    email.reason = reason
    email.next_attempt_at = run_after
    email.save(update_fields=["status", "reason", "attempts", "next_attempt_at"])
    enqueue_delivery(email.pk, run_after=run_after)
    return "retry"


def _finish(email: OutgoingEmail, status: str, *, reason: str = "", keep_message=False):
    now = timezone.now()
    email.status = status
    email.reason = reason
    email.next_attempt_at = None
    if status == EmailStatus.SENT:
        email.sent_at = now
    if status == EmailStatus.FAILED:
        email.failed_at = now
    if not keep_message:
        # Sent or dropped: only that it went, to whom and when is kept, not what it said.
        email.message = {}
        email.subject = ""
    email.save()
