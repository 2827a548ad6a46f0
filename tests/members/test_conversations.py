"""Conversations between two members (issue 19 §2): an inbox, threads with a reply form,
grouped email notifications without the message or anyone's address, blocks, reports
that show staff one message only, limits, the data download and account deletion, and
an organiser's message to everyone coming to their event."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from members.models import Conversation, Message, ReplyStatus, Report
from members.services import conversations
from tests.members.factories import PASSWORD, EventFactory, ProfileFactory, mentoring_pair

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def start(client, sender, recipient, body="Would you like to meet at the next event?"):
    client.force_login(sender)
    return client.post(
        reverse("members:message", args=[recipient.profile.public_id]), {"body": body}
    )


def thread_url(conversation):
    return reverse("members:conversation", args=[conversation.public_id])


def test_send_a_message_on_a_profile_starts_a_conversation_and_opens_it(
    client, approved_member, another_member
):
    client.force_login(approved_member)
    profile_page = client.get(reverse("members:profile", args=[another_member.profile.public_id]))
    assert reverse("members:message", args=[another_member.profile.public_id]) in profile_page.text
    response = start(client, approved_member, another_member)
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread_url(conversation)
    page = client.get(thread_url(conversation))
    assert "Conversation with <bdi>Another Member</bdi>" in page.text
    assert "Would you like to meet at the next event?" in page.text
    assert page["Cache-Control"] == "private, no-store"


def test_a_pair_has_one_conversation_whoever_writes_first(client, approved_member, another_member):
    start(client, approved_member, another_member)
    client.force_login(another_member)
    again = client.get(reverse("members:message", args=[approved_member.profile.public_id]))
    conversation = Conversation.objects.get()
    assert again.status_code == 302 and again["Location"] == thread_url(conversation)
    client.post(thread_url(conversation), {"body": "Yes, see you there."})
    assert Conversation.objects.count() == 1
    assert list(conversation.messages.values_list("body", flat=True)) == [
        "Would you like to meet at the next event?",
        "Yes, see you there.",
    ]


def test_notification_names_the_writer_links_the_thread_and_reveals_no_address_or_body(
    client, approved_member, another_member
):
    start(client, approved_member, another_member, body="My secret plan for the campaign")
    email = mail.outbox[-1]
    assert email.to == [another_member.email]
    assert "Approved Viewer" in email.subject
    text = email.subject + email.body + email.alternatives[0][0]
    assert "http://testserver" + thread_url(Conversation.objects.get()) in email.body
    assert "My secret plan" not in text
    assert approved_member.email not in text


def test_a_burst_of_messages_sends_one_email_until_the_recipient_opens_the_thread(
    client, approved_member, another_member
):
    for number in range(3):
        start(client, approved_member, another_member, body=f"Message {number}")
    assert len(mail.outbox) == 1
    conversation = Conversation.objects.get()
    client.force_login(another_member)
    client.get(thread_url(conversation))
    client.force_login(approved_member)
    client.post(thread_url(conversation), {"body": "One more, after you read the others"})
    assert len(mail.outbox) == 2


def test_inbox_lists_conversations_newest_first_with_unread_in_words(
    client, approved_member, another_member
):
    third = ProfileFactory(display_name="Third Person").user
    start(client, another_member, approved_member, body="First")
    start(client, third, approved_member, body="Second")
    client.force_login(approved_member)
    assert conversations.unread_count(approved_member) == 2
    inbox = client.get(reverse("members:messages"))
    assert inbox.status_code == 200
    assert inbox["Cache-Control"] == "private, no-store"
    text = inbox.text
    assert text.index("Third Person") < text.index("Another Member")
    assert text.count("(unread)") == 2
    assert "<strong><bdi>Third Person</bdi></strong>" in text
    client.get(thread_url(Conversation.objects.get(started_by=third)))
    assert conversations.unread_count(approved_member) == 1
    assert client.get(reverse("members:messages")).text.count("(unread)") == 1


def test_inbox_is_paginated(client, approved_member, settings):
    settings.MEMBER_NEW_CONVERSATIONS_PER_HOUR = 100
    for _number in range(27):
        conversations.start_or_send(ProfileFactory().user, approved_member, "Hello")
    client.force_login(approved_member)
    first = client.get(reverse("members:messages"))
    assert first.text.count("(unread)") == 25
    assert "Page 1 of 2" in first.text
    assert client.get(reverse("members:messages"), {"page": "2"}).text.count("(unread)") == 2
    assert client.get(reverse("members:messages"), {"page": "nonsense"}).status_code == 200


@pytest.mark.parametrize(
    ("body", "error"),
    [("   ", "This field is required."), ("x" * 3001, "at most 3000 characters")],
)
def test_an_empty_or_too_long_reply_is_refused_on_the_field(
    client, approved_member, another_member, body, error
):
    start(client, approved_member, another_member)
    conversation = Conversation.objects.get()
    response = client.post(thread_url(conversation), {"body": body})
    assert response.status_code == 200
    assert error in response.text
    assert 'aria-invalid="true"' in response.text
    assert Message.objects.count() == 1


def test_nobody_else_opens_a_conversation_staff_included(
    client, approved_member, another_member, staff
):
    start(client, approved_member, another_member)
    conversation = Conversation.objects.get()
    for outsider in [ProfileFactory().user, staff]:
        client.force_login(outsider)
        assert client.get(thread_url(conversation)).status_code == 404
        assert client.post(thread_url(conversation), {"body": "Hi"}).status_code == 404
        assert "Approved Viewer" not in client.get(reverse("members:messages")).text
    assert Message.objects.count() == 1


@pytest.mark.parametrize("who_blocks", ["sender", "recipient"])
def test_a_block_either_way_stops_replies_with_a_clear_message(
    client, approved_member, another_member, who_blocks
):
    start(client, approved_member, another_member)
    conversation = Conversation.objects.get()
    mail.outbox.clear()
    blocker, blocked = (
        (approved_member, another_member)
        if who_blocks == "sender"
        else (another_member, approved_member)
    )
    conversations.block(blocker, blocked)
    client.force_login(approved_member)
    response = client.post(thread_url(conversation), {"body": "Are you there?"})
    assert response.status_code == 403
    assert "You cannot send messages to this member." in response.text
    assert Message.objects.count() == 1
    assert not mail.outbox
    page = client.get(thread_url(conversation))
    assert "one of you blocked the other" in page.text
    assert 'name="body"' not in page.text


def test_a_reported_message_reaches_staff_alone(client, approved_member, another_member, staff):
    start(client, another_member, approved_member, body="Send me your bank details")
    conversation = Conversation.objects.get()
    client.force_login(another_member)
    client.post(thread_url(conversation), {"body": "Our private chat about the weather"})
    reported = Message.objects.get(body="Send me your bank details")
    client.force_login(approved_member)
    thread = client.get(thread_url(conversation))
    report_url = reverse("members:report_message", args=[reported.public_id])
    assert report_url in thread.text
    response = client.post(report_url, {"reason": "Asks for money"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.message == reported and report.profile == another_member.profile
    client.force_login(staff)
    reports = client.get(reverse("members_admin:reports")).text
    assert "Send me your bank details" in reports and "Asks for money" in reports
    assert "Our private chat" not in reports


def test_members_cannot_report_their_own_message_or_one_they_did_not_receive(
    client, approved_member, another_member
):
    start(client, approved_member, another_member)
    own = Message.objects.get()
    url = reverse("members:report_message", args=[own.public_id])
    assert client.post(url, {"reason": "x"}).status_code == 404
    client.force_login(ProfileFactory().user)
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert not Report.objects.exists()


def test_an_empty_report_is_refused_on_the_field(client, approved_member, another_member):
    start(client, another_member, approved_member)
    client.force_login(approved_member)
    url = reverse("members:report_message", args=[Message.objects.get().public_id])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Report.objects.exists()


def test_new_conversations_are_limited_per_hour(client, approved_member, settings):
    settings.MEMBER_NEW_CONVERSATIONS_PER_HOUR = 2
    others = [ProfileFactory().user for _n in range(3)]
    for other in others[:2]:
        assert start(client, approved_member, other).status_code == 302
    response = start(client, approved_member, others[2])
    assert response.status_code == 200
    assert "started a lot of conversations" in response.text
    assert Conversation.objects.count() == 2


def test_messages_are_limited_per_hour(client, approved_member, another_member, settings):
    settings.MEMBER_MESSAGES_PER_HOUR = 2
    start(client, approved_member, another_member)
    conversation = Conversation.objects.get()
    client.post(thread_url(conversation), {"body": "Second"})
    response = client.post(thread_url(conversation), {"body": "Third"})
    assert "try again later" in response.text
    assert Message.objects.count() == 2


def test_download_has_my_messages_and_the_other_name_only(client, approved_member, another_member):
    start(client, approved_member, another_member, body="Mine to keep")
    start(client, another_member, approved_member, body="Theirs, not mine")
    client.force_login(approved_member)
    data = json.loads(client.post(reverse("members:export_data")).content)
    [exported] = data["conversations"]
    assert exported["with"] == "Another Member"
    assert [message["body"] for message in exported["my_messages"]] == ["Mine to keep"]
    assert "Theirs, not mine" not in json.dumps(data)


def test_deleting_an_account_keeps_the_other_persons_messages_readable(
    client, approved_member, another_member
):
    start(client, approved_member, another_member, body="Words of the leaver")
    start(client, another_member, approved_member, body="Words of the one who stays")
    conversation = Conversation.objects.get()
    client.logout()
    client.post(reverse("account_login"), {"login": approved_member.email, "password": PASSWORD})
    client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert list(Message.objects.values_list("body", flat=True)) == ["Words of the one who stays"]
    client.force_login(another_member)
    page = client.get(thread_url(conversation))
    assert page.status_code == 200
    assert "A former member" in page.text
    assert "Words of the one who stays" in page.text and "Words of the leaver" not in page.text
    assert 'name="body"' not in page.text
    assert "A former member" in client.get(reverse("members:messages")).text


def test_the_mentoring_pair_page_starts_a_conversation_with_a_hidden_partner(
    client, approved_member, another_member
):
    another_member.profile.visibility = "private"
    another_member.profile.save()
    pair = mentoring_pair(another_member, approved_member)
    client.force_login(approved_member)
    page = client.get(reverse("members:mentoring_pair", args=[pair.public_id]))
    url = reverse("members:mentoring_message", args=[pair.public_id])
    assert url in page.text
    response = client.post(url, {"body": "When shall we meet first?"})
    assert response.status_code == 302
    assert Conversation.objects.get().messages.get().body == "When shall we meet first?"
    assert mail.outbox[-1].to == [another_member.email]
    client.force_login(ProfileFactory().user)
    assert client.get(url).status_code == 404


def test_an_organiser_messages_everyone_with_a_confirmed_place(client, approved_member):
    event = EventFactory(organiser=approved_member)
    coming = [ProfileFactory().user for _n in range(2)]
    waiting, gave_up = ProfileFactory().user, ProfileFactory().user
    for user in coming:
        event.replies.create(user=user, status=ReplyStatus.CONFIRMED)
    event.replies.create(user=waiting, status=ReplyStatus.WAITLISTED)
    event.replies.create(user=gave_up, status=ReplyStatus.CANCELLED)
    client.force_login(approved_member)
    url = reverse("members:event_message", args=[event.public_id])
    assert url in client.get(reverse("members:attendees", args=[event.public_id])).text
    response = client.post(url, {"body": "The hall changes to room 2."}, follow=True)
    assert "Your message was sent to 2 people." in response.text
    assert sorted(email.to[0] for email in mail.outbox) == sorted(user.email for user in coming)
    for email in mail.outbox:
        assert approved_member.email not in email.body
    assert Message.objects.filter(body="The hall changes to room 2.").count() == 2
    assert not Conversation.objects.filter(participants__user__in=[waiting, gave_up]).exists()


def test_an_empty_event_message_is_refused_and_sends_nothing(client, approved_member):
    event = EventFactory(organiser=approved_member)
    event.replies.create(user=ProfileFactory().user, status=ReplyStatus.CONFIRMED)
    client.force_login(approved_member)
    response = client.post(reverse("members:event_message", args=[event.public_id]), {"body": ""})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Message.objects.exists() and not mail.outbox


def test_conversation_pages_are_valid_html(client, approved_member, another_member, w3c):
    start(client, approved_member, another_member)
    conversation = Conversation.objects.get()
    client.force_login(another_member)
    event = EventFactory(organiser=another_member)
    urls = [
        reverse("members:messages"),
        thread_url(conversation),
        reverse("members:report_message", args=[conversation.messages.get().public_id]),
        reverse("members:event_message", args=[event.public_id]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert w3c(response.content) == [], url
    invalid = client.post(thread_url(conversation), {"body": ""})
    assert w3c(invalid.content) == []
    client.force_login(ProfileFactory().user)
    form = client.get(reverse("members:message", args=[another_member.profile.public_id]))
    assert w3c(form.content) == []
    assert re.search(r"<title>[^<]*Send a message", form.text)
