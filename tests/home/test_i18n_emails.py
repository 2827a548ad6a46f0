"""Every email reaches people in the language they chose."""

import re

import pytest
from django.core import mail

from members.models import MembershipStatus
from members.services.membership import approve, decline
from stories.services.newsletter import request_subscription
from tests.members.factories import ProfileFactory, StaffFactory

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")

ARABIC = re.compile(r"[\u0600-\u06FF]")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.mark.parametrize(("language", "script"), [("ar", ARABIC), ("zh-hant", CHINESE)])
def test_approval_email_is_in_the_members_language(staff, language, script, committed):
    profile = ProfileFactory(status=MembershipStatus.PENDING, preferred_language=language)
    committed(approve, profile, by=staff)
    message = mail.outbox[-1]
    assert message.to == [profile.user.email]
    assert script.search(message.subject), message.subject
    assert script.search(message.body)


def test_decline_email_is_in_arabic_for_an_arabic_speaker(staff, committed):
    profile = ProfileFactory(status=MembershipStatus.PENDING, preferred_language="ar")
    committed(decline, profile, by=staff)
    assert ARABIC.search(mail.outbox[-1].subject)


def test_english_speaker_gets_english(staff, committed):
    profile = ProfileFactory(status=MembershipStatus.PENDING, preferred_language="en")
    committed(approve, profile, by=staff)
    assert not ARABIC.search(mail.outbox[-1].body)
    assert "approved" in mail.outbox[-1].subject


def test_newsletter_confirmation_is_in_the_subscribers_language(db, committed):
    committed(request_subscription, "reader@example.org", "ar")
    message = mail.outbox[-1]
    assert ARABIC.search(message.subject), message.subject
    assert ARABIC.search(message.body)


def test_sign_up_in_arabic_sends_the_verification_email_in_arabic(client, home_page):
    from django.urls import reverse

    from members.models import Profile

    client.cookies["acn_language"] = "ar"
    form = client.get(reverse("account_signup"))
    assert '<html lang="ar" dir="rtl">' in form.text
    fields = {
        "email": "new.member@example.org",
        "password1": "a-long-arabic-passphrase",
        "password2": "a-long-arabic-passphrase",
        "display_name": "Nadia",
        "privacy_consent": "on",
    }
    response = client.post(reverse("account_signup"), fields)
    assert response.status_code == 302, response.content[:2000]
    profile = Profile.objects.get(user__email="new.member@example.org")
    assert profile.preferred_language == "ar"
    verification = mail.outbox[-1]
    assert verification.to == ["new.member@example.org"]
    assert ARABIC.search(verification.subject), verification.subject


def test_password_reset_email_follows_the_members_language_not_the_page(client, db):
    from django.urls import reverse

    profile = ProfileFactory(preferred_language="zh-hant")
    client.post(reverse("account_reset_password"), {"email": profile.user.email})
    assert CHINESE.search(mail.outbox[-1].subject), mail.outbox[-1].subject
