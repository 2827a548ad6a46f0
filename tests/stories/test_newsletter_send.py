"""Sending a newsletter from the admin: preview, test send, schedule, audience, the
audit log, the permission, and never twice to one address."""

import re
from datetime import UTC, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from home.i18n import translate_page
from stories.models import NewsletterRecipient, NewsletterSend, Subscriber
from stories.services import newsletter as service
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.usefixtures("deliver_emails")

TITLE = "Autumn news from the network"
TITLE_AR = "أخبار الخريف من الشبكة"


@pytest.fixture
def newsletter(story_index):
    page = StoryPageFactory(parent=story_index, kind="newsletter", title=TITLE, slug="autumn")
    translate_page(page, "ar", {TITLE: TITLE_AR})
    return page


@pytest.fixture
def sender(db, django_user_model):
    """Staff with the "send newsletters" permission and nothing else of note."""
    user = django_user_model.objects.create_user(
        email="sender@example.org", password="a-long-test-password", is_staff=True
    )
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="send_newsletter"),
    )
    return user


@pytest.fixture
def subscribers(db):
    def make(language, count, status="confirmed"):
        return [
            Subscriber.objects.create(
                email=f"{language}{number}-{status}@example.org",
                language=language,
                status=status,
                consented_at="2024-01-01T00:00Z",
            )
            for number in range(count)
        ]

    return make


def newsletter_url(page, name="stories_newsletter", *args):
    return reverse(name, args=[page.pk, *args])


def test_only_staff_with_the_permission_reach_the_send_screen(
    client, newsletter, sender, editor, django_user_model
):
    client.force_login(editor)  # may edit stories, may not send newsletters
    assert client.get(newsletter_url(newsletter)).status_code in (302, 403)
    assert client.post(newsletter_url(newsletter, "stories_newsletter_send"), {}).status_code in (
        302,
        403,
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[newsletter.pk]))
    assert newsletter_url(newsletter).encode() not in edit.content

    sender.groups.add(Group.objects.get(name="Editors"))
    client.force_login(sender)
    assert client.get(newsletter_url(newsletter)).status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[newsletter.pk]))
    assert newsletter_url(newsletter).encode() in edit.content


def test_a_story_that_is_not_a_newsletter_has_no_send_screen(client, story_index, sender):
    story = StoryPageFactory(parent=story_index, kind="story")
    client.force_login(sender)
    assert client.get(newsletter_url(story)).status_code == 404


def test_preview_shows_each_language_and_the_fallback_notice(client, newsletter, sender):
    client.force_login(sender)
    screen = client.get(newsletter_url(newsletter) + "?language=ar").content.decode()
    assert TITLE_AR in screen  # the text part of the Arabic version
    arabic = client.get(newsletter_url(newsletter, "stories_newsletter_preview", "ar", "html"))
    assert TITLE_AR in arabic.content.decode()
    assert 'lang="ar" dir="rtl"' in arabic.content.decode()
    polish = client.get(newsletter_url(newsletter, "stories_newsletter_preview", "pl", "text"))
    assert polish["Content-Type"].startswith("text/plain")
    text = polish.content.decode()
    assert TITLE in text  # not translated into Polish: the English original goes
    assert "Not yet translated" in text or "przetłumacz" in text.lower()


def test_a_test_send_goes_only_to_the_sender_and_is_in_the_audit_log(
    client, newsletter, sender, subscribers
):
    subscribers("en", 2)
    client.force_login(sender)
    response = client.post(
        newsletter_url(newsletter, "stories_newsletter_test"), {"test-language": "ar"}
    )
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["sender@example.org"]]
    assert mail.outbox[0].subject == TITLE_AR
    assert not NewsletterRecipient.objects.exists()  # the real send still reaches everyone
    entry = PageLogEntry.objects.get(action=service.TEST_SENT)
    assert entry.user == sender and entry.page_id == newsletter.pk


def test_send_to_one_language_reaches_only_its_confirmed_subscribers_in_their_language(
    client, newsletter, sender, subscribers
):
    subscribers("ar", 3)
    subscribers("en", 2)
    subscribers("ar", 1, status="pending")
    subscribers("ar", 1, status="unsubscribed")
    client.force_login(sender)
    response = client.post(
        newsletter_url(newsletter, "stories_newsletter_send"),
        {"audience": "language", "language": "ar", "when": "now"},
    )
    send = NewsletterSend.objects.get()
    assert response.status_code == 302
    assert response["Location"] == newsletter_url(
        newsletter, "stories_newsletter_progress", send.pk
    )
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"ar{number}-confirmed@example.org" for number in range(3)
    ]
    assert {message.subject for message in mail.outbox} == {TITLE_AR}
    assert all(message.extra_headers["Content-Language"] == "ar" for message in mail.outbox)
    progress = client.get(response["Location"]).content.decode()
    assert re.search(r'data-count="queued">3<', progress)
    assert re.search(r'data-count="sent">3<', progress)
    entry = PageLogEntry.objects.get(action=service.SEND_STARTED)
    assert entry.user == sender and entry.data["language"] == "ar"


