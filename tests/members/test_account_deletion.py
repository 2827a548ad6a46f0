"""Deleting an account (issue 15 §7): applications sent signed out from the same address
go with it and are in the data download first; events the person organised pass to
staff; the other member of a mentoring pair is told the pair ended, and not why."""

import json
from datetime import date, timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Event, EventState, MentoringMeeting, Mentorship
from members.services.mentoring import pairs as mentoring
from programmes.models import Application
from tests.factories import ProgrammePageFactory
from tests.members.factories import PASSWORD, EventFactory, mentoring_pair


def delete_account(client, user):
    client.force_login(user)
    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    client.logout()


def signed_out_application(programme, email, **fields):
    return Application.objects.create(
        programme=programme,
        name="Legal Name Of Applicant",
        email=email,
        phone="07700 900123",
        answers=[{"question": "Why?", "answer": "To speak up for my street."}],
        **fields,
    )


def test_applications_sent_signed_out_are_downloaded_and_deleted_with_the_account(
    client, approved_member, another_member, programme_index
):
    first = ProgrammePageFactory(parent=programme_index, slug="speak-up")
    second = ProgrammePageFactory(parent=programme_index, slug="lead-on")
    signed_out_application(first, approved_member.email.upper())
    Application.objects.create(
        programme=second, user=approved_member, name="Signed In", email=approved_member.email
    )
    someone_else = signed_out_application(first, another_member.email)
    # An address added to the account but never verified proves nothing.
    approved_member.emailaddress_set.create(email="unproven@example.org", verified=False)
    stranger = signed_out_application(second, "unproven@example.org")

    client.force_login(approved_member)
    data = json.loads(client.post(reverse("members:export_data")).content)
    exported = data["programme_applications"]
    assert sorted(item["programme"] for item in exported) == sorted([first.title, second.title])
    signed_out = next(item for item in exported if item["programme"] == first.title)
    assert signed_out["name"] == "Legal Name Of Applicant"
    assert signed_out["phone"] == "07700 900123"
    assert signed_out["answers"][0]["answer"] == "To speak up for my street."

    delete_account(client, approved_member)
    assert set(Application.objects.all()) == {someone_else, stranger}


def test_events_the_leaver_organised_pass_to_staff(client, approved_member, staff):
    coming = EventFactory(organiser=approved_member, title="Coming soon")
    proposed = EventFactory(organiser=approved_member, state=EventState.PROPOSED)
    held = EventFactory(
        organiser=approved_member,
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )
    public_url = reverse("events:detail", args=[coming.public_id])
    assert client.get(public_url).status_code == 200

    delete_account(client, approved_member)

    coming.refresh_from_db()
    proposed.refresh_from_db()
    held.refresh_from_db()
    # Not left public without an organiser: back in staff's queue, unpublished.
    assert (coming.state, coming.organiser) == (EventState.PROPOSED, None)
    assert (proposed.state, proposed.organiser) == (EventState.PROPOSED, None)
    assert client.get(public_url).status_code == 404
    # What was held stays part of the network's history, in staff's hands.
    assert (held.state, held.organiser) == (EventState.PUBLISHED, staff)
    assert not Event.objects.filter(state=EventState.PUBLISHED, organiser__isnull=True).exists()

    client.force_login(staff)
    assert "Coming soon" in client.get(reverse("members_admin:proposed_events")).text
    client.post(reverse("members_admin:decide_event", args=[coming.pk]), {"decision": "publish"})
    coming.refresh_from_db()
    assert (coming.state, coming.organiser) == (EventState.PUBLISHED, staff)


def test_the_other_member_of_a_pair_is_told_it_ended_without_the_reason(
    client, approved_member, another_member, django_capture_on_commit_callbacks
):
    pair = mentoring_pair(approved_member, another_member)
    mentoring.log_meeting(pair, another_member, date(2025, 3, 1), "Coffee with Approved Viewer")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, approved_member)

    [told] = [message for message in mail.outbox if message.to == [another_member.email]]
    assert told.subject == "Your mentoring pair has ended"
    text = told.subject + told.body
    for secret in ("Approved Viewer", approved_member.email, "delete", "account"):
        assert secret not in text
    assert not [message for message in mail.outbox if approved_member.email in message.to]
    pair.refresh_from_db()
    assert pair.status == "ended" and pair.mentor is None and pair.mentee == another_member
    assert MentoringMeeting.objects.get().note == ""

    # The partner's own mentoring page still works and names nobody.
    client.force_login(another_member)
    page = client.get(reverse("members:mentoring_pair", args=[pair.public_id]))
    assert page.status_code == 200 and "A former member" in page.text
    assert "Approved Viewer" not in client.get(reverse("members:mentoring")).text


def test_requests_never_confirmed_go_with_the_account(
    client, approved_member, another_member, django_capture_on_commit_callbacks
):
    mentoring_pair(another_member, approved_member, status="requested", message="Please")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, approved_member)
    assert not Mentorship.objects.exists()
    assert not [message for message in mail.outbox if message.to == [another_member.email]]


def test_a_place_at_an_event_already_held_stays_counted_without_the_leaver(
    client, approved_member, another_member, staff
):
    from members.models import EventReply
    from members.services.events import rsvp

    held = EventFactory(organiser=staff)
    coming = EventFactory(organiser=staff, capacity=1)
    for person in (approved_member, another_member):
        rsvp.reserve_place(held, person, show_name=True)
    rsvp.reserve_place(coming, approved_member)
    rsvp.reserve_place(coming, another_member)  # waitlisted
    Event.objects.filter(pk=held.pk).update(
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )

    delete_account(client, approved_member)

    assert rsvp.places_taken(held) == 2
    kept = EventReply.objects.get(event=held, user=None)
    assert kept.status == "confirmed" and not kept.show_name
    # The place at the coming event went to the waitlist.
    assert EventReply.objects.get(event=coming).user == another_member
    client.force_login(staff)
    attendees = client.get(reverse("members:attendees", args=[held.public_id]))
    assert attendees.status_code == 200 and "Another Member" in attendees.text
    listing = client.get(reverse("members:attendees", args=[held.public_id]) + "?format=csv")
    assert listing.status_code == 200 and listing.content.decode().count("\n") == 2
