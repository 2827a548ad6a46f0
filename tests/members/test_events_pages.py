"""The public event pages, the joining link's privacy, members-only events and feeds."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from members.models import EventAudience, EventFormat, EventReply, ReplyStatus
from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory
from tests.members.factories import EventFactory, ProfileFactory

JOIN = "https://meet.example.org/private-room-42"


def unfolded(ics: bytes) -> str:
    """iCalendar text with folded long lines joined again."""
    return ics.decode().replace("\r\n ", "")


@pytest.fixture
def online_event(home_page):
    return EventFactory(
        title="Online organising circle",
        format=EventFormat.HYBRID,
        joining_link=JOIN,
    )


def test_events_without_a_language_prefix_redirect_to_the_prefixed_list(client, home_page):
    response = client.get("/events/")
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("events:list"))


def test_the_joining_link_is_shown_only_to_people_with_a_place(client, online_event):
    holder, waiting, other = (ProfileFactory().user for _ in range(3))
    EventReply.objects.create(event=online_event, user=holder, status=ReplyStatus.CONFIRMED)
    EventReply.objects.create(event=online_event, user=waiting, status=ReplyStatus.WAITLISTED)
    page_url = reverse("events:detail", args=[online_event.public_id])
    ics_url = reverse("events:ics", args=[online_event.public_id])
    for viewer, sees in [(None, False), (other, False), (waiting, False), (holder, True)]:
        client.logout()
        if viewer:
            client.force_login(viewer)
        page = client.get(page_url)
        ics = client.get(ics_url)
        assert page.status_code == 200 and ics.status_code == 200
        assert (JOIN in page.text) is sees, viewer
        assert (JOIN in unfolded(ics.content)) is sees, viewer
    client.logout()
    feed = client.get(reverse("events:feed"))
    assert JOIN not in unfolded(feed.content)


def test_members_only_events_are_invisible_outside_the_membership(client, home_page):
    secret = EventFactory(title="Safe space meeting", audience=EventAudience.MEMBERS)
    EventFactory(title="Open day")
    pending = ProfileFactory(status="pending").user
    for viewer in [None, pending]:
        client.logout()
        if viewer:
            client.force_login(viewer)
        listing = client.get(reverse("events:list"))
        assert "Open day" in listing.text and "Safe space meeting" not in listing.text
        search = client.get(reverse("events:list"), {"q": "Safe space"})
        assert "Safe space meeting" not in search.text
        month = client.get(
            reverse("events:month"), {"month": f"{timezone.localtime(secret.starts_at):%Y-%m}"}
        )
        assert "Safe space meeting" not in month.text
        detail = client.get(reverse("events:detail", args=[secret.public_id]))
        assert detail.status_code == 404
        assert client.get(reverse("events:ics", args=[secret.public_id])).status_code == 404
    feed = client.get(reverse("events:feed")).content.decode()
    assert "Safe space meeting" not in feed and "Open day" in feed
    client.force_login(ProfileFactory().user)
    assert "Safe space meeting" in client.get(reverse("events:list")).text
    assert client.get(reverse("events:detail", args=[secret.public_id])).status_code == 200
    # Even a signed-in approved member's view never puts it in the public feed.
    assert "Safe space meeting" not in client.get(reverse("events:feed")).content.decode()


def test_near_me_shows_my_area_its_neighbours_and_online_events(client, home_page):
    EventFactory(title="In Hackney", area="london-hackney")
    EventFactory(title="In Islington next door", area="london-islington")
    EventFactory(title="London-wide", area="london")
    EventFactory(title="In Croydon far away", area="london-croydon")
    EventFactory(title="In Scotland", area="scotland")
    EventFactory(title="Online for all", format=EventFormat.ONLINE, area="", venue="")
    client.force_login(ProfileFactory(home_area="london-hackney").user)
    text = client.get(reverse("events:list"), {"near_me": "on"}).text
    for shown in ["In Hackney", "In Islington next door", "London-wide", "Online for all"]:
        assert shown in text
    for hidden in ["In Croydon far away", "In Scotland"]:
        assert hidden not in text


def test_filters_by_area_format_and_date_range(client, home_page):
    soon = timezone.now() + timedelta(days=2)
    EventFactory(
        title="Leeds soon",
        area="england-yorkshire",
        starts_at=soon,
        ends_at=soon + timedelta(hours=1),
    )
    later = timezone.now() + timedelta(days=60)
    EventFactory(
        title="Leeds later",
        area="england-yorkshire",
        starts_at=later,
        ends_at=later + timedelta(hours=1),
    )
    EventFactory(
        title="Cardiff soon", area="wales", starts_at=soon, ends_at=soon + timedelta(hours=1)
    )
    end = (timezone.localdate() + timedelta(days=10)).isoformat()
    text = client.get(
        reverse("events:list"),
        {"area": "england-yorkshire", "format": "in-person", "when": "range", "end": end},
    ).text
    assert "Leeds soon" in text
    assert "Leeds later" not in text and "Cardiff soon" not in text


def test_a_range_with_the_last_date_first_shows_the_error_on_the_field(client, home_page):
    today = timezone.localdate()
    response = client.get(
        reverse("events:list"),
        {
            "when": "range",
            "start": today.isoformat(),
            "end": (today - timedelta(days=3)).isoformat(),
        },
    )
    assert "The last date must be on or after the first." in response.text


def test_programme_sessions_are_listed_as_events_linking_to_their_programme(
    client, programme_index
):
    programme = ProgrammePageFactory(parent=programme_index, title="Leaders of Tomorrow")
    ProgrammeSessionFactory(page=programme, title="Public speaking workshop")
    response = client.get(reverse("events:list"))
    assert "Public speaking workshop" in response.text
    assert programme.url in response.text
    found = client.get(reverse("events:list"), {"programme": programme.pk, "q": "speaking"})
    assert "Public speaking workshop" in found.text


def test_the_month_calendar_is_an_accessible_table(client, home_page):
    event = EventFactory(title="Planning evening")
    month = f"{timezone.localtime(event.starts_at):%Y-%m}"
    text = client.get(reverse("events:month"), {"month": month}).text
    assert "<table" in text and "<caption>" in text and 'scope="col"' in text
    assert "Planning evening" in text
    assert text.count("<h1") == 1


def test_past_events_are_in_the_archive_not_the_list(client, home_page):
    past = timezone.now() - timedelta(days=10)
    EventFactory(title="Last month's picnic", starts_at=past, ends_at=past + timedelta(hours=2))
    assert "Last month&#x27;s picnic" not in client.get(reverse("events:list")).text
    assert "Last month&#x27;s picnic" in client.get(reverse("events:archive")).text


def test_feeds_parse_back_as_icalendar(client, online_event):
    member = ProfileFactory().user
    EventReply.objects.create(event=online_event, user=member, status=ReplyStatus.CONFIRMED)
    public = Calendar.from_ical(client.get(reverse("events:feed")).content)
    assert [str(e["summary"]) for e in public.walk("VEVENT")] == [online_event.title]
    (event_item,) = public.walk("VEVENT")
    assert event_item["dtstart"].dt.tzinfo is not None
    assert [str(zone["tzid"]) for zone in public.walk("VTIMEZONE")] == ["Europe/London"]
    client.force_login(member)
    client.get(reverse("members:my_events"))
    token = member.event_calendar.token
    client.logout()
    personal = client.get(reverse("members:event_feed", args=[token]))
    calendar = Calendar.from_ical(personal.content)
    (item,) = calendar.walk("VEVENT")
    assert JOIN in str(item["description"])


def test_resetting_the_personal_feed_retires_the_old_address(client, home_page):
    member = ProfileFactory().user
    client.force_login(member)
    client.get(reverse("members:my_events"))
    old = member.event_calendar.token
    client.post(reverse("members:reset_event_feed"))
    member.refresh_from_db()
    assert member.event_calendar.token != old
    assert client.get(reverse("members:event_feed", args=[old])).status_code == 404
    assert (
        client.get(reverse("members:event_feed", args=[member.event_calendar.token])).status_code
        == 200
    )


@pytest.mark.parametrize("count", [10, 2000])
def test_the_events_list_keeps_its_query_budget(
    client, home_page, django_assert_num_queries, count
):
    from members.models import Event

    start = timezone.now() + timedelta(days=1)
    Event.objects.bulk_create(
        EventFactory.build(
            title=f"Event {n}",
            starts_at=start + timedelta(hours=n),
            ends_at=start + timedelta(hours=n + 1),
        )
        for n in range(count)
    )
    client.get(reverse("events:list"))  # warm the site-root cache
    with django_assert_num_queries(QUERY_BUDGET["anonymous"]):
        assert client.get(reverse("events:list")).status_code == 200
    month = {"month": f"{timezone.localtime(start):%Y-%m}"}
    with django_assert_num_queries(QUERY_BUDGET["month"]):
        assert client.get(reverse("events:month"), month).status_code == 200
    with django_assert_num_queries(QUERY_BUDGET["archive"]):
        assert client.get(reverse("events:archive")).status_code == 200
    client.force_login(ProfileFactory(home_area="london-hackney").user)
    client.get(reverse("events:list"))
    with django_assert_num_queries(QUERY_BUDGET["member"]):
        client.get(reverse("events:list"), {"near_me": "on", "format": "in-person"})


# A member's list counts the header's unread messages too.
QUERY_BUDGET = {"anonymous": 5, "member": 11, "month": 2, "archive": 1}


def test_the_home_page_shows_the_next_events_near_the_member(client, home_page):
    EventFactory(title="Hackney meet-up", area="london-hackney")
    EventFactory(title="Aberdeen meet-up", area="scotland")
    EventFactory(title="Members' circle", audience=EventAudience.MEMBERS, area="london-hackney")
    anonymous = client.get(home_page.url).text
    assert "Hackney meet-up" in anonymous and "Aberdeen meet-up" in anonymous
    assert "Members&#x27; circle" not in anonymous
    member = ProfileFactory(home_area="london-hackney").user
    client.force_login(member)
    text = client.get(home_page.url).text
    assert "Next events near you" in text
    assert "Hackney meet-up" in text and "Members&#x27; circle" in text
    assert "Aberdeen meet-up" not in text
    dashboard = client.get(reverse("members:dashboard")).text
    assert "Hackney meet-up" in dashboard and "Aberdeen meet-up" not in dashboard
