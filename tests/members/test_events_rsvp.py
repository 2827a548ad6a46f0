"""Replies to events: places, the waitlist, promotion and the emails that carry the
event as an .ics attachment."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from members.models import EventFormat, EventReply, EventState, ReplyStatus
from members.services.events import rsvp
from tests.members.factories import EventFactory, ProfileFactory

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")

JOIN = "https://meet.example.org/acn-secret-room"


def ics_of(message) -> Calendar:
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    return Calendar.from_ical(attachment[1])


def text_of(calendar: Calendar) -> str:
    return calendar.to_ical().decode()


@pytest.fixture
def online_event(home_page):
    return EventFactory(format=EventFormat.ONLINE, venue="", area="", joining_link=JOIN, capacity=1)


def test_a_reply_takes_a_place_and_emails_the_event_as_ics(home_page, committed):
    event = EventFactory()
    member = ProfileFactory().user
    outcome = committed(rsvp.reserve_place, event, member)
    assert outcome.reply.status == ReplyStatus.CONFIRMED
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert event.title in message.subject
    calendar = ics_of(message)
    (component,) = calendar.walk("VEVENT")
    assert str(component["summary"]) == event.title


def test_a_full_event_puts_the_next_reply_on_the_waitlist_and_promotes_it_when_a_place_frees(
    online_event,
    committed,
):
    first, second, third = (ProfileFactory().user for _ in range(3))
    assert committed(rsvp.reserve_place, online_event, first).reply.status == ReplyStatus.CONFIRMED
    assert (
        committed(rsvp.reserve_place, online_event, second).reply.status == ReplyStatus.WAITLISTED
    )
    assert committed(rsvp.reserve_place, online_event, third).reply.status == ReplyStatus.WAITLISTED
    confirmed_mail, waitlist_mail, _third_mail = mail.outbox
    assert JOIN in confirmed_mail.body and JOIN in text_of(ics_of(confirmed_mail))
    # The waitlisted person gets neither the link in the email nor in the .ics.
    assert JOIN not in waitlist_mail.body and JOIN not in text_of(ics_of(waitlist_mail))
    mail.outbox.clear()

    promoted = committed(rsvp.give_up_place, online_event, first)

    assert promoted.user == second
    statuses = dict(EventReply.objects.values_list("user_id", "status"))
    assert statuses == {
        first.pk: ReplyStatus.CANCELLED,
        second.pk: ReplyStatus.CONFIRMED,
        third.pk: ReplyStatus.WAITLISTED,
    }
    given_up, promotion = mail.outbox
    assert given_up.to == [first.email] and JOIN not in text_of(ics_of(given_up))
    assert promotion.to == [second.email]
    assert JOIN in promotion.body and JOIN in text_of(ics_of(promotion))


def test_replying_twice_keeps_one_reply_and_sends_one_email(home_page, committed):
    event = EventFactory()
    member = ProfileFactory().user
    committed(rsvp.reserve_place, event, member)
    assert committed(rsvp.reserve_place, event, member).changed is False
    assert EventReply.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_cancelled_event_takes_no_replies_and_emails_everyone_who_replied(home_page, committed):
    event = EventFactory(capacity=1)
    holder, waiting = ProfileFactory().user, ProfileFactory().user
    committed(rsvp.reserve_place, event, holder)
    committed(rsvp.reserve_place, event, waiting)
    mail.outbox.clear()
    committed(rsvp.cancel_event, event)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([holder.email, waiting.email])
    for message in mail.outbox:
        assert "CANCEL" in text_of(ics_of(message))
    event.refresh_from_db()
    assert event.state == EventState.CANCELLED
    with pytest.raises(rsvp.ReplyRefused):
        rsvp.reserve_place(event, ProfileFactory().user)


def test_members_reply_through_the_event_page(client, home_page):
    event = EventFactory(capacity=1)
    member, other = ProfileFactory().user, ProfileFactory().user
    client.force_login(member)
    response = client.post(
        reverse("members:event_reply", args=[event.public_id]), {"show_name": "on"}
    )
    assert response.status_code == 302
    client.force_login(other)
    client.post(reverse("members:event_reply", args=[event.public_id]))
    assert EventReply.objects.get(user=other).status == ReplyStatus.WAITLISTED
    page = client.get(reverse("events:detail", args=[event.public_id]))
    assert "You are on the waitlist" in page.text
    assert member.profile.display_name in page.text  # chose to be shown
    client.post(reverse("members:event_give_up", args=[event.public_id]))
    assert EventReply.objects.get(user=other).status == ReplyStatus.CANCELLED


def test_links_in_event_emails_lead_to_the_page_in_the_members_language(home_page, committed):
    event = EventFactory()
    member = ProfileFactory(preferred_language="zh-hant").user
    committed(rsvp.reserve_place, event, member)
    assert f"/zh-hant/events/{event.public_id}/" in mail.outbox[0].body
