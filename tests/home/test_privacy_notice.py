"""The privacy notice is a page an organisation edits and translates (issue 15 §8): the
demo fills it with what UK GDPR asks, sign-up, the application form and the footer link
to it, and a member's consent records its version."""

import html
import re

from django.urls import reverse
from wagtail.models import Locale

from home.demo import DemoRun, ensure_privacy_notice_demo
from home.models import PrivacyNoticePage
from home.privacy import ensure_privacy_notice
from members.models import Profile

SIGNUP = {
    "email": "newcomer@example.org",
    "password1": "a-long-member-passphrase",
    "password2": "a-long-member-passphrase",
    "display_name": "Newcomer",
    "privacy_consent": "on",
}


def demo_notice(home_page) -> PrivacyNoticePage:
    from django.utils import timezone

    ensure_privacy_notice_demo(DemoRun(home_page=home_page, today=timezone.localdate()))
    return PrivacyNoticePage.objects.get()


def notice_text(client) -> str:
    response = client.get(reverse("members:privacy_notice"), follow=True)
    assert response.status_code == 200
    return html.unescape(response.text)


def test_the_demo_notice_says_what_uk_gdpr_requires(client, home_page, settings):
    notice = demo_notice(home_page)
    assert notice.live and notice.version == "2025-01"
    text = notice_text(client)
    assert client.get(reverse("members:privacy_notice")).status_code == 302
    for required in (
        "The controller of your personal data is Active Citizens Network",
        "privacy@example.org",  # the contact
        "Lawful basis",  # purposes, each with its basis
        "Who we share it with",
        "How long we keep it",
        "Your rights",
        "complain to the Information Commissioner's Office (ICO)",
        "https://ico.org.uk/make-a-complaint/",
    ):
        assert required in text, required
    # The retention of applications comes from the setting, not from typed text.
    assert "Deleted 6 months after the programme's last day." in text
    settings.APPLICATION_RETENTION_MONTHS = 9
    assert "Deleted 9 months after the programme's last day." in notice_text(client)
    assert not re.search(r"[\w.+-]+@(?!example\.org)[\w-]+\.\w+", text)


def test_loading_the_demo_again_changes_nothing(home_page):
    notice = demo_notice(home_page)
    revisions = notice.revisions.count()
    notice.body = [(block.block_type, block.value) for block in list(notice.body)[:2]]
    notice.save_revision().publish()  # an editor's change survives another run
    again = demo_notice(home_page)
    assert again.pk == notice.pk and again.revisions.count() == revisions + 1
    assert len(again.body) == 2


def test_a_site_set_up_without_the_demo_gets_an_empty_draft_to_fill(client, home_page):
    first = ensure_privacy_notice(home_page)
    assert ensure_privacy_notice(home_page).pk == first.pk
    assert PrivacyNoticePage.objects.count() == 1
    assert not first.live and first.get_parent().pk == home_page.pk
    # Until editors publish it, the address sign-up links to shows the built-in notice.
    response = client.get(reverse("members:privacy_notice"))
    assert response.status_code == 200 and "Privacy notice" in response.text


def test_sign_up_links_to_the_notice_and_records_its_version(client, home_page, settings):
    notice = demo_notice(home_page)
    notice.version = "2026-03"
    notice.save_revision().publish()

    form = client.get(reverse("account_signup")).text
    assert f'href="{reverse("members:privacy_notice")}"' in form
    assert client.post(reverse("account_signup"), SIGNUP).status_code == 302

    profile = Profile.objects.get(user__email="newcomer@example.org")
    assert profile.privacy_notice_version == "2026-03" != settings.PRIVACY_NOTICE_VERSION


def test_the_application_form_and_every_footer_link_to_the_notice(client, programme_index):
    from tests.factories import ProgrammePageFactory

    programme = ProgrammePageFactory(parent=programme_index, applications_on_site=True)
    link = f'href="{reverse("members:privacy_notice")}"'
    form = client.get(programme.url + "apply/").text
    assert form.count(link) == 2  # beside the consent box, and in the footer
    assert link in client.get("/", follow=True).text


def test_a_translated_notice_is_served_in_the_readers_language(client, home_page, settings):
    notice = demo_notice(home_page)
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translated = notice.copy_for_translation(arabic, copy_parents=True, alias=False)
    translated.title = "إشعار الخصوصية"
    translated.save_revision().publish()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.get(reverse("members:privacy_notice"))
    assert response.status_code == 302 and response["Location"].startswith("/ar/")
    assert "إشعار الخصوصية" in client.get(response["Location"]).text


def test_an_untranslated_notice_is_read_at_the_readers_address_marked_as_english(client, home_page):
    demo_notice(home_page)
    response = client.get(reverse("members:privacy_notice"), HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response.url.startswith("/ar/")
    page = client.get(response.url)
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    assert 'lang="en" dir="ltr"' in page.text
    assert "The controller of your personal data" in html.unescape(page.text)
