"""The hourly message limit holds when a member sends many messages at the same moment
(PostgreSQL row locks; SQLite serialises every write anyway). Twelve threads call the
service the message view calls, all at once."""

import threading

import pytest
from django.db import connection, connections

from members.models import Message
from members.services import conversations
from tests.members.factories import ProfileFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrent row locking is tested on PostgreSQL only; set DATABASE_URL to one.",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twelve_simultaneous_messages_against_a_limit_of_five_store_five(home_page, settings):
    settings.MEMBER_MESSAGES_PER_HOUR = 5
    sender = ProfileFactory().user
    recipient = ProfileFactory().user
    start = threading.Barrier(12)
    refused, errors = [], []

    def post(number):
        try:
            start.wait()
            conversations.start_or_send(sender, recipient, f"Hello {number}")
        except conversations.ConversationRefused:
            refused.append(number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(number,)) for number in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Message.objects.filter(sender=sender).count() == 5
    assert len(refused) == 7
