"""Someone without an account replies to a public event, opens the confirmation link
from the email in the same browser and sees that their place is confirmed."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail

from tests.browser.conftest import PHONE, open_page

expect = pytest.importorskip("playwright.sync_api").expect

# Real commits here; the emails they queue are sent at once (tests/conftest.py).
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("immediate_tasks"),
]


@pytest.fixture
def event_site(live_server, home_page, settings):
    """A site with one public event, served where the browser can reach it."""
    from wagtail.models import Site

    from tests.members.factories import EventFactory

    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    host = urlparse(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=host.hostname, port=host.port)
    return EventFactory(title="Riverside litter pick", capacity=10)


def test_a_guest_replies_confirms_from_the_email_and_has_a_place(
    browser, live_server, event_site, foreign_requests
):
    from members.models import EventGuest, ReplyStatus

    phone = open_page(browser, live_server, foreign_requests, PHONE)
    phone.goto(f"{live_server.url}/en/events/{event_site.public_id}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Riverside litter pick")

    phone.get_by_role("textbox", name="Your name").fill("Amina Khan")
    phone.get_by_role("textbox", name="Email address").fill("amina.khan@example.org")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Reply").click()
    expect(phone.get_by_role("status")).to_contain_text("Please open the link we have emailed you")
    assert EventGuest.objects.get().reply.status == ReplyStatus.PENDING

    [message] = [m for m in mail.outbox if m.to == ["amina.khan@example.org"]]
    link = re.search(r"https?://\S+/confirm/[^/\s]+/", message.body).group(0)
    assert link.startswith(live_server.url)
    phone.goto(link)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Confirm my reply").click()
    expect(phone.get_by_role("status")).to_contain_text("Your reply is confirmed: you have a place")
    assert EventGuest.objects.get().reply.status == ReplyStatus.CONFIRMED
    # Nothing on the page is wider than the phone.
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    phone.context.close()
    assert foreign_requests == []
