"""Event dates are bounded where they are typed, and the calendar feeds keep working
for everyone if a row outside the bounds is already stored.

The issue's case: an organiser's event starting in year 9999 made the public feed,
the event's .ics and every attendee's personal feed answer 500.
"""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from members.models import Event, EventCalendar, EventReply, ReplyStatus
from tests.members.factories import EventFactory

OUT_OF_RANGE = "Enter a date between the years 1900 and 2100."

PROPOSAL = {
    "title": "Tenants' meeting",
    "description": "Bring a friend.",
    "starts_at": "2030-05-01T18:00",
    "ends_at": "2030-05-01T20:00",
    "format": "in-person",
    "venue": "Library",
    "area": "london-hackney",
    "capacity": "20",
    "audience": "members",
}


@pytest.mark.parametrize(
    ("starts", "ends"),
    [("9999-12-31T18:00", "9999-12-31T20:00"), ("0001-01-01T18:00", "0001-01-01T20:00")],
    ids=["year-9999", "year-1"],
)
def test_an_event_at_the_ends_of_time_is_refused_on_the_field(
    client, approved_member, starts, ends
):
    client.force_login(approved_member)
    response = client.post(
        reverse("members:propose_event"), {**PROPOSAL, "starts_at": starts, "ends_at": ends}
    )
    assert response.status_code == 200
    assert OUT_OF_RANGE in response.context["form"].errors["starts_at"]
    assert OUT_OF_RANGE in response.content.decode()
    assert not Event.objects.exists()


def test_a_sensible_event_is_still_accepted(client, approved_member):
    client.force_login(approved_member)
    response = client.post(reverse("members:propose_event"), PROPOSAL)
    assert response.status_code == 302
    assert Event.objects.count() == 1


@pytest.mark.parametrize(
    "starts_at",
    [datetime(9999, 12, 31, 10, tzinfo=UTC), datetime(1, 1, 2, 10, tzinfo=UTC)],
    ids=["year-9999", "year-1"],
)
def test_a_stored_event_at_the_ends_of_time_breaks_no_feed(client, another_member, starts_at):
    """Rows saved before the bound (or by a script) are left out of the feeds."""
    normal = EventFactory(title="A normal meeting")
    stray = EventFactory(
        title="From the ends of time", starts_at=starts_at, ends_at=starts_at.replace(hour=12)
    )
    for event in (normal, stray):
        EventReply.objects.create(event=event, user=another_member, status=ReplyStatus.CONFIRMED)
    token = EventCalendar.objects.create(user=another_member).token

    public = client.get(reverse("events:feed"))
    personal = client.get(reverse("members:event_feed", args=[token]))
    for response in (public, personal):
        assert response.status_code == 200
        assert b"A normal meeting" in response.content
        assert b"From the ends of time" not in response.content
    one = client.get(reverse("events:ics", args=[stray.public_id]))
    assert one.status_code < 500
    assert client.get(reverse("events:ics", args=[normal.public_id])).status_code == 200
