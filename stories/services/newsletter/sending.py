"""Sending once per address, as tasks: a send from the admin picks its audience when its
time comes, then queues one task per batch (stories/tasks.py). A NewsletterRecipient row
(its unique constraint claims the pair of newsletter and address) and the email are
committed together, so a second send started at the same moment skips everyone claimed."""

from dataclasses import asdict

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log

from home.emails import queue_message
from home.http import site_url
from home.models import EmailStatus
from home.suppression import suppressed_among, suppressed_emails
from stories.models import (
    NewsletterAudience,
    NewsletterRecipient,
    NewsletterSend,
    SendState,
    Subscriber,
    SubscriberStatus,
)
from stories.services.newsletter.composing import (
    Reader,
    newsletter_message,
    source_newsletter,
    subscriber_reader,
)

BATCH_SIZE = 100
# Audit log actions (registered in stories/wagtail_hooks.py).
SEND_STARTED = "stories.newsletter_send"
SEND_SCHEDULED = "stories.newsletter_schedule"
SEND_CANCELLED = "stories.newsletter_cancel"
TEST_SENT = "stories.newsletter_test_send"
# The hook another app (members/) registers to add approved members who asked for the
# newsletter: `fn(language: str) -> iterable of Reader` (language "" for every one).
MEMBER_READERS_HOOK = "newsletter_member_readers"


def subscribers_left(newsletter, language: str = ""):
    """Confirmed subscribers (of `language`, if given) whose address has not had it."""
    subscribers = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).exclude(
        email__in=NewsletterRecipient.objects.filter(newsletter=newsletter).values("email")
    )
    if language:
        subscribers = subscribers.filter(language=language)
    return subscribers.order_by("pk")


def recipients_left(newsletter):
    """Every confirmed subscriber who has not had it (the command's total)."""
    return subscribers_left(newsletter)


def member_readers_available() -> bool:
    return bool(hooks.get_hooks(MEMBER_READERS_HOOK))


def audience(send: NewsletterSend) -> list[Reader]:
    """Who a send goes to, now: its subscribers, then members who asked for it, each
    address once, none that already had this newsletter and none that bounced or
    complained (home/suppression.py; counted as skipped)."""
    language = send.language if send.audience == NewsletterAudience.LANGUAGE else ""
    readers = [subscriber_reader(s) for s in subscribers_left(send.newsletter_id, language)]
    if send.include_members:
        for provide in hooks.get_hooks(MEMBER_READERS_HOOK):
            readers.extend(provide(language))
    already = set(
        NewsletterRecipient.objects.filter(newsletter_id=send.newsletter_id).values_list(
            "email", flat=True
        )
    )
    suppressed = suppressed_among(reader.email for reader in readers)
    unique = []
    skipped = 0
    for reader in readers:
        email = reader.email.strip().lower()
        if email in suppressed:
            skipped += 1
        elif email and email not in already:
            already.add(email)
            unique.append(reader)
    if skipped:
        NewsletterSend.objects.filter(pk=send.pk).update(skipped=skipped)
    return unique


def create_send(
    newsletter,
    *,
    audience: str = NewsletterAudience.ALL,
    language: str = "",
    include_members: bool = False,
    scheduled_at=None,
    user=None,
) -> NewsletterSend:
    """Record a send and queue the task that starts it at `scheduled_at` (now if none);
    the audit log says who asked for what."""
    newsletter = source_newsletter(newsletter)
    now = timezone.now()
    later = scheduled_at is not None and scheduled_at > now
    send = NewsletterSend.objects.create(
        newsletter=newsletter,
        audience=audience,
        language=language if audience == NewsletterAudience.LANGUAGE else "",
        include_members=include_members,
        scheduled_at=scheduled_at if later else now,
        created_by=user if getattr(user, "pk", None) else None,
    )
    log(
        instance=newsletter,
        action=SEND_SCHEDULED if later else SEND_STARTED,
        user=user,
        data={
            "send": send.pk,
            "audience": send.audience,
            "language": send.language,
            "include_members": include_members,
            "scheduled_at": send.scheduled_at.isoformat(),
        },
    )
    transaction.on_commit(lambda: _enqueue_start(send), robust=True)
    return send


def _enqueue_start(send: NewsletterSend):
    from stories.tasks import start_newsletter_send

    task = start_newsletter_send
    if send.scheduled_at > timezone.now():
        task = task.using(run_after=send.scheduled_at)
    return task.enqueue(send.pk)


def cancel_send(send: NewsletterSend, user=None) -> bool:
    """Stop a send that has not started yet."""
    cancelled = NewsletterSend.objects.filter(pk=send.pk, state=SendState.SCHEDULED).update(
        state=SendState.CANCELLED
    )
    if cancelled:
        log(instance=send.newsletter, action=SEND_CANCELLED, user=user, data={"send": send.pk})
    return bool(cancelled)


