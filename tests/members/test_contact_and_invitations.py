"""Messages without revealing addresses, blocks, reports and staff invitations."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from members.models import MembershipStatus, Profile, Report

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def test_message_emails_the_recipient_without_revealing_either_address(
    client, approved_member, another_member
):
    client.force_login(approved_member)
    url = reverse("members:message", args=[another_member.profile.public_id])
    response = client.post(url, {"body": "Would you like to meet at the next event?"})
    assert response.status_code == 302
    email = mail.outbox[-1]
    assert email.to == [another_member.email]
    assert approved_member.email not in email.body + email.subject
    assert "Approved Viewer" in email.subject
    # The message waits in the conversation on the site: no reply by email (issue 19 §2).
    assert "Would you like to meet" not in email.body
    assert "/members/messages/" in email.body


def test_messages_are_rate_limited_with_a_clear_message(
    client, approved_member, another_member, settings
):
    settings.MEMBER_MESSAGES_PER_HOUR = 2
    client.force_login(approved_member)
    url = reverse("members:message", args=[another_member.profile.public_id])
    for _n in range(2):
        client.post(url, {"body": "Hello"})
    response = client.post(url, {"body": "Hello again"})
    assert response.status_code == 200
    assert "try again later" in response.text
    # One email for the burst: the first is still unread (issue 19 §2).
    assert len(mail.outbox) == 1


def test_blocking_stops_messages_both_ways(client, approved_member, another_member):
    client.force_login(approved_member)
    client.post(reverse("members:block", args=[another_member.profile.public_id]))
    client.force_login(another_member)
    url = reverse("members:message", args=[approved_member.profile.public_id])
    assert client.post(url, {"body": "Hello"}).status_code == 404
    assert not mail.outbox


def test_report_reaches_staff_in_the_admin(client, approved_member, another_member, staff):
    client.force_login(approved_member)
    client.post(
        reverse("members:report", args=[another_member.profile.public_id]),
        {"reason": "Asks people for money"},
    )
    assert Report.objects.get().reporter == approved_member
    client.force_login(staff)
    assert "Asks people for money" in client.get(reverse("members_admin:reports")).text


def test_invitation_link_creates_an_approved_account_once(client, staff):
    client.force_login(staff)
    client.post(reverse("members_admin:invitations"), {"email": "invited@example.org"})
    path = re.search(r"https?://testserver(/members/invitation/\S+/)", mail.outbox[-1].body)
    client.logout()
    data = {
        "display_name": "Invited Person",
        "password": "a-long-member-passphrase",
        "privacy_consent": "on",
    }
    response = client.post(path.group(1), data)
    assert response.status_code == 302
    profile = Profile.objects.get(user__email="invited@example.org")
    assert profile.status == MembershipStatus.APPROVED
    assert profile.user.emailaddress_set.get().verified
    assert client.get("/members/").status_code == 200
    client.logout()
    assert client.post(path.group(1), data).status_code == 404
