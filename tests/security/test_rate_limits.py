"""Rate limits: the attempt after the limit is refused with a clear answer and saves
nothing. (Failed logins, sign-up and messages also have tests beside their features.)"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from members.models import Message
from stories.models import Subscriber

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")

SIGNUP = {
    "password1": "a-long-member-passphrase",
    "password2": "a-long-member-passphrase",
    "display_name": "Newcomer",
    "privacy_consent": "on",
}


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_password_reset_requests_are_limited_per_address(client, approved_member, settings):
    settings.ACCOUNT_RATE_LIMITS = {"reset_password": "2/h/ip"}
    for _attempt in range(2):
        response = client.post(reverse("account_reset_password"), {"email": approved_member.email})
        assert response.status_code == 302
    sent = len(mail.outbox)
    response = client.post(reverse("account_reset_password"), {"email": approved_member.email})
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert len(mail.outbox) == sent


def test_password_reset_is_limited_per_account_too(client, approved_member, settings):
    settings.ACCOUNT_RATE_LIMITS = {"reset_password": "100/h/ip,1/h/key"}
    client.post(reverse("account_reset_password"), {"email": approved_member.email})
    sent = len(mail.outbox)
    response = client.post(
        reverse("account_reset_password"),
        {"email": approved_member.email},
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 429
    assert len(mail.outbox) == sent


def test_refused_sign_up_creates_no_account(client, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/h/ip"}
    client.post(reverse("account_signup"), dict(SIGNUP, email="first@example.org"))
    client.logout()
    users = get_user_model().objects.count()
    response = client.post(reverse("account_signup"), dict(SIGNUP, email="second@example.org"))
    assert response.status_code == 429
    assert get_user_model().objects.count() == users
    assert not get_user_model().objects.filter(email="second@example.org").exists()


def test_refused_newsletter_sign_up_stores_nobody(client, db):
    from stories.views.newsletter import SIGNUPS_PER_HOUR

    for number in range(SIGNUPS_PER_HOUR):
        client.post(
            reverse("newsletter_signup"),
            {"email": f"reader{number}@example.org", "language": "en", "consent": "on"},
        )
    stored = Subscriber.objects.count()
    response = client.post(
        reverse("newsletter_signup"),
        {"email": "one-too-many@example.org", "language": "en", "consent": "on"},
    )
    assert response.status_code == 429
    assert Subscriber.objects.count() == stored
    assert not Subscriber.objects.filter(email="one-too-many@example.org").exists()


def test_refused_message_is_not_stored(client, approved_member, another_member, settings):
    settings.MEMBER_MESSAGES_PER_HOUR = 1
    client.force_login(approved_member)
    url = reverse("members:message", args=[another_member.profile.public_id])
    client.post(url, {"body": "Hello"})
    stored = Message.objects.count()
    response = client.post(url, {"body": "Hello again"})
    assert "try again later" in response.text
    assert Message.objects.count() == stored