def start_send(send_id: int, *, batch_size: int = BATCH_SIZE, enqueue=True) -> int:
    """The start task: claim the send (one worker only), pick its audience and queue one
    task per batch of readers (or, with enqueue=False, send the batches here). Returns
    how many readers it found."""
    claimed = NewsletterSend.objects.filter(pk=send_id, state=SendState.SCHEDULED).update(
        state=SendState.SENDING
    )
    if not claimed:
        return 0  # cancelled, or another worker has started it
    send = NewsletterSend.objects.get(pk=send_id)
    readers = audience(send)
    batches = [readers[index : index + batch_size] for index in range(0, len(readers), batch_size)]
    if not batches:
        NewsletterSend.objects.filter(pk=send_id).update(state=SendState.DONE)
        return 0
    NewsletterSend.objects.filter(pk=send_id).update(batches_left=len(batches))
    for batch in batches:
        entries = [asdict(reader) for reader in batch]
        if enqueue:
            from stories.tasks import send_newsletter_batch

            send_newsletter_batch.enqueue(send_id, entries)
        else:
            send_batch(send_id, entries)
    return len(readers)


def send_batch(send_id: int, entries: list[dict], progress=None) -> int:
    """One batch task: claim each address and queue its email, in one transaction each.
    An address claimed by any send of this newsletter before is skipped. Returns how
    many were queued."""
    send = NewsletterSend.objects.select_related("newsletter").get(pk=send_id)
    newsletter = send.newsletter.specific
    queued = 0
    for entry in entries:
        reader = Reader(**entry)
        if _claim_and_queue(send, newsletter, reader):
            queued += 1
        if progress is not None:
            progress.update(1)
    NewsletterSend.objects.filter(pk=send_id).update(batches_left=F("batches_left") - 1)
    NewsletterSend.objects.filter(pk=send_id, batches_left__lte=0).update(state=SendState.DONE)
    refresh_counts(send)
    return queued


def _claim_and_queue(send, newsletter, reader: Reader) -> bool:
    """Claim the pair and queue the email in one transaction; False if another send
    claimed this address first."""
    email = reader.email.strip().lower()
    try:
        with transaction.atomic():
            recipient = NewsletterRecipient.objects.create(
                newsletter_id=send.newsletter_id,
                send=send,
                email=email,
                subscriber_id=reader.subscriber_id,
            )
            outgoing = queue_message(
                newsletter_message(newsletter, reader), batch=f"newsletter:{send.newsletter_id}"
            )
            if outgoing is not None:
                recipient.outgoing = outgoing
                recipient.save(update_fields=["outgoing"])
    except IntegrityError:
        return False
    return True


def refresh_counts(send: NewsletterSend) -> NewsletterSend:
    """The send's counts from its recipients' emails, in one query."""
    counts = NewsletterRecipient.objects.filter(send=send).aggregate(
        queued=Count("pk"),
        sent=Count("pk", filter=Q(outgoing__status=EmailStatus.SENT)),
        failed=Count("pk", filter=Q(outgoing__status=EmailStatus.FAILED)),
        bounced=Count("pk", filter=Q(email__in=suppressed_emails())),
    )
    NewsletterSend.objects.filter(pk=send.pk).update(**counts)
    for name, value in counts.items():
        setattr(send, name, value)
    return send


def send_newsletter(newsletter, *, batch_size=BATCH_SIZE, progress=None, user=None) -> int:
    """Send it now to every confirmed subscriber who has not had it, in this process
    (`manage.py send_newsletter`); returns how many emails were queued."""
    newsletter = source_newsletter(newsletter)
    send = NewsletterSend.objects.create(
        newsletter=newsletter, scheduled_at=timezone.now(), state=SendState.SENDING
    )
    log(
        instance=newsletter,
        action=SEND_STARTED,
        user=user,
        data={"send": send.pk, "audience": "all"},
    )
    readers = audience(send)
    batches = [readers[index : index + batch_size] for index in range(0, len(readers), batch_size)]
    NewsletterSend.objects.filter(pk=send.pk).update(batches_left=len(batches))
    if not batches:
        NewsletterSend.objects.filter(pk=send.pk).update(state=SendState.DONE)
    return sum(
        send_batch(send.pk, [asdict(reader) for reader in batch], progress) for batch in batches
    )


def send_test(newsletter, user, language: str):
    """The newsletter in `language` to the member of staff's own address, marked as a
    test in the audit log; it claims no reader, so the real send still reaches them."""
    newsletter = source_newsletter(newsletter)
    reader = Reader(
        email=user.email,
        language=language,
        unsubscribe_url=site_url(reverse("newsletter_signup")),
    )
    message = newsletter_message(newsletter, reader)
    queued = queue_message(message)
    log(instance=newsletter, action=TEST_SENT, user=user, data={"language": language})
    return queued
