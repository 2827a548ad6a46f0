"""Staff publish or decline proposed events; members propose, edit and cancel their own;
a member's data download and account deletion cover their replies."""

import pytest
from django.core import mail
from django.urls import reverse

from members.models import Event, EventReply, EventState, ReplyStatus
from members.services import member_data
from members.services.events import rsvp
from tests.members.factories import EventFactory, ProfileFactory

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def test_a_member_proposes_an_event_that_stays_hidden_until_staff_publish_it(
    client, approved_member, staff
):
    client.force_login(approved_member)
    response = client.post(
        reverse("members:propose_event"),
        {
            "title": "Tenants' rights evening",
            "description": "Know your rights as a renter.",
            "starts_at": "2030-03-01T18:00",
            "ends_at": "2030-03-01T20:00",
            "format": "in-person",
            "venue": "Elm Street Library, 5 Example Road",
            "area": "london-lambeth",
            "capacity": "30",
            "audience": "public",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.state == EventState.PROPOSED and event.organiser == approved_member
    client.logout()
    assert client.get(reverse("events:detail", args=[event.public_id])).status_code == 404
    assert [message.to for message in mail.outbox] == [[staff.email]]  # the staff alert
    mail.outbox.clear()

    client.force_login(staff)
    listing = client.get(reverse("members_admin:proposed_events"))
    assert "Tenants&#x27; rights evening" in listing.text
    client.post(reverse("members_admin:decide_event", args=[event.pk]), {"decision": "publish"})
    event.refresh_from_db()
    assert event.state == EventState.PUBLISHED
    (message,) = mail.outbox
    assert message.to == [approved_member.email] and "published" in message.subject
    client.logout()
    assert client.get(reverse("events:detail", args=[event.public_id])).status_code == 200


def test_staff_decline_with_a_reason_the_organiser_reads(client, approved_member, staff):
    event = EventFactory(state=EventState.PROPOSED, organiser=approved_member)
    client.force_login(staff)
    client.post(
        reverse("members_admin:decide_event", args=[event.pk]),
        {"decision": "decline", "reason": "Please add an accessible venue."},
    )
    event.refresh_from_db()
    assert event.state == EventState.DECLINED
    assert "Please add an accessible venue." in mail.outbox[0].body


def test_only_member_staff_decide_on_events(client, approved_member):
    event = EventFactory(state=EventState.PROPOSED)
    client.force_login(approved_member)
    response = client.post(
        reverse("members_admin:decide_event", args=[event.pk]), {"decision": "publish"}
    )
    assert response.status_code in (302, 403)
    event.refresh_from_db()
    assert event.state == EventState.PROPOSED


def test_organisers_cancel_their_event_and_everyone_who_replied_is_emailed(client, approved_member):
    event = EventFactory(organiser=approved_member)
    guest = ProfileFactory().user
    rsvp.reserve_place(event, guest)
    mail.outbox.clear()
    client.force_login(approved_member)
    client.post(reverse("members:cancel_event", args=[event.public_id]))
    event.refresh_from_db()
    assert event.state == EventState.CANCELLED
    assert [m.to for m in mail.outbox] == [[guest.email]]


def test_organisers_see_names_but_not_emails_of_attendees(client, approved_member):
    event = EventFactory(organiser=approved_member)
    guest = ProfileFactory(display_name="Guest Person").user
    EventReply.objects.create(event=event, user=guest, status=ReplyStatus.CONFIRMED)
    client.force_login(approved_member)
    page = client.get(reverse("members:attendees", args=[event.public_id]))
    assert "Guest Person" in page.text and guest.email not in page.text
    csv = client.get(reverse("members:attendees", args=[event.public_id]), {"format": "csv"})
    assert "Guest Person" in csv.content.decode()


def test_other_members_cannot_manage_someone_elses_event(client, approved_member, another_member):
    event = EventFactory(organiser=approved_member)
    client.force_login(another_member)
    assert client.get(reverse("members:attendees", args=[event.public_id])).status_code == 404
    client.post(reverse("members:cancel_event", args=[event.public_id]))
    event.refresh_from_db()
    assert event.state == EventState.PUBLISHED


@pytest.mark.django_db
def test_data_export_lists_replies_and_deletion_removes_them(approved_member, another_member):
    event = EventFactory(title="Spring gathering", capacity=1)
    rsvp.reserve_place(event, approved_member)
    rsvp.reserve_place(event, another_member)
    data = member_data.export_member_data(approved_member)
    assert data["event_replies"][0]["event"] == "Spring gathering"
    assert data["event_replies"][0]["status"] == "confirmed"
    member_data.delete_member(approved_member)
    assert not EventReply.objects.filter(user_id=approved_member.pk).exists()
    # The freed place went to the next person on the waitlist.
    assert EventReply.objects.get(user=another_member).status == ReplyStatus.CONFIRMED


def test_the_events_admin_lists_and_edits_events(client, home_page):
    from tests.members.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    event = EventFactory(title="Winter social")
    client.force_login(admin)
    assert "Winter social" in client.get(reverse("member_events:index")).text
    assert client.get(reverse("member_events:edit", args=[event.pk])).status_code == 200
