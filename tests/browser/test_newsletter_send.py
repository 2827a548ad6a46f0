"""Staff preview a translated newsletter, send themselves a test, schedule it for one
language's subscribers, and it reaches them in their language when its time comes."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from home.i18n import translate_page
from stories.models import NewsletterSend, Subscriber
from tests.browser.conftest import DESKTOP, open_page
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Winter news from the network"
TITLE_AR = "أخبار الشتاء من الشبكة"


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture
def newsletter_site(home_page, live_server, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home_page), kind="newsletter", title=TITLE
    )
    translate_page(page, "ar", {TITLE: TITLE_AR})
    for language, count in (("ar", 3), ("en", 2)):
        for number in range(count):
            Subscriber.objects.create(
                email=f"{language}{number}@example.org",
                language=language,
                status="confirmed",
                consented_at="2024-01-01T00:00Z",
            )
    return page


@pytest.fixture
def sender(db):
    user = get_user_model().objects.create_user(
        email="sender@example.org", password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(Permission.objects.get(codename="send_newsletter"))
    return user


def signed_in(browser, live_server, user):
    """A browser window with `user`'s session (signed in as the test client would)."""
    client = Client()
    client.force_login(user)
    elsewhere = []
    page = open_page(browser, live_server, elsewhere, DESKTOP)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page, elsewhere


def test_staff_preview_test_send_and_schedule_a_newsletter_for_arabic_readers(
    browser, live_server, newsletter_site, sender
):
    page, elsewhere = signed_in(browser, live_server, sender)
    page.goto(f"{live_server.url}/admin/stories/{newsletter_site.pk}/newsletter/")

    # Preview: the Arabic text part, then the Arabic HTML email itself.
    page.get_by_role("link", name="Text in Arabic").click()
    expect(page.locator("pre")).to_contain_text(TITLE_AR)
    page.get_by_role("link", name="HTML email in Arabic").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_AR)
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.go_back()

    # A test to oneself, in Arabic.
    page.get_by_label("Language of the test email").select_option(label="Arabic")
    page.get_by_role("button", name="Send a test").click()
    expect(page.get_by_text("A test email is on its way to sender@example.org.")).to_be_visible()
    run_worker()
    assert [(m.to, m.subject) for m in mail.outbox] == [(["sender@example.org"], TITLE_AR)]

    # Schedule it for Arabic subscribers, at a UK time in the future.
    page.get_by_label("Confirmed subscribers of one language").check()
    page.get_by_label("Language of the subscribers").select_option(label="Arabic")
    page.get_by_label("Send at a time I choose").check()
    page.get_by_label("Date and time (UK time)").fill(f"{timezone.now().year + 1}-03-02T09:00")
    page.get_by_role("button", name="Send the newsletter").click()
    expect(page.get_by_text("The newsletter is scheduled.")).to_be_visible()
    expect(page.locator('[data-count="state"]')).to_have_text("Scheduled")
    run_worker()
    assert len(mail.outbox) == 1  # not yet its time

    # Its time comes: the worker sends it to the three Arabic readers only, in Arabic.
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()  # the send picks its readers and queues one batch
    run_worker()  # the batch queues the emails; the worker sends them
    run_worker()
    delivered = mail.outbox[1:]
    assert sorted(m.to[0] for m in delivered) == [f"ar{n}@example.org" for n in range(3)]
    assert {m.subject for m in delivered} == {TITLE_AR}
    assert {m.extra_headers["Content-Language"] for m in delivered} == {"ar"}
    assert all(re.search(r'<html lang="ar" dir="rtl"', m.alternatives[0][0]) for m in delivered)

    page.reload()
    expect(page.locator('[data-count="sent"]')).to_have_text("3")
    expect(page.locator('[data-count="state"]')).to_have_text("Queued for everyone")
    assert NewsletterSend.objects.get().queued == 3
    assert elsewhere == []
