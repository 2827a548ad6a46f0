"""Newsletter sign-up with double opt-in, unsubscribing, and sending in batches.

Sending is once per person: a delivery row (its unique constraint claims the pair) and
the email are committed together, one subscriber at a time, so a run that is interrupted
and started again skips everyone already claimed. The worker sends each email on its own
and retries one that fails (home/emails/); `sent_at` is when it was queued.
"""

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from home.email_design import RenderedEmail, email_language, render_email
from home.emails import queue_message, send_email
from home.http import site_url
from stories.models import NewsletterDelivery, Subscriber, SubscriberStatus


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


def render_newsletter(newsletter, language: str, unsubscribe_link: str) -> RenderedEmail:
    """The newsletter as a reader of `language` receives it (also the admin's preview):
    the page's translation where one is live, otherwise the source marked as its own
    language with a notice, and the email's own words in the interface translation."""
    language = email_language(language)
    with translation.override(language):
        version = newsletter.localized
    version_language = version.locale.language_code
    return render_email(
        "stories/emails/newsletter.html",
        {
            "newsletter": version,
            "newsletter_language": version_language,
            "translated": version_language == language,
            "page_url": site_url(version.url or ""),
            "unsubscribe_url": unsubscribe_link,
        },
        language,
    )


def newsletter_email(newsletter, subscriber) -> EmailMultiAlternatives:
    """The newsletter for one subscriber, in their language (`render_newsletter`)."""
    rendered = render_newsletter(newsletter, subscriber.language, unsubscribe_url(subscriber))
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        to=[subscriber.email],
        headers={**unsubscribe_headers(subscriber), "Content-Language": rendered.language},
    )
    message.attach_alternative(rendered.html, "text/html")
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
