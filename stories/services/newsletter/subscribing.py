"""Subscribing with double opt-in, confirming, unsubscribing, and a bounced address
marked as such (home/suppression.py calls `mark_bounced` through its hook)."""

from django.urls import reverse
from django.utils import timezone

from home.emails import send_email
from home.http import site_url
from stories.models import (
    Subscriber,
    SubscriberStatus,
)


def unsubscribe_url(subscriber) -> str:
    return site_url(reverse("newsletter_unsubscribe", args=[subscriber.token]))


def request_subscription(email: str, language: str) -> Subscriber:
    """Create or reuse the subscriber and send a confirmation link, whatever the state.

    The same address never makes a second row; a confirmed address is told it is
    already subscribed rather than being confirmed again.
    """
    email = email.strip().lower()
    now = timezone.now()
    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": language, "consented_at": now}
    )
    if not created:
        subscriber.language = language
        subscriber.consented_at = now
        if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
            subscriber.status = SubscriberStatus.PENDING
            subscriber.unsubscribed_at = None
        subscriber.save()
    context = {
        "subscriber": subscriber,
        "confirm_url": site_url(reverse("newsletter_confirm", args=[subscriber.token])),
        "unsubscribe_url": unsubscribe_url(subscriber),
    }
    send_email(
        subscriber.email,
        "stories/emails/confirm.html",
        context,
        language=subscriber.language,
        headers=unsubscribe_headers(subscriber),
    )
    return subscriber


def find(token: str) -> Subscriber | None:
    """The subscriber a confirmation or unsubscribe link names, changing nothing."""
    return Subscriber.objects.filter(token=token).first()


def confirm(token: str) -> Subscriber | None:
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return None
    if subscriber.status != SubscriberStatus.CONFIRMED:
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save()
    return subscriber


def unsubscribe(token: str) -> Subscriber | None:
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is not None and subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
    return subscriber


def mark_bounced(email: str, reason: str):
    """The address bounced or complained (hook `address_suppressed`): its subscription
    shows it, and it gets no more newsletters."""
    Subscriber.objects.filter(email=email.strip().lower()).update(status=SubscriberStatus.BOUNCED)


def unsubscribe_headers(subscriber) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail apps show a one-click unsubscribe."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
