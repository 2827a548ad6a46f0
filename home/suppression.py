"""Addresses the site stops sending newsletters and digests to: hard bounces and spam
complaints, reported by the email service's tracking webhooks (django-anymail's
`tracking` signal, under /anymail/ when EMAIL_BACKEND is one of its backends) or by the
SMTP server refusing a recipient for good (a 5xx reply, home/emails.py).

Bulk mail (newsletters, digests) asks `is_suppressed()` / `suppressed_among()` and
skips those addresses; account emails (sign-in links, approvals, password resets) still
go, since a member may need them to fix the address, and staff see every suppressed
address in the admin (Reports → Suppressed addresses) with a notice on the dashboard.

Hook `address_suppressed(email: str, reason: str)`: called once, when an address is
first suppressed, so that an app which keeps its own list (stories/ marks the
newsletter subscriber "bounced") can follow. It must not send email.
"""

import logging

from django.db import IntegrityError, transaction
from wagtail import hooks

from home.models import SuppressedAddress, SuppressionReason

logger = logging.getLogger(__name__)

SUPPRESSED_HOOK = "address_suppressed"
# anymail's normalised event types that mean "never send bulk mail here again".
SUPPRESSING_EVENTS = {
    "bounced": SuppressionReason.BOUNCED,
    "complained": SuppressionReason.COMPLAINED,
}


def normalise(email: str) -> str:
    return (email or "").strip().lower()


def suppress(email: str, reason: str, source: str, detail: str = "") -> SuppressedAddress | None:
    """Record that `email` refuses the site's bulk mail; the first report stays (a later
    one changes nothing). Returns the new row, or None when it was suppressed already."""
    email = normalise(email)
    if not email:
        return None
    try:
        with transaction.atomic():
            row = SuppressedAddress.objects.create(
                email=email, reason=reason, source=source[:40], detail=detail[:2000]
            )
    except IntegrityError:
        return None
    logger.info("Suppressed %s (%s, from %s)", email, reason, source)
    for follow in hooks.get_hooks(SUPPRESSED_HOOK):
        follow(email, reason)
    return row


def is_suppressed(email: str) -> bool:
    return SuppressedAddress.objects.filter(email=normalise(email)).exists()


def suppressed_among(emails) -> set[str]:
    """The suppressed ones among `emails` (normalised), in one query."""
    wanted = {normalise(email) for email in emails if email}
    if not wanted:
        return set()
    return set(SuppressedAddress.objects.filter(email__in=wanted).values_list("email", flat=True))


def suppressed_emails():
    """A subquery of every suppressed address, for `.exclude(email__in=…)`."""
    return SuppressedAddress.objects.values("email")


def on_tracking_event(sender, event, esp_name, **kwargs):
    """anymail's `tracking` signal: a hard bounce or a complaint suppresses the address."""
    reason = SUPPRESSING_EVENTS.get(event.event_type)
    if reason is None or not event.recipient:
        return
    detail = " ".join(part for part in (event.reject_reason or "", event.description or "") if part)
    suppress(event.recipient, reason, f"{esp_name} webhook", detail)
