"""Two members of staff press "send" at the same moment, on PostgreSQL: two sends run
in two threads with their own connections, and each address still gets one email.

Run it on PostgreSQL with
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/acn_news TEST_DATABASE_NAME=acn_news \\
        .venv/bin/python -m pytest -p no:xdist tests/stories/test_newsletter_concurrency.py
(on SQLite the database's unique constraint is tested in test_newsletter_send.py).
"""

import threading

import pytest
from django.db import connection, connections

from home.models import OutgoingEmail
from stories.models import NewsletterRecipient, NewsletterSend, Subscriber
from stories.services import newsletter as service
from tests.stories.factories import StoryPageFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs PostgreSQL: SQLite lets one writer in at a time.",
    ),
    # serialized_rollback, like every transactional test here: the flush after it must
    # leave the pages and content types the next test expects.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

READERS = 40


def test_two_sends_at_once_reach_each_address_once(story_index, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    newsletter = StoryPageFactory(parent=story_index, kind="newsletter", slug="winter")
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{number}@example.org",
            status="confirmed",
            consented_at="2024-01-01T00:00Z",
            token=f"token-{number}",
        )
        for number in range(READERS)
    )
    sends = [service.create_send(newsletter) for _ in range(2)]
    start = threading.Barrier(2)
    found, errors = [], []

    def press_send(send):
        try:
            start.wait()
            found.append(service.start_send(send.pk, batch_size=7, enqueue=False))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press_send, args=(send,)) for send in sends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert NewsletterRecipient.objects.filter(newsletter=newsletter).count() == READERS
    emails = OutgoingEmail.objects.filter(batch=f"newsletter:{newsletter.pk}")
    assert emails.count() == READERS
    assert emails.values("recipient").distinct().count() == READERS
    queued = [send.queued for send in NewsletterSend.objects.all()]
    assert sum(queued) == READERS
