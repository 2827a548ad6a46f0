"""An organiser's edit of a published event goes back to staff for review; the people
who replied are told of a new time, place or joining link; a higher capacity gives
places to the waitlist, in order, before anyone new.

The issue's case: an organiser swapped the joining link of a published online event
for another address, and every attendee saw the new link at once, unreviewed.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Event, EventFormat, EventReply, EventState, ReplyStatus
from members.services.events import rsvp
from tests.members.factories import EventFactory, ProfileFactory

pytestmark = pytest.mark.usefixtures("deliver_emails")

JOIN = "https://meet.example.org/acn-reviewed-room"
NEW_JOIN = "https://meet.example.org/not-yet-reviewed"


def form_data(event: Event, **changes):
    local = timezone.localtime
    data = {
        "title": event.title,
        "description": event.description,
        "starts_at": local(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": local(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
        "format": event.format,
        "venue": event.venue,
        "area": event.area,
        "joining_link": event.joining_link,
        "capacity": event.capacity or "",
        "audience": event.audience,
    }
    data.update(changes)
    return data


@pytest.fixture
def online_event(approved_member):
    starts = (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    event = EventFactory(
        organiser=approved_member,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        format=EventFormat.ONLINE,
        venue="",
        area="",
        joining_link=JOIN,
        capacity=5,
    )
    return event


@pytest.fixture
def attendee(online_event):
    user = ProfileFactory().user
    EventReply.objects.create(event=online_event, user=user, status=ReplyStatus.CONFIRMED)
    return user


def test_an_organisers_new_joining_link_is_never_shown_before_review(
    client, approved_member, staff, online_event, attendee
):
    client.force_login(approved_member)
    response = client.post(
        reverse("members:edit_event", args=[online_event.public_id]),
        form_data(online_event, joining_link=NEW_JOIN),
    )
    assert response.status_code == 302
    online_event.refresh_from_db()
    assert online_event.state == EventState.PROPOSED
    # Only staff hear, asked to review it: no attendee before staff looked at it.
    assert [message.to for message in mail.outbox] == [[staff.email]]

    client.force_login(attendee)
    page = client.get(reverse("events:detail", args=[online_event.public_id]))
    assert NEW_JOIN not in page.text
    ics = client.get(reverse("events:ics", args=[online_event.public_id]))
    assert NEW_JOIN.encode() not in ics.content
    feed_token = client.get(reverse("members:my_events")).context["feed_url"].rsplit("/", 1)[1]
    feed = client.get(reverse("members:event_feed", args=[feed_token.removesuffix(".ics")]))
    assert NEW_JOIN.encode() not in feed.content

    client.force_login(staff)
    listing = client.get(reverse("members_admin:proposed_events"))
    assert online_event.title in listing.text
    client.post(
        reverse("members_admin:decide_event", args=[online_event.pk]), {"decision": "publish"}
    )
    online_event.refresh_from_db()
    assert online_event.state == EventState.PUBLISHED
    told = [message for message in mail.outbox if message.to == [attendee.email]]
    assert len(told) == 1
    assert "Changed" in told[0].subject
    assert "The joining link has changed." in told[0].body
    assert NEW_JOIN in told[0].body


def test_attendees_are_told_of_a_new_time_once_staff_publish_it(
    client, approved_member, staff, online_event, attendee
):
    waiting = ProfileFactory().user
    online_event.capacity = 1
    online_event.save()
    EventReply.objects.create(event=online_event, user=waiting, status=ReplyStatus.WAITLISTED)
    later = online_event.starts_at + timedelta(days=1)
    client.force_login(approved_member)
    client.post(
        reverse("members:edit_event", args=[online_event.public_id]),
        form_data(
            online_event,
            starts_at=timezone.localtime(later).strftime("%Y-%m-%dT%H:%M"),
            ends_at=timezone.localtime(later + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            capacity="1",
        ),
    )
    client.force_login(staff)
    client.post(
        reverse("members_admin:decide_event", args=[online_event.pk]), {"decision": "publish"}
    )
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "The time has changed." in by_address[attendee.email].body
    assert JOIN in by_address[attendee.email].body
    # The waitlist hears of the change too, without the joining link.
    assert "The time has changed." in by_address[waiting.email].body
    assert JOIN not in by_address[waiting.email].body


def test_an_edit_that_changes_nothing_people_rely_on_still_goes_to_review(
    client, approved_member, online_event, attendee
):
    client.force_login(approved_member)
    client.post(
        reverse("members:edit_event", args=[online_event.public_id]),
        form_data(online_event, description="Now with a reading list."),
    )
    online_event.refresh_from_db()
    assert online_event.state == EventState.PROPOSED
    assert online_event.changes_to_announce == []


def test_staff_editing_a_published_event_tell_attendees_at_once(
    client, staff, online_event, attendee
):
    client.force_login(staff)
    client.post(
        reverse("members:edit_event", args=[online_event.public_id]),
        form_data(online_event, joining_link=NEW_JOIN),
    )
    online_event.refresh_from_db()
    assert online_event.state == EventState.PUBLISHED
    (message,) = mail.outbox
    assert message.to == [attendee.email]
    assert NEW_JOIN in message.body


def test_raising_the_capacity_gives_places_to_the_waitlist_in_order(
    client, approved_member, staff, home_page, committed
):
    event = EventFactory(capacity=1, organiser=approved_member)
    first, second, third, newcomer = (ProfileFactory().user for _ in range(4))
    for user in (first, second, third):
        rsvp.reserve_place(event, user)
    mail.outbox.clear()

    event.capacity = 3
    event.save()
    # Before anyone notices the higher capacity, a newcomer replies: the waitlist
    # still comes first.
    outcome = committed(rsvp.reserve_place, event, newcomer)

    statuses = dict(EventReply.objects.values_list("user_id", "status"))
    assert statuses == {
        first.pk: ReplyStatus.CONFIRMED,
        second.pk: ReplyStatus.CONFIRMED,
        third.pk: ReplyStatus.CONFIRMED,
        newcomer.pk: ReplyStatus.WAITLISTED,
    }
    assert outcome.reply.status == ReplyStatus.WAITLISTED
    promoted_to = sorted(m.to[0] for m in mail.outbox if "you now have a place" in m.body)
    assert promoted_to == sorted([second.email, third.email])


def test_staff_raising_the_capacity_in_the_admin_promotes_the_waitlist(client, home_page):
    from tests.members.factories import UserFactory

    starts = (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    event = EventFactory(capacity=1, starts_at=starts, ends_at=starts + timedelta(hours=2))
    first, second = (ProfileFactory().user for _ in range(2))
    rsvp.reserve_place(event, first)
    rsvp.reserve_place(event, second)
    mail.outbox.clear()
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    edit = client.get(reverse("member_events:edit", args=[event.pk]))
    form = edit.context["form"]
    data = {
        name: value
        for name, value in (
            (field.html_name, field.value()) for field in form if field.value() is not None
        )
    }
    data.update(
        {
            "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends_at": timezone.localtime(event.ends_at).strftime("%Y-%m-%d %H:%M"),
            "capacity": "2",
            "topics": "",
            "skills": "",
        }
    )
    response = client.post(reverse("member_events:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert EventReply.objects.get(user=second).status == ReplyStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [[second.email]]
