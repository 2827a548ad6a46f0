"""Newsletter sign-up, confirmation, unsubscribing, export and sending at most once."""

import re

import pytest
from django.core import mail
from django.core.cache import cache, caches
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from stories.models import NewsletterRecipient, Subscriber
from tests.stories.factories import StoryPageFactory

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


def sign_up(client, email="reader@example.org", **extra):
    return client.post(
        reverse("newsletter_signup"),
        {"email": email, "language": "en", "consent": "on", **extra},
    )


def link_in(message, name):
    return re.search(rf"http://testserver(/newsletter/{name}/[^/\s]+/)", message.body).group(1)


def test_double_opt_in_confirms_only_after_the_link(client, db):
    response = sign_up(client)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "pending"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/newsletter/unsubscribe/"
    )

    page = client.get(link_in(message, "confirm"))
    assert page.status_code == 200
    assert "Confirm my subscription" in page.text
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"  # following the link alone changes nothing
    assert client.post(link_in(message, "confirm")).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


def test_consent_is_required(client, db):
    response = client.post(
        reverse("newsletter_signup"), {"email": "a@example.org", "language": "en"}
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_same_address_twice_never_makes_two_rows_and_resubscribing_works(client, db):
    sign_up(client)
    sign_up(client, email="Reader@Example.org")
    assert Subscriber.objects.count() == 1
    subscriber = Subscriber.objects.get()
    client.post(reverse("newsletter_confirm", args=[subscriber.token]))
    client.post(reverse("newsletter_unsubscribe", args=[subscriber.token]))
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"

    sign_up(client)
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"
    client.post(link_in(mail.outbox[-1], "confirm"))
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"
    assert Subscriber.objects.count() == 1


def test_one_click_unsubscribe_by_post_without_csrf(db):
    from django.test import Client

    subscriber = Subscriber.objects.create(
        email="a@example.org", status="confirmed", consented_at="2024-01-01T00:00Z"
    )
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("newsletter_unsubscribe", args=[subscriber.token]),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_a_mail_scanner_following_every_link_changes_nothing(client, db):
    """Scanners fetch each link of an email (GET, also HEAD); only the button acts."""
    sign_up(client)
    message = mail.outbox[0]
    subscriber = Subscriber.objects.get()
    for name in ("confirm", "unsubscribe"):
        assert client.get(link_in(message, name)).status_code == 200
        assert client.head(link_in(message, name)).status_code in (200, 405)
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"

    subscriber.status = "confirmed"
    subscriber.save()
    page = client.get(reverse("newsletter_unsubscribe", args=[subscriber.token]))
    assert "<form" in page.text and "Unsubscribe</button>" in page.text
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"
    client.post(reverse("newsletter_unsubscribe", args=[subscriber.token]))
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_one_address_gets_few_confirmation_emails_whoever_asks(client, db):
    """A per-address limit as well as per client: sign-ups from many addresses for one
    inbox stop after three emails, and the page answers the same."""
    from django.test import Client

    for number in range(6):
        other = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        response = sign_up(other, email="victim@example.org")
        assert response.status_code == 302
        assert response["Location"].endswith("?sent=1")
    assert len(mail.outbox) == 3
    assert Subscriber.objects.count() == 1


def test_the_sign_up_limit_holds_for_every_worker(client, db):
    """Each gunicorn worker has its own default cache: the count lives in the shared one."""
    for number in range(5):
        assert sign_up(client, email=f"w{number}@example.org").status_code == 302
        caches["default"].clear()  # the next request reaches a worker that saw none
    assert sign_up(client, email="w6@example.org").status_code == 429


def test_sign_up_is_rate_limited(client, db):
    for number in range(5):
        assert sign_up(client, email=f"r{number}@example.org").status_code == 302
    assert sign_up(client, email="r6@example.org").status_code == 429


def _subscribers(count):
    return [
        Subscriber.objects.create(
            email=f"s{number}@example.org", status="confirmed", consented_at="2024-01-01T00:00Z"
        )
        for number in range(count)
    ]


def test_send_newsletter_sends_once_even_after_an_interrupted_run(
    story_index, monkeypatch, settings, committed, run_worker
):
    """The command queues one email per subscriber; the worker sends them. A send that
    fails waits for its retry; running the command again queues nobody twice."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    newsletter = StoryPageFactory(parent=story_index, kind="newsletter", slug="autumn")
    _subscribers(7)
    Subscriber.objects.create(email="pending@example.org", consented_at="2024-01-01T00:00Z")

    from django.core.mail.backends.locmem import EmailBackend
    from django_tasks_db.models import DBTaskResult

    original = EmailBackend.send_messages
    calls = {"n": 0}

    def fail_on_the_fourth(self, messages):
        calls["n"] += 1
        if calls["n"] == 4:
            raise ConnectionError("the mail server went away")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", fail_on_the_fourth)
    committed(call_command, "send_newsletter", "autumn", "--batch-size", "2")
    run_worker()
    assert len(mail.outbox) == 6  # the fourth waits for its retry

    monkeypatch.setattr(EmailBackend, "send_messages", original)
    committed(call_command, "send_newsletter", str(newsletter.pk), "--batch-size", "2")
    committed(call_command, "send_newsletter", "autumn")
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # its time
    run_worker()

    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted(f"s{number}@example.org" for number in range(7))
    assert "pending@example.org" not in recipients
    assert NewsletterRecipient.objects.count() == 7
    assert all("List-Unsubscribe" in message.extra_headers for message in mail.outbox)
    assert all("/newsletter/unsubscribe/" in message.body for message in mail.outbox)


def test_staff_export_confirmed_subscribers_as_csv(client, db, django_user_model):
    _subscribers(2)
    Subscriber.objects.create(email="pending@example.org", consented_at="2024-01-01T00:00Z")
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    response = client.get(reverse("stories_export_subscribers"))
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert lines[0] == "email,language,confirmed_at"
    assert [line.split(",")[0] for line in lines[1:]] == ["s0@example.org", "s1@example.org"]


def test_staff_see_each_subscriber_state_and_filter_by_it(client, db, django_user_model):
    _subscribers(1)
    Subscriber.objects.create(email="pending@example.org", consented_at="2024-01-01T00:00Z")
    Subscriber.objects.create(
        email="bounced@example.org", status="bounced", consented_at="2024-01-01T00:00Z"
    )
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    listing = client.get("/admin/newsletter-subscribers/").content.decode()
    assert "Waiting for confirmation" in listing and "Bounced" in listing
    bounced = client.get("/admin/newsletter-subscribers/?status=bounced").content.decode()
    assert "bounced@example.org" in bounced and "pending@example.org" not in bounced


def test_the_subscriber_export_cannot_run_a_formula(client, db, django_user_model):
    Subscriber.objects.create(
        email="=cmd@example.org", status="confirmed", consented_at="2024-01-01T00:00Z"
    )
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    csv_export = client.get("/admin/newsletter-subscribers/?export=csv")
    assert csv_export.status_code == 200
    body = b"".join(csv_export.streaming_content).decode()
    assert "'=cmd@example.org" in body
    xlsx = client.get("/admin/newsletter-subscribers/?export=xlsx")
    assert xlsx.status_code == 200

    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.cell(row=2, column=1).value == "'=cmd@example.org"


def test_a_subscriber_added_by_hand_is_asked_to_confirm(client, db, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    response = client.post(
        "/admin/newsletter-subscribers/new/", {"email": "Added@Example.org", "language": "ar"}
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status, subscriber.language) == (
        "added@example.org",
        "pending",
        "ar",
    )
    assert [message.to for message in mail.outbox] == [["added@example.org"]]
    assert link_in(mail.outbox[0], "confirm")


def test_a_bad_address_added_by_hand_is_refused_on_its_field(client, db, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    response = client.post(
        "/admin/newsletter-subscribers/new/", {"email": "not an address", "language": "en"}
    )
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []
