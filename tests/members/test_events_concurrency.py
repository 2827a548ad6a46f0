"""Capacity holds when many members reply at the same moment (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection, connections

from members.models import EventReply, ReplyStatus
from members.services.events import rsvp
from tests.members.factories import EventFactory, ProfileFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrent row locking is tested on PostgreSQL only; set DATABASE_URL to one.",
)


# serialized_rollback, like every transactional test here: a flush without it recreates
# the content types with new ids on PostgreSQL, and the next serialized test then fails.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_replies_for_twenty_places_confirm_exactly_twenty(home_page):
    event = EventFactory(capacity=20)
    members = [ProfileFactory().user for _ in range(50)]
    start = threading.Barrier(len(members))
    errors = []

    def reply(member):
        try:
            start.wait()
            rsvp.reserve_place(event, member)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reply, args=(member,)) for member in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = list(EventReply.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(ReplyStatus.CONFIRMED) == 20
    assert statuses.count(ReplyStatus.WAITLISTED) == 30


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_guests_confirming_while_members_reply_never_pass_the_capacity(home_page):
    from members.models import EventGuest
    from members.services.events import guests

    event = EventFactory(capacity=20)
    members = [ProfileFactory().user for _ in range(20)]
    tokens = []
    for index in range(20):
        reply = EventReply.objects.create(event=event, status=ReplyStatus.PENDING)
        guest = EventGuest(reply=reply, name=f"Guest {index}", email=f"guest{index}@example.org")
        guest.language = "en"
        tokens.append(guest.new_tokens())
        guest.save()
    start = threading.Barrier(len(members) + len(tokens))
    errors = []

    def run(action, *args):
        try:
            start.wait()
            action(event, *args)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(rsvp.reserve_place, m)) for m in members]
    threads += [threading.Thread(target=run, args=(guests.confirm_place, t)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = list(EventReply.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(ReplyStatus.CONFIRMED) == 20
    assert statuses.count(ReplyStatus.WAITLISTED) == 20
    assert statuses.count(ReplyStatus.PENDING) == 0
