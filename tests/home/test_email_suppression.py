"""Hard bounces and complaints suppress an address for newsletters and digests: from
the email service's signed tracking webhook (anymail, Mailgun's payloads) and from an
SMTP server's permanent refusal. Account emails still go, and staff see the list."""

import base64
import hashlib
import hmac
import importlib
import json
import smtplib

import pytest
from django.core import mail
from django.urls import clear_url_caches, reverse

from home.emails import send_email
from home.models import EmailStatus, OutgoingEmail, SuppressedAddress
from home.suppression import suppress
from members.services.events.digests import digest_recipients
from stories.models import Subscriber
from stories.services import newsletter as newsletter_service
from tests.members.factories import ProfileFactory
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

SIGNING_KEY = "key-a-test-signing-key"
WEBHOOK_SECRET = "webhook:a-long-test-secret"
TRACKING_URL = "/anymail/mailgun/tracking/"


@pytest.fixture
def anymail_webhooks(settings):
    """The site as it runs with Mailgun through anymail: its webhooks under /anymail/."""
    settings.EMAIL_DELIVERY_BACKEND = "anymail.backends.mailgun.EmailBackend"
    settings.ANYMAIL_WEBHOOKS_ENABLED = True
    settings.ANYMAIL = {
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "MAILGUN_API_KEY": "key-not-used",
        "MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY,
    }
    _reload_urls()
    yield
    settings.ANYMAIL_WEBHOOKS_ENABLED = False
    _reload_urls()


def _reload_urls():
    import network_site.urls

    importlib.reload(network_site.urls)
    clear_url_caches()


def mailgun_event(event_data, *, key=SIGNING_KEY, timestamp="1534108637"):
    """A Mailgun tracking payload (the shape of anymail's own test samples), signed as
    Mailgun signs it: HMAC-SHA256 of timestamp and token with the signing key."""
    token = "651869375b9df3c98fc15c4889b102119add1235c38fc92824"
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": {
            "timestamp": 1534110422.389832,
            "id": "Ase7i2zsRYeDXztHGENqRA",
            "message": {"headers": {"message-id": "20180812211713.1.DF5966851B4BAA99@example.org"}},
            **event_data,
        },
    }


HARD_BOUNCE = {
    "event": "failed",
    "severity": "permanent",
    "reason": "bounce",
    "recipient": "Gone@Example.org",
    "log-level": "error",
    "delivery-status": {
        "code": 550,
        "message": "5.1.1 The email account that you tried to reach does not exist.",
        "description": "",
    },
}
SOFT_BOUNCE = {**HARD_BOUNCE, "severity": "temporary", "reason": "generic", "log-level": "warn"}
COMPLAINT = {"event": "complained", "recipient": "annoyed@example.org", "log-level": "warn"}


def post_event(client, payload, secret=WEBHOOK_SECRET):
    credentials = base64.b64encode(secret.encode()).decode()
    return client.post(
        TRACKING_URL,
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {credentials}",
    )


def test_the_webhook_is_not_there_with_plain_smtp(client, db):
    response = post_event(client, mailgun_event(HARD_BOUNCE))
    assert response.status_code in (302, 404)  # no such page (in any language)
    assert not SuppressedAddress.objects.exists()


def test_a_hard_bounce_suppresses_the_address_and_marks_the_subscriber(
    client, db, anymail_webhooks
):
    Subscriber.objects.create(
        email="gone@example.org", status="confirmed", consented_at="2024-01-01T00:00Z"
    )
    assert post_event(client, mailgun_event(HARD_BOUNCE)).status_code == 200
    row = SuppressedAddress.objects.get()
    assert (row.email, row.reason) == ("gone@example.org", "bounced")
    assert "mailgun" in row.source.lower()
    assert Subscriber.objects.get().status == "bounced"
    # The same report again changes nothing.
    assert post_event(client, mailgun_event(HARD_BOUNCE)).status_code == 200
    assert SuppressedAddress.objects.count() == 1


def test_a_complaint_suppresses_the_address(client, db, anymail_webhooks):
    assert post_event(client, mailgun_event(COMPLAINT)).status_code == 200
    assert SuppressedAddress.objects.get().reason == "complained"


def test_a_temporary_failure_suppresses_nothing(client, db, anymail_webhooks):
    assert post_event(client, mailgun_event(SOFT_BOUNCE)).status_code == 200
    assert not SuppressedAddress.objects.exists()


@pytest.mark.parametrize(
    ("payload", "secret"),
    [
        (mailgun_event(HARD_BOUNCE, key="key-someone-else"), WEBHOOK_SECRET),  # forged signature
        (mailgun_event(HARD_BOUNCE), "webhook:wrong"),  # wrong basic-auth secret
        ({"not": "mailgun"}, WEBHOOK_SECRET),  # no signature at all
    ],
)
def test_an_unsigned_or_forged_report_is_refused_and_changes_nothing(
    client, db, anymail_webhooks, payload, secret
):
    response = post_event(client, payload, secret=secret)
    assert 400 <= response.status_code < 500
    assert not SuppressedAddress.objects.exists()


def test_a_permanent_smtp_refusal_suppresses_the_address(db, monkeypatch, committed, settings):
    from django.core.mail.backends.locmem import EmailBackend

    def refuse(self, messages):
        code = 550 if messages[0].to[0].startswith("nobody") else 451
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (code, b"5.1.1 No such user")})

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    committed(
        send_email,
        "nobody@example.org",
        "emails/text.html",
        {"subject": "Hi", "content_html": "<p>Hi</p>"},
        language="en",
    )
    assert SuppressedAddress.objects.get().email == "nobody@example.org"
    assert SuppressedAddress.objects.get().source == "SMTP"
    assert OutgoingEmail.objects.get().status == EmailStatus.FAILED
    # A temporary refusal (4xx) is retried, not suppressed.
    committed(
        send_email,
        "busy@example.org",
        "emails/text.html",
        {"subject": "Hi", "content_html": "<p>Hi</p>"},
        language="en",
    )
    assert not SuppressedAddress.objects.filter(email="busy@example.org").exists()


def test_newsletters_and_digests_skip_a_suppressed_address_but_account_emails_go(
    home_page, committed, deliver_emails
):
    newsletter = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home_page), kind="newsletter", slug="spring"
    )
    for email in ("gone@example.org", "reader@example.org"):
        Subscriber.objects.create(email=email, status="confirmed", consented_at="2024-01-01T00:00Z")
    gone_member = ProfileFactory(events_digest=True, user__email="Gone@Example.org").user
    keen_member = ProfileFactory(events_digest=True).user
    suppress("gone@example.org", "bounced", "SMTP")

    committed(newsletter_service.send_newsletter, newsletter)
    assert [message.to for message in mail.outbox] == [["reader@example.org"]]
    assert Subscriber.objects.get(email="gone@example.org").status == "bounced"
    assert [profile.user for profile in digest_recipients()] == [keen_member]

    mail.outbox.clear()
    committed(
        send_email,
        gone_member.email,
        "emails/text.html",
        {"subject": "Your sign-in link", "content_html": "<p>Sign in</p>"},
        language="en",
        account=gone_member,
    )
    assert [message.to for message in mail.outbox] == [[gone_member.email]]


def test_staff_see_the_suppressed_addresses(client, db, django_user_model):
    suppress("gone@example.org", "bounced", "SMTP", "550 5.1.1 No such user")
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    report = client.get(reverse("suppressed_addresses"))
    assert report.status_code == 200
    assert "gone@example.org" in report.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "See the suppressed addresses" in dashboard.content.decode()
