"""Sending, in the task worker: one attempt per task, retried later with a longer wait,
failed at once on a permanent SMTP refusal, and recorded."""

import base64
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone

from home.emails.addresses import _address_deleted_since
from home.emails.queueing import delivery_backend, enqueue_delivery
from home.models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

# Seconds to wait after each failed attempt: six attempts over 1 h 51 min, then failed.
RETRY_DELAYS = (60, 5 * 60, 15 * 60, 30 * 60, 60 * 60)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


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