def test_a_second_send_never_reaches_an_address_twice(client, newsletter, sender, subscribers):
    subscribers("en", 2)
    subscribers("ar", 2)
    client.force_login(sender)
    send_url = newsletter_url(newsletter, "stories_newsletter_send")
    client.post(send_url, {"audience": "language", "language": "ar", "when": "now"})
    client.post(send_url, {"audience": "all", "when": "now"})
    client.post(send_url, {"audience": "all", "when": "now"})
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == 4 and len(set(recipients)) == 4


def test_the_database_refuses_one_address_twice_for_one_newsletter(newsletter):
    NewsletterRecipient.objects.create(newsletter=newsletter, email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsletterRecipient.objects.create(newsletter=newsletter, email="a@example.org")


def test_a_scheduled_send_waits_for_its_time_in_uk_time(
    client, newsletter, sender, subscribers, settings, run_worker, committed
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscribers("en", 2)
    client.force_login(sender)
    # 1 July: British Summer Time, one hour ahead of UTC.
    response = client.post(
        newsletter_url(newsletter, "stories_newsletter_send"),
        {
            "audience": "all",
            "when": "later",
            "scheduled_at": f"{timezone.now().year + 1}-07-01T09:30",
        },
    )
    assert response.status_code == 302
    send = NewsletterSend.objects.get()
    assert send.scheduled_at.astimezone(UTC).strftime("%H:%M") == "08:30"
    assert send.state == "scheduled"
    run_worker()
    assert mail.outbox == []  # not yet its time
    assert PageLogEntry.objects.filter(action=service.SEND_SCHEDULED).exists()

    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # its time
    committed(run_worker)  # the send starts and queues its emails, as a worker commits them
    run_worker()  # the emails go
    assert sorted(message.to[0] for message in mail.outbox) == [
        "en0-confirmed@example.org",
        "en1-confirmed@example.org",
    ]
    send.refresh_from_db()
    assert send.state == "done"


def test_a_scheduled_send_can_be_cancelled(client, newsletter, sender, subscribers, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscribers("en", 1)
    client.force_login(sender)
    send = service.create_send(newsletter, scheduled_at=timezone.now() + timedelta(days=1))
    response = client.post(newsletter_url(newsletter, "stories_newsletter_progress", send.pk))
    assert response.status_code == 302
    send.refresh_from_db()
    assert send.state == "cancelled"
    assert service.start_send(send.pk) == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"audience": "language", "when": "now"}, "language", "Choose the language"),
        ({"audience": "all", "when": "later"}, "scheduled_at", "Enter the date and time"),
        (
            {"audience": "all", "when": "later", "scheduled_at": "tomorrow at nine"},
            "scheduled_at",
            "Enter a date and time such as",
        ),
        (
            {"audience": "all", "when": "later", "scheduled_at": "2001-01-01T09:00"},
            "scheduled_at",
            "Choose a time in the future",
        ),
        ({"audience": "everyone", "when": "now"}, "audience", "Select a valid choice"),
    ],
)
def test_a_bad_send_form_says_what_is_wrong_and_sends_nothing(
    client, newsletter, sender, subscribers, data, field, message
):
    subscribers("en", 1)
    client.force_login(sender)
    response = client.post(newsletter_url(newsletter, "stories_newsletter_send"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not NewsletterSend.objects.exists()
    assert mail.outbox == []


def test_an_unpublished_newsletter_cannot_be_sent(client, newsletter, sender, subscribers):
    subscribers("en", 1)
    newsletter.unpublish()
    client.force_login(sender)
    response = client.post(
        newsletter_url(newsletter, "stories_newsletter_send"), {"audience": "all", "when": "now"}
    )
    assert response.status_code == 400
    assert "Publish the newsletter before sending it" in response.content.decode()
    assert mail.outbox == []


def test_the_newsletter_email_is_valid_html_in_english_and_arabic(newsletter, w3c):
    for language in ("en", "ar"):
        rendered = service.render_newsletter(newsletter, language, "http://testserver/stop/")
        assert w3c(rendered.html) == []
        assert "<svg" not in rendered.html
