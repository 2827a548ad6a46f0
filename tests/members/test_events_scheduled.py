"""The weekly digest and the day-before reminder are each sent once, however often the
commands run."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from members.models import DigestSent, EventFormat, EventReply, ReminderSent, ReplyStatus
from tests.members.factories import EventFactory, ProfileFactory

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")

JOIN = "https://meet.example.org/reminder-room"


def test_the_digest_goes_once_a_week_to_members_who_opted_in_with_events_near_them(
    home_page, committed
):
    now = timezone.now()
    EventFactory(title="Hackney litter pick", area="london-hackney", published_at=now)
    EventFactory(title="Glasgow ceilidh", area="scotland", published_at=now)
    EventFactory(
        title="Online workshop",
        format=EventFormat.ONLINE,
        venue="",
        area="",
        joining_link=JOIN,
        published_at=now,
    )
    keen = ProfileFactory(home_area="london-hackney", events_digest=True).user
    ProfileFactory(home_area="london-hackney")  # did not opt in
    ProfileFactory(home_area="london-hackney", events_digest=True, status="pending")

    committed(call_command, "send_digest")
    committed(call_command, "send_digest")

    (message,) = mail.outbox
    assert message.to == [keen.email]
    assert "Hackney litter pick" in message.body and "Online workshop" in message.body
    assert "Glasgow ceilidh" not in message.body
    assert JOIN not in message.body  # a digest is not a place
    assert DigestSent.objects.count() == 1


def test_reminders_go_a_day_before_once_per_place_with_the_event_attached(home_page, committed):
    soon = timezone.now() + timedelta(hours=20)
    event = EventFactory(
        starts_at=soon,
        ends_at=soon + timedelta(hours=1),
        format=EventFormat.HYBRID,
        joining_link=JOIN,
    )
    later = EventFactory()  # a week away: not yet
    holder, waiting = ProfileFactory().user, ProfileFactory().user
    EventReply.objects.create(event=event, user=holder, status=ReplyStatus.CONFIRMED)
    EventReply.objects.create(event=event, user=waiting, status=ReplyStatus.WAITLISTED)
    EventReply.objects.create(event=later, user=holder, status=ReplyStatus.CONFIRMED)

    committed(call_command, "send_reminders")
    committed(call_command, "send_reminders")

    (message,) = mail.outbox
    assert message.to == [holder.email]
    assert JOIN in message.body
    assert message.attachments[0][0] == "event.ics"
    assert ReminderSent.objects.count() == 1
