"""People who never chose to be visible stay hidden in the corners of the site (issue 15
§5): mentor suggestions and the offer form, event attendee lists after a block, and a
personal calendar feed once its owner has gone."""

import pytest
from django.urls import reverse

from members.models import (
    Block,
    EventAudience,
    EventCalendar,
    EventReply,
    MembershipStatus,
    ReplyStatus,
    Visibility,
)
from tests.members.factories import EventFactory, ProfileFactory, offer_mentoring, wish_for_mentor

# Mentoring ----------------------------------------------------------------------------


def test_a_hidden_profile_is_not_suggested_or_askable_as_a_mentor(client, approved_member):
    wish_for_mentor(approved_member)
    shown = ProfileFactory(display_name="Shown Mentor").user
    hidden = ProfileFactory(display_name="Hidden Mentor", visibility=Visibility.STAFF).user
    offer_mentoring(shown)
    offer_mentoring(hidden)
    client.force_login(approved_member)
    page = client.get(reverse("members:find_mentor"))
    assert "Shown Mentor" in page.text
    assert "Hidden Mentor" not in page.text
    ask = reverse("members:request_mentor", args=[hidden.profile.public_id])
    assert client.get(ask).status_code == 404
    assert client.post(ask, {"message": "Please"}).status_code == 404


@pytest.mark.parametrize(
    ("area_visibility", "copied"),
    [(Visibility.STAFF, False), (Visibility.MEMBERS, True)],
)
def test_the_offer_form_copies_the_home_area_only_when_members_may_see_it(
    client, home_page, area_visibility, copied
):
    user = ProfileFactory(home_area="london-hackney", home_area_visibility=area_visibility).user
    client.force_login(user)
    page = client.get(reverse("members:mentoring_offer"))
    selected = '<option value="london-hackney" selected>' in page.text
    assert selected is copied


def test_the_offer_form_does_not_copy_the_area_of_a_hidden_profile(client, home_page):
    user = ProfileFactory(
        home_area="london-hackney",
        home_area_visibility=Visibility.MEMBERS,
        visibility=Visibility.STAFF,
    ).user
    client.force_login(user)
    page = client.get(reverse("members:mentoring_offer"))
    assert '<option value="london-hackney" selected>' not in page.text


# Event attendee lists -----------------------------------------------------------------


@pytest.fixture
def blocked_pair(home_page):
    blocker = ProfileFactory(display_name="Blocker Person").user
    blocked = ProfileFactory(display_name="Blocked Person").user
    Block.objects.create(blocker=blocker, blocked=blocked)
    return blocker, blocked


@pytest.mark.parametrize("viewer_is_blocker", [True, False])
def test_a_block_hides_each_from_the_other_among_named_attendees(
    client, blocked_pair, viewer_is_blocker
):
    blocker, blocked = blocked_pair
    viewer, other = (blocker, blocked) if viewer_is_blocker else (blocked, blocker)
    event = EventFactory(organiser=ProfileFactory().user, audience=EventAudience.MEMBERS)
    EventReply.objects.create(event=event, user=other, status=ReplyStatus.CONFIRMED, show_name=True)
    bystander = ProfileFactory(display_name="Bystander Person").user
    EventReply.objects.create(
        event=event, user=bystander, status=ReplyStatus.CONFIRMED, show_name=True
    )
    client.force_login(viewer)
    page = client.get(reverse("events:detail", args=[event.public_id]))
    assert "Bystander Person" in page.text
    assert other.profile.display_name not in page.text


@pytest.mark.parametrize("organiser_is_blocker", [True, False])
def test_a_block_hides_each_from_the_other_in_the_organisers_list(
    client, blocked_pair, organiser_is_blocker
):
    blocker, blocked = blocked_pair
    organiser, guest = (blocker, blocked) if organiser_is_blocker else (blocked, blocker)
    event = EventFactory(organiser=organiser)
    EventReply.objects.create(event=event, user=guest, status=ReplyStatus.CONFIRMED)
    client.force_login(organiser)
    url = reverse("members:attendees", args=[event.public_id])
    assert guest.profile.display_name not in client.get(url).text
    assert guest.profile.display_name not in client.get(url, {"format": "csv"}).content.decode()


# Personal calendar feeds --------------------------------------------------------------


@pytest.fixture
def feed_owner(home_page):
    owner = ProfileFactory().user
    event = EventFactory(title="Members' planning night")
    EventReply.objects.create(event=event, user=owner, status=ReplyStatus.CONFIRMED)
    calendar_row = EventCalendar.objects.create(user=owner)
    return owner, reverse("members:event_feed", args=[calendar_row.token])


def test_a_personal_feed_serves_its_approved_owner(client, feed_owner):
    _owner, url = feed_owner
    response = client.get(url)
    assert response.status_code == 200
    assert "Members' planning night" in response.content.decode()


def test_a_personal_feed_stops_once_its_owner_is_deactivated(client, feed_owner):
    owner, url = feed_owner
    type(owner).objects.filter(pk=owner.pk).update(is_active=False)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("status", [MembershipStatus.PENDING, MembershipStatus.DECLINED])
def test_a_personal_feed_stops_once_its_owner_is_no_longer_approved(client, feed_owner, status):
    owner, url = feed_owner
    owner.profile.status = status
    owner.profile.save()
    response = client.get(url)
    assert response.status_code == 404
    assert "planning night" not in response.content.decode()
