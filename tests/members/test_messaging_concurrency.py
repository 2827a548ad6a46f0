"""The hourly message limit holds when a member posts many messages at the same moment
(PostgreSQL row locks; SQLite serialises every write anyway)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from members.models import MemberMessage
from tests.members.factories import ProfileFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrent row locking is tested on PostgreSQL only; set DATABASE_URL to one.",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twelve_simultaneous_messages_against_a_limit_of_five_store_five(home_page, settings):
    settings.MEMBER_MESSAGES_PER_HOUR = 5
    sender = ProfileFactory().user
    recipient = ProfileFactory()
    url = reverse("members:message", args=[recipient.public_id])
    clients = []
    for _number in range(12):
        client = Client()
        client.force_login(sender)
        clients.append(client)
    start = threading.Barrier(len(clients))
    statuses, errors = [], []

    def post(client, number):
        try:
            start.wait()
            statuses.append(client.post(url, {"body": f"Hello {number}"}).status_code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post, args=(client, number))
        for number, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert all(status < 500 for status in statuses), statuses
    assert MemberMessage.objects.filter(sender=sender).count() == 5
