"""A conversation between two members, each in their own browser (issue 19 §2): one
writes from the other's profile; the other sees Messages with the unread count in the
header, reads the thread, and the count goes; they reply, and the first reads the reply.
"""

import re

import pytest
from django.core import mail

from tests.browser.conftest import DESKTOP, PHONE, open_page
from tests.browser.steps import sign_in

expect = pytest.importorskip("playwright.sync_api").expect

# Real commits here; the emails they queue are sent at once (tests/conftest.py).
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("immediate_tasks"),
]

WRITER_EMAIL = "member@example.org"
WRITER_NAME = "Maya Member"
READER_EMAIL = "alumni01@example.org"
FIRST_MESSAGE = "Hello! Could you tell me how your tenants' group chose its first campaign?"
REPLY = "Gladly. We asked every neighbour what bothered them most, then we voted."


def messages_link(page):
    return page.get_by_role("navigation", name="Main", exact=True).get_by_role(
        "link", name=re.compile(r"^Messages")
    )


def assert_unread(page, count):
    """The header's Messages link: its accessible name says how many are unread, and
    the badge shows the number; with nothing unread there is no badge."""
    link = messages_link(page)
    if count:
        expect(link).to_have_accessible_name(f"Messages {count} unread")
        expect(link.locator(".site-nav__count")).to_contain_text(str(count))
    else:
        expect(link).to_have_accessible_name("Messages")
        expect(link.locator(".site-nav__count")).to_have_count(0)


def test_two_members_write_to_each_other_and_the_unread_count_goes_once_read(
    browser, demo_site, foreign_requests
):
    from members.models import Profile

    reader = Profile.objects.get(user__email=READER_EMAIL)
    reader_name = reader.display_name

    # The writer, on a laptop, opens the other member's profile and writes.
    writer = open_page(browser, demo_site, foreign_requests, DESKTOP)
    sign_in(writer, demo_site.url, WRITER_EMAIL)
    writer.goto(f"{demo_site.url}/en/")
    assert_unread(writer, 0)
    writer.goto(f"{demo_site.url}/members/{reader.public_id}/")
    writer.get_by_role("article").get_by_role("link", name="Send a message").click()
    expect(writer.get_by_role("heading", level=1)).to_have_text(
        f"Start a conversation with {reader_name}"
    )
    writer.get_by_role("textbox", name="Your message").fill(FIRST_MESSAGE)
    writer.get_by_role("button", name="Send", exact=True).click()
    expect(writer.get_by_role("status")).to_contain_text("Your message is sent.")
    expect(writer.get_by_role("heading", level=1)).to_have_text(f"Conversation with {reader_name}")
    thread_path = re.sub(r"^https?://[^/]+", "", writer.url)
    # Their own message is not unread for the writer.
    assert_unread(writer, 0)

    # The other member is told by email, which names the writer and links to the thread.
    [email] = [message for message in mail.outbox if READER_EMAIL in message.to]
    assert email.subject == f"{WRITER_NAME} wrote to you on Active Citizens Network"
    assert demo_site.url + thread_path in email.body
    assert FIRST_MESSAGE not in email.body

    # The other member signs in on a phone and sees one unread conversation.
    phone = open_page(browser, demo_site, foreign_requests, PHONE)
    sign_in(phone, demo_site.url, READER_EMAIL)
    phone.goto(f"{demo_site.url}/en/")
    assert_unread(phone, 1)
    messages_link(phone).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Messages")
    entry = phone.get_by_role("main").get_by_role("listitem").filter(has_text=WRITER_NAME)
    expect(entry).to_contain_text("(unread)")
    entry.get_by_role("link", name=re.compile(WRITER_NAME)).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(f"Conversation with {WRITER_NAME}")
    assert phone.url.endswith(thread_path)
    thread = phone.get_by_role("main").get_by_role("list").filter(has_text=FIRST_MESSAGE)
    expect(thread.get_by_role("listitem")).to_have_count(1)
    expect(thread.get_by_role("listitem")).to_contain_text(WRITER_NAME)

    # Read: the count has gone from the header, here and on the next page.
    assert_unread(phone, 0)
    phone.goto(f"{demo_site.url}/members/messages/")
    assert_unread(phone, 0)
    expect(phone.get_by_role("main")).not_to_contain_text("(unread)")

    # They reply in the thread.
    phone.goto(demo_site.url + thread_path)
    replying = phone.get_by_role("region", name="Reply")
    replying.get_by_role("textbox", name="Your message").fill(REPLY)
    replying.get_by_role("button", name="Send", exact=True).click()
    messages = phone.locator(".thread__message")
    expect(messages).to_have_count(2)
    expect(messages.last).to_contain_text(REPLY)
    expect(messages.last).to_contain_text("You")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    [told] = [message for message in mail.outbox if WRITER_EMAIL in message.to]
    assert told.subject == f"{reader_name} wrote to you on Active Citizens Network"

    # The writer sees one unread conversation, reads the reply, and the count goes.
    writer.goto(f"{demo_site.url}/en/")
    assert_unread(writer, 1)
    messages_link(writer).click()
    writer.get_by_role("main").get_by_role("link", name=re.compile(re.escape(reader_name))).click()
    expect(writer.get_by_role("heading", level=1)).to_have_text(f"Conversation with {reader_name}")
    replies = writer.locator(".thread__message")
    expect(replies).to_have_count(2)
    expect(replies.first).to_contain_text(FIRST_MESSAGE)
    expect(replies.last).to_contain_text(REPLY)
    expect(replies.last).to_contain_text(reader_name)
    assert_unread(writer, 0)

    writer.context.close()
    phone.context.close()
    assert foreign_requests == []
