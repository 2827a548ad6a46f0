"""A member finds an event near them, takes a place, saves it, and gives it up."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.browser.steps import sign_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def an_open_event_near(profile):
    from django.utils import timezone

    from home.areas import local_areas
    from members.models import Event, EventState

    return (
        Event.objects.filter(
            state=EventState.PUBLISHED,
            area__in=local_areas(profile.home_area),
            starts_at__gt=timezone.now(),
        )
        .exclude(capacity__isnull=False, capacity__lte=0)
        .order_by("starts_at")
        .first()
    )


def test_member_takes_a_place_at_an_event_near_them_and_gives_it_up(phone, demo_site):
    from members.models import EventReply, Profile, ReplyStatus

    profile = Profile.objects.select_related("user").get(user__email="member@example.org")
    event = an_open_event_near(profile)
    assert event is not None, "the demo has an event near the demo member"
    event.replies.filter(user=profile.user).delete()

    sign_in(phone, demo_site.url, "member@example.org")
    phone.goto(demo_site.url + "/en/events/")
    phone.get_by_label(re.compile("Near me")).check()
    phone.get_by_role("button", name="Show events").click()
    phone.get_by_role("link", name=event.title).first.click()
    assert phone.get_by_role("heading", level=1).inner_text() == event.title

    button = phone.get_by_role("button", name=re.compile("Take a place|Join the waitlist"))
    with phone.expect_navigation():
        button.click()
    reply = EventReply.objects.get(event=event, user=profile.user)
    assert reply.status in {ReplyStatus.CONFIRMED, ReplyStatus.WAITLISTED}

    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Add to calendar (.ics)").click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [event.title]

    with phone.expect_navigation():
        phone.get_by_role("button", name=re.compile("Give up my place|Leave the waitlist")).click()
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.CANCELLED


def test_keyboard_only_member_takes_a_place_with_focus_always_visible(desktop, demo_site):
    from members.models import EventReply, Profile, ReplyStatus

    profile = Profile.objects.select_related("user").get(user__email="member@example.org")
    event = an_open_event_near(profile)
    event.replies.filter(user=profile.user).delete()
    sign_in(desktop, demo_site.url, "member@example.org")
    # From the list of events to the event, then to its reply button: Tab and Enter only.
    desktop.goto(demo_site.url + "/en/events/")
    unmarked = []
    link = tab_to(
        desktop, f"el => el.tagName === 'A' && el.innerText.trim() === {event.title!r}", unmarked
    )
    assert link.evaluate("el => el.getBoundingClientRect().height > 0")
    with desktop.expect_navigation():
        desktop.keyboard.press("Enter")
    assert desktop.get_by_role("heading", level=1).inner_text() == event.title
    tab_to(
        desktop,
        "el => el.tagName === 'BUTTON' && /Take a place|Join the waitlist/.test(el.innerText)",
        unmarked,
    )
    with desktop.expect_navigation():
        desktop.keyboard.press("Enter")
    desktop.wait_for_load_state()
    assert unmarked == [], "elements received focus without a visible indicator"
    reply = EventReply.objects.get(event=event, user=profile.user)
    assert reply.status in {ReplyStatus.CONFIRMED, ReplyStatus.WAITLISTED}
    # The page says so, and offers the way back out, also reachable by keyboard.
    tab_to(
        desktop,
        "el => el.tagName === 'BUTTON' && /Give up my place|Leave the waitlist/.test(el.innerText)",
        unmarked,
    )
    assert unmarked == []
