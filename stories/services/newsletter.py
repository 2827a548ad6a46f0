"""Newsletter sign-up with double opt-in, unsubscribing, and sending in batches.

Sending is once per person: a delivery row (its unique constraint claims the pair) and
the email are committed together, one subscriber at a time, so a run that is interrupted
and started again skips everyone already claimed. The worker sends each email on its own
and retries one that fails (home/emails.py); `sent_at` is when it was queued.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from home.emails import queue_message
from stories.models import NewsletterDelivery, Subscriber, SubscriberStatus


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(subscriber) -> str:
    return absolute(reverse("newsletter_unsubscribe", args=[subscriber.token]))


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
        "confirm_url": absolute(reverse("newsletter_confirm", args=[subscriber.token])),
        "unsubscribe_url": unsubscribe_url(subscriber),
    }
    with translation.override(subscriber.language):
        message = EmailMultiAlternatives(
            subject=render_to_string("stories/email/confirm_subject.txt", context).strip(),
            body=render_to_string("stories/email/confirm.txt", context),
            to=[subscriber.email],
            headers=unsubscribe_headers(subscriber),
        )
    queue_message(message)
    return subscriber


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


def unsubscribe_headers(subscriber) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail apps show a one-click unsubscribe."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def recipients_left(newsletter):
    return (
        Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED)
        .exclude(deliveries__newsletter=newsletter)
        .order_by("pk")
    )


def _claim_and_queue(newsletter, subscriber) -> bool:
    """Claim the pair and queue the email in one transaction; False if another run
    claimed this person first."""
    try:
        with transaction.atomic():
            NewsletterDelivery.objects.create(
                newsletter=newsletter, subscriber=subscriber, sent_at=timezone.now()
            )
            queue_message(
                newsletter_email(newsletter, subscriber), batch=f"newsletter:{newsletter.pk}"
            )
    except IntegrityError:
        return False
    return True


def newsletter_email(newsletter, subscriber) -> EmailMultiAlternatives:
    """The newsletter for one subscriber, in their language: the page's translation where
    one is live, and the email's own words in the interface translation."""
    with translation.override(subscriber.language):
        version = newsletter.localized
        context = {
            "newsletter": version,
            "page_url": absolute(version.url or ""),
            "unsubscribe_url": unsubscribe_url(subscriber),
        }
        message = EmailMultiAlternatives(
            subject=version.title,
            body=render_to_string("stories/email/newsletter.txt", context),
            to=[subscriber.email],
            headers=unsubscribe_headers(subscriber),
        )
        message.attach_alternative(
            render_to_string("stories/email/newsletter.html", context), "text/html"
        )
    return message


def send_newsletter(newsletter, *, batch_size=100, progress=None) -> int:
    """Queue it for every confirmed subscriber who has not had it; returns how many."""
    sent = last = 0
    while True:
        batch = list(recipients_left(newsletter).filter(pk__gt=last)[:batch_size])
        if not batch:
            return sent
        for subscriber in batch:
            last = subscriber.pk
            if _claim_and_queue(newsletter, subscriber):
                sent += 1
            if progress is not None:
                progress.update(1)
