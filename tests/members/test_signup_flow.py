"""From sign-up to approved member, with the emails a person really receives."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from members.models import MembershipStatus, Profile

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")

SIGNUP = {
    "email": "newcomer@example.org",
    "password1": "a-long-member-passphrase",
    "password2": "a-long-member-passphrase",
    "display_name": "Newcomer",
    "privacy_consent": "on",
}


def verify_from_outbox(client):
    link = re.search(r"https?://testserver(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    client.post(link.group(1))


def test_signup_verify_then_pending_then_approved_by_staff(client, staff, settings):
    settings.MEMBERSHIP_APPROVAL = True
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    profile = Profile.objects.get(user__email="newcomer@example.org")
    assert profile.status == MembershipStatus.PENDING
    assert profile.privacy_notice_version == settings.PRIVACY_NOTICE_VERSION
    assert profile.privacy_consented_at is not None
    assert len(mail.outbox) == 1

    verify_from_outbox(client)
    profile.refresh_from_db()
    assert profile.status == MembershipStatus.PENDING
    # Pending: own profile editable, nobody else's visible.
    assert client.get(reverse("members:edit_profile")).status_code == 200
    assert client.get("/members/").status_code == 403
    assert "waiting for approval" in client.get(reverse("members:dashboard")).text

    staff_client = client.__class__()
    staff_client.force_login(staff)
    response = staff_client.post(
        reverse("members_admin:decide", args=[profile.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == MembershipStatus.APPROVED
    assert mail.outbox[-1].to == ["newcomer@example.org"]
    assert "approved" in mail.outbox[-1].subject
    assert client.get("/members/").status_code == 200
    assert ModelLogEntry.objects.filter(
        action="members.approved", user=staff, data={"members": [profile.user_id]}
    ).exists()


def test_staff_decline_emails_the_member_and_keeps_them_out(client, staff, pending_member):
    client.force_login(staff)
    profile = pending_member.profile
    client.post(reverse("members_admin:decide", args=[profile.pk]), {"decision": "decline"})
    profile.refresh_from_db()
    assert profile.status == MembershipStatus.DECLINED
    assert mail.outbox[-1].to == [pending_member.email]
    client.force_login(pending_member)
    assert client.get("/members/").status_code == 403


def test_without_approval_setting_a_verified_account_is_approved_at_once(
    client, home_page, settings
):
    settings.MEMBERSHIP_APPROVAL = False
    client.post(reverse("account_signup"), SIGNUP)
    verify_from_outbox(client)
    profile = Profile.objects.get(user__email="newcomer@example.org")
    assert profile.status == MembershipStatus.APPROVED


def test_signup_without_consent_is_refused_on_the_field(client, home_page):
    data = dict(SIGNUP, privacy_consent="")
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert "agree to the privacy notice" in response.text
    assert not Profile.objects.exists()


def test_pending_members_page_lists_only_pending_for_staff(client, staff, pending_member):
    client.force_login(staff)
    response = client.get(reverse("members_admin:pending"))
    assert response.status_code == 200
    assert "Pending Person" in response.text


def test_staff_without_moderation_permission_cannot_decide(client, pending_member, home_page):
    from tests.members.factories import UserFactory

    editor = UserFactory(is_staff=True)
    client.force_login(editor)
    response = client.get(reverse("members_admin:pending"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "account_reset_password"])
def test_account_pages_render_in_the_site_frame_and_are_not_indexed(client, home_page, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert 'class="site-header"' in response.text
    assert 'name="robots" content="noindex"' in response.text
    assert response.text.count("<h1") == 1


def test_too_many_failed_logins_get_a_clear_message(client, approved_member, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "2/m/ip"}
    for _attempt in range(3):
        response = client.post(
            reverse("account_login"), {"login": approved_member.email, "password": "wrong-one"}
        )
    assert "Too many failed login attempts" in response.text


def test_too_many_signups_get_a_page_that_says_why(client, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/m/ip"}
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()
    response = client.post(reverse("account_signup"), dict(SIGNUP, email="second@example.org"))
    assert response.status_code == 429
    assert "Too many attempts" in response.text


def test_changing_email_sends_a_verification_to_the_new_address(client, approved_member):
    client.force_login(approved_member)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "new-address@example.org"}
    )
    assert response.status_code in (200, 302)
    assert mail.outbox[-1].to == ["new-address@example.org"]
