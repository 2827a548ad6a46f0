"""Background tasks of newsletters: starting a send when its time comes, and sending
one batch of readers (stories/services/newsletter.py)."""

from django_tasks import task


@task()
def start_newsletter_send(send_id: int) -> int:
    """Pick the send's audience now and queue one batch task per hundred readers."""
    from stories.services.newsletter import start_send

    return start_send(send_id)


@task()
def send_newsletter_batch(send_id: int, entries: list[dict]) -> int:
    """Claim each reader of the batch and queue their email."""
    from stories.services.newsletter import send_batch

    return send_batch(send_id, entries)
