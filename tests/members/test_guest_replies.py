"""Replies from people without an account to public events: double opt-in, the same
capacity and waitlist as members, a cancel link in every email, first names only for
the organiser, and nothing kept longer than needed."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from members.models import EventAudience, EventGuest, EventReply, EventState, ReplyStatus
from members.services.events import guests, rsvp
from tests.members.factories import EventFactory, ProfileFactory, StaffFactory

pytestmark = pytest.mark.usefixtures("deliver_emails")

GUEST = {"name": "Amina  Khan", "email": "amina.khan@example.org"}


def link_in(message, kind: str) -> str:
    """The path of the confirm or cancel link in an email."""
    match = re.search(
        rf"https?://[^/\s\"<]+(/[a-z-]+/events/[0-9a-f-]+/{kind}/[^/\s\"<]+/)", message.body
    )
    assert match, f"no {kind} link in {message.subject!r}"
    return match.group(1)


def reply_as_guest(client, event, data=GUEST, language="en"):
    with translation.override(language):
        url = reverse("events:guest_reply", args=[event.public_id])
    return client.post(url, data)


def confirm(client, event, data=GUEST):
    mail.outbox.clear()
    assert reply_as_guest(client, event, data).status_code == 302
    (message,) = mail.outbox
    assert client.post(link_in(message, "confirm")).status_code == 200
    return EventGuest.objects.select_related("reply").get(email=data["email"])


def test_a_guest_reply_holds_nothing_until_the_emailed_link_is_confirmed(client, home_page):
    event = EventFactory(title="Riverside litter pick", capacity=5)
    page = client.get(reverse("events:detail", args=[event.public_id])).text
    assert "Reply without an account" in page and 'name="email"' in page

    response = reply_as_guest(client, event)
    assert response.status_code == 302
    guest = EventGuest.objects.get()
    assert guest.name == "Amina Khan" and guest.reply.status == ReplyStatus.PENDING
    assert rsvp.places_taken(event) == 0
    # No account is made, and the token is stored only as a hash.
    assert not guest.reply.user_id
    (message,) = mail.outbox
    assert message.to == ["amina.khan@example.org"]
    assert "Riverside litter pick" in message.subject
    confirm_path = link_in(message, "confirm")
    token = confirm_path.rstrip("/").rsplit("/", 1)[1]
    assert token not in guest.token_hash and guest.token_hash
    assert link_in(message, "cancel")
    assert any(name.endswith(".ics") for name, _content, _type in message.attachments)

    # Opening the link (as a mail scanner would) shows a button and changes nothing.
    opened = client.get(confirm_path)
    assert opened.status_code == 200 and "Confirm my reply" in opened.text
    assert EventReply.objects.get().status == ReplyStatus.PENDING

    mail.outbox.clear()
    confirmed = client.post(confirm_path)
    assert "you have a place" in confirmed.text
    assert EventReply.objects.get().status == ReplyStatus.CONFIRMED
    assert rsvp.places_taken(event) == 1
    (place,) = mail.outbox
    assert "Your place at Riverside litter pick" in place.subject
    assert link_in(place, "cancel")
    assert any(name.endswith(".ics") for name, _content, _type in place.attachments)
    # Confirming twice changes nothing and sends nothing.
    mail.outbox.clear()
    assert client.post(confirm_path).status_code == 200
    assert rsvp.places_taken(event) == 1 and mail.outbox == []


def test_members_only_events_stay_members_only(client, home_page):
    event = EventFactory(audience=EventAudience.MEMBERS)
    assert client.get(reverse("events:detail", args=[event.public_id])).status_code == 404
    assert reply_as_guest(client, event).status_code == 404
    assert not EventReply.objects.exists() and mail.outbox == []


def test_signed_in_members_get_no_guest_form(client, home_page):
    event = EventFactory()
    client.force_login(ProfileFactory().user)
    page = client.get(reverse("events:detail", args=[event.public_id])).text
    assert "Reply without an account" not in page


def test_confirmed_guests_take_places_and_wait_in_line_like_members(client, home_page, committed):
    event = EventFactory(capacity=1)
    member, waiting_member = ProfileFactory().user, ProfileFactory().user
    # An unconfirmed guest holds no place: the member still gets it.
    reply_as_guest(client, event, {"name": "Early Bird", "email": "early@example.org"})
    assert committed(rsvp.reserve_place, event, member).reply.status == ReplyStatus.CONFIRMED

    guest = confirm(client, event)
    assert guest.reply.status == ReplyStatus.WAITLISTED
    assert committed(rsvp.reserve_place, event, waiting_member).reply.status == (
        ReplyStatus.WAITLISTED
    )

    # The member gives up: the guest was first in line and gets the place, by email.
    mail.outbox.clear()
    committed(rsvp.give_up_place, event, member)
    guest.reply.refresh_from_db()
    assert guest.reply.status == ReplyStatus.CONFIRMED
    promoted = next(m for m in mail.outbox if m.to == [GUEST["email"]])
    assert "freed up" in promoted.subject and link_in(promoted, "cancel")

    # The guest cancels from that email: the place goes to the waiting member, and the
    # guest's name and address are gone.
    mail.outbox.clear()
    cancel_path = link_in(promoted, "cancel")
    assert "Cancel my reply" in client.get(cancel_path).text
    assert "deleted your name" in client.post(cancel_path).text
    assert not EventGuest.objects.filter(email=GUEST["email"]).exists()
    assert EventReply.objects.get(user=waiting_member).status == ReplyStatus.CONFIRMED
    assert {tuple(m.to) for m in mail.outbox} == {(GUEST["email"],), (waiting_member.email,)}
    assert client.get(cancel_path).status_code == 404


def test_the_guest_is_emailed_in_the_language_they_replied_in(client, home_page):
    event = EventFactory()
    reply_as_guest(client, event, language="pl")
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "pl"
    assert "/pl/events/" in link_in(message, "confirm")
    assert EventGuest.objects.get().language == "pl"


def test_bad_input_is_refused_on_the_field_and_nothing_is_saved(client, home_page):
    event = EventFactory()
    response = reply_as_guest(client, event, {"name": " ", "email": "not an address"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.text
    assert "form-field--error" in response.text
    assert not EventReply.objects.exists() and mail.outbox == []


def test_a_robot_filling_the_honeypot_is_thanked_and_nothing_is_kept(client, home_page):
    event = EventFactory()
    response = reply_as_guest(client, event, {**GUEST, "website": "https://spam.example.org"})
    assert response.status_code == 302
    assert not EventReply.objects.exists() and mail.outbox == []


def test_replies_from_one_address_are_rate_limited(client, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {"event_guest_reply": "3/h/key"}
    event = EventFactory()
    statuses = [reply_as_guest(client, event).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    # Replying again sends a fresh link but keeps one reply.
    assert EventGuest.objects.count() == 1 and len(mail.outbox) == 3


def test_an_unconfirmed_reply_expires(client, home_page):
    event = EventFactory()
    reply_as_guest(client, event)
    (message,) = mail.outbox
    EventReply.objects.update(replied_at=timezone.now() - timedelta(hours=49))
    assert client.get(link_in(message, "confirm")).status_code == 404
    assert client.post(link_in(message, "confirm")).status_code == 404
    call_command("purge_guest_replies")
    assert not EventReply.objects.exists() and not EventGuest.objects.exists()


def test_guest_replies_are_deleted_some_days_after_the_event(client, home_page):
    event = EventFactory()
    member = ProfileFactory().user
    EventReply.objects.create(event=event, user=member, status=ReplyStatus.CONFIRMED)
    confirm(client, event)
    assert guests.purge_guest_replies() == (0, 0)
    event.starts_at = timezone.now() - timedelta(days=32)
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    assert guests.purge_guest_replies() == (0, 1)
    assert not EventGuest.objects.exists()
    assert EventReply.objects.filter(user=member).exists()


def test_the_organiser_sees_first_names_and_a_count_staff_see_the_guests(client, home_page):
    organiser = ProfileFactory().user
    event = EventFactory(organiser=organiser)
    confirm(client, event)
    client.force_login(organiser)
    page = client.get(reverse("members:attendees", args=[event.public_id])).text
    assert "Amina (guest)" in page and "1 guest without an account replied" in page
    assert "Khan" not in page and GUEST["email"] not in page
    csv = client.get(reverse("members:attendees", args=[event.public_id]), {"format": "csv"})
    assert "Amina (guest)" in csv.content.decode() and GUEST["email"] not in csv.content.decode()
    client.force_login(StaffFactory())
    staff_page = client.get(reverse("members:attendees", args=[event.public_id])).text
    assert "Amina Khan (guest)" in staff_page and GUEST["email"] in staff_page


def test_message_guests_emails_each_confirmed_guest_without_showing_addresses(
    client, home_page, committed
):
    organiser = ProfileFactory(display_name="Rosa Organiser").user
    event = EventFactory(organiser=organiser, title="Park clean-up")
    confirm(client, event)
    confirm(client, event, {"name": "Tomasz Nowak", "email": "tomasz@example.org"})
    reply_as_guest(client, event, {"name": "Not Yet", "email": "pending@example.org"})
    mail.outbox.clear()

    sent = committed(guests.message_guests, event, organiser, "Bring gloves, please.")

    assert sent == 2
    assert sorted(tuple(m.to) for m in mail.outbox) == [
        ("amina.khan@example.org",),
        ("tomasz@example.org",),
    ]
    for message in mail.outbox:
        assert "Rosa Organiser" in message.body and "Bring gloves, please." in message.body
        assert "Park clean-up" in message.subject
        assert link_in(message, "cancel")
        assert not message.cc and not message.bcc
        assert organiser.email not in message.body
    assert committed(guests.message_guests, event, organiser, "   ") == 0


def test_cancelling_the_event_tells_the_guests(client, home_page, committed):
    event = EventFactory(title="Garden open day")
    confirm(client, event)
    mail.outbox.clear()
    committed(rsvp.cancel_event, event)
    (message,) = mail.outbox
    assert message.to == [GUEST["email"]] and "Cancelled: Garden open day" in message.subject


def test_a_cancelled_event_takes_no_guest_replies(client, home_page):
    event = EventFactory(state=EventState.CANCELLED)
    assert reply_as_guest(client, event).status_code == 404
    assert not EventReply.objects.exists()


def test_guest_pages_are_valid_html(client, home_page, w3c):
    event = EventFactory()
    assert w3c(client.get(reverse("events:detail", args=[event.public_id])).text) == []
    assert w3c(reply_as_guest(client, event, {"name": "", "email": "x"}).text) == []
    reply_as_guest(client, event)
    (message,) = mail.outbox
    assert w3c(client.get(link_in(message, "confirm")).text) == []
    assert w3c(client.post(link_in(message, "confirm")).text) == []


def test_the_event_page_asks_the_same_queries_with_one_or_twenty_guests(client, home_page):
    event = EventFactory(capacity=None)
    path = reverse("events:detail", args=[event.public_id])
    client.get(path)  # warm the site-root cache

    def add_guests(count):
        for index in range(count):
            reply = EventReply.objects.create(event=event, status=ReplyStatus.CONFIRMED)
            guest = EventGuest(reply=reply, name=f"Guest {index}", email=f"g{index}@example.org")
            guest.language = "en"
            guest.new_tokens()
            guest.save()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        return len(captured)

    add_guests(1)
    with_one = queries()
    add_guests(19)
    assert queries() == with_one
    assert "20 people coming" in client.get(path).text


def test_replying_again_after_confirming_keeps_the_place_and_its_cancel_link(client, home_page):
    event = EventFactory()
    confirm(client, event)
    place = mail.outbox[-1]
    mail.outbox.clear()
    assert reply_as_guest(client, event).status_code == 302
    (again,) = mail.outbox
    assert link_in(again, "cancel") == link_in(place, "cancel")
    assert EventReply.objects.get().status == ReplyStatus.CONFIRMED
    assert client.get(link_in(place, "cancel")).status_code == 200


def test_the_organisers_message_form_reaches_members_and_guests_alike(client, home_page):
    from members.models import Message

    organiser = ProfileFactory(display_name="Rosa Organiser").user
    event = EventFactory(organiser=organiser, title="Park clean-up")
    member = ProfileFactory().user
    event.replies.create(user=member, status=ReplyStatus.CONFIRMED)
    confirm(client, event)
    mail.outbox.clear()
    client.force_login(organiser)

    response = client.post(
        reverse("members:event_message", args=[event.public_id]),
        {"body": "We meet at the north gate."},
        follow=True,
    )

    assert "Your message was sent to 2 people." in response.text
    assert Message.objects.filter(body="We meet at the north gate.").count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, GUEST["email"]])
    (guest_email,) = [m for m in mail.outbox if m.to == [GUEST["email"]]]
    assert "We meet at the north gate." in guest_email.body
    assert organiser.email not in guest_email.body
