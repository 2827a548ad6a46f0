"""Members and the newsletter (issue 22 §1): an approved member says yes or no at
/members/me/newsletter/, staff's send to "subscribers and members who opted in" reaches
exactly the right people once each, and the stop link in the footer turns it off."""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from home.i18n import translate_page
from home.suppression import suppress
from members.models import NewsletterChoice
from stories.models import NewsletterRecipient, NewsletterSend, Subscriber
from tests.members.factories import PASSWORD, ProfileFactory, UserFactory
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.usefixtures("deliver_emails")

TITLE = "Winter news from the network"
TITLE_RO = "Vești de iarnă din rețea"


@pytest.fixture
def newsletter(story_index):
    page = StoryPageFactory(parent=story_index, kind="newsletter", title=TITLE, slug="winter")
    translate_page(page, "ro", {TITLE: TITLE_RO})
    return page


@pytest.fixture
def sender(db):
    user = UserFactory(email="sender@example.org", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="send_newsletter"),
    )
    return user


def member(email, *, wanted=None, language="ro", status="approved", active=True):
    profile = ProfileFactory(user__email=email, user__is_active=active, status=status)
    if wanted is not None:
        NewsletterChoice.objects.create(user=profile.user, wanted=wanted, language=language)
    return profile.user


def subscriber(email, language="ro", status="confirmed"):
    return Subscriber.objects.create(
        email=email, language=language, status=status, consented_at="2024-01-01T00:00Z"
    )


def test_the_choice_is_off_until_the_member_says_yes_in_their_language(client, approved_member):
    profile = approved_member.profile
    profile.preferred_language = "pl"
    profile.save()
    client.force_login(approved_member)
    url = reverse("members:newsletter")
    page = client.get(url).content.decode()
    assert re.search(r'value="no"[^>]*checked', page)
    assert re.search(r'<option value="pl" selected>', page)
    assert not NewsletterChoice.objects.exists()

    response = client.post(url, {"wanted": "yes", "language": "uk"})
    assert response.status_code == 302
    choice = NewsletterChoice.objects.get(user=approved_member)
    assert (choice.wanted, choice.language) == (True, "uk")
    assert re.search(r'value="yes"[^>]*checked', client.get(url).content.decode())


def test_a_bad_choice_is_refused_on_its_field_and_nothing_is_saved(client, approved_member):
    client.force_login(approved_member)
    response = client.post(reverse("members:newsletter"), {"wanted": "maybe", "language": "xx"})
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"wanted", "language"}
    assert not NewsletterChoice.objects.exists()


def test_the_choice_page_is_valid_html_and_linked_from_my_page(client, approved_member, w3c):
    client.force_login(approved_member)
    url = reverse("members:newsletter")
    dashboard = client.get(reverse("members:dashboard")).content.decode()
    assert f'href="{url}"' in dashboard
    assert w3c(client.get(url).content.decode()) == []


def test_a_send_to_one_language_with_members_reaches_the_right_people_once(
    client, newsletter, sender
):
    subscriber("sub-ro@example.org")
    subscriber("sub-en@example.org", language="en")
    subscriber("both@example.org")  # a subscriber who is also a member who opted in
    member("both@example.org", wanted=True)
    member("Member-RO@example.org", wanted=True)
    member("member-en@example.org", wanted=True, language="en")
    member("said-no@example.org", wanted=False)
    member("never-asked@example.org")
    member("pending@example.org", wanted=True, status="pending")
    member("inactive@example.org", wanted=True, active=False)
    member("bounced@example.org", wanted=True)
    suppress("bounced@example.org", "bounced", "test")

    client.force_login(sender)
    response = client.post(
        reverse("stories_newsletter_send", args=[newsletter.pk]),
        {"audience": "language", "language": "ro", "include_members": "on", "when": "now"},
    )
    assert response.status_code == 302
    received = sorted(message.to[0] for message in mail.outbox)
    assert received == ["both@example.org", "member-ro@example.org", "sub-ro@example.org"]
    assert {message.subject for message in mail.outbox} == {TITLE_RO}
    send = NewsletterSend.objects.get()
    assert (send.queued, send.skipped) == (3, 0)
    assert NewsletterRecipient.objects.count() == 3


def test_the_stop_link_in_a_members_newsletter_turns_their_choice_off(
    client, newsletter, sender, w3c
):
    reader = member("reader@example.org", wanted=True)
    client.force_login(sender)
    client.post(
        reverse("stories_newsletter_send", args=[newsletter.pk]),
        {"audience": "all", "include_members": "on", "when": "now"},
    )
    (message,) = mail.outbox
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in message.body
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.logout()

    page = client.get(path)  # a mail scanner's GET changes nothing
    assert page.status_code == 200 and w3c(page.content.decode()) == []
    assert NewsletterChoice.objects.get(user=reader).wanted
    client.post(path, {"List-Unsubscribe": "One-Click"})
    assert not NewsletterChoice.objects.get(user=reader).wanted
    assert client.get("/members/newsletter/stop/not-a-token/").status_code == 404

    mail.outbox.clear()
    other = StoryPageFactory(
        parent=newsletter.get_parent(), kind="newsletter", title="Spring", slug="spring"
    )
    client.force_login(sender)
    client.post(
        reverse("stories_newsletter_send", args=[other.pk]),
        {"audience": "all", "include_members": "on", "when": "now"},
    )
    assert mail.outbox == []


def test_the_download_has_the_choice_and_deletion_removes_it(client, approved_member):
    NewsletterChoice.objects.create(user=approved_member, wanted=True, language="ar")
    client.post(reverse("account_login"), {"login": approved_member.email, "password": PASSWORD})
    download = json.loads(client.post(reverse("members:export_data")).content)
    assert download["consents"]["newsletter"]["wanted"] is True
    assert download["consents"]["newsletter"]["language"] == "ar"

    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not NewsletterChoice.objects.exists()
