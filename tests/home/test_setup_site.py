"""`manage.py setup_site`: a new site's first day on an empty, migrated database, with
no demo content; running it again changes nothing; load_demo still works on top."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale, Page, Revision, Site, WorkflowPage

from home.models import HomePage, SiteSettings, SiteTexts
from members.models import User
from programmes.models import ProgrammeIndexPage, ProgrammePage
from stories.models import StoryIndexPage, StoryPage

ADMIN_EMAIL = "first.admin@example.org"
ADMIN_PASSWORD = "a-long-first-day-passphrase"  # noqa: S105
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def setup_site(**options) -> str:
    out = io.StringIO()
    defaults = {
        "interactive": False,
        "organisation_name": "Riverside Migrant Leaders",
        "contact_email": "hello@riverside.example.org",
        "site_url": "http://testserver",
        "admin_email": ADMIN_EMAIL,
        "admin_password": ADMIN_PASSWORD,
    }
    call_command("setup_site", stdout=out, **{**defaults, **options})
    return out.getvalue()


def stored_counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": User.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "locales": Locale.objects.count(),
        "site texts": SiteTexts.objects.count(),
        "sites": Site.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
    }


@pytest.fixture
def first_run(db):
    """An empty, migrated database (the test database has only what migrations made)."""
    assert not HomePage.objects.exists()
    return setup_site()


def test_builds_the_site_without_demo_content(first_run):
    home = HomePage.objects.get(locale=Locale.get_default())
    site = Site.objects.get(is_default_site=True)

    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)
    assert site.root_page_id == home.pk
    assert (site.hostname, site.port) == ("testserver", 80)
    assert ProgrammeIndexPage.objects.child_of(home).live().count() == 1
    assert StoryIndexPage.objects.child_of(home).live().count() == 1
    # No demo content: no programmes, stories or demo accounts.
    assert not ProgrammePage.objects.exists()
    assert not StoryPage.objects.exists()
    assert list(User.objects.values_list("email", flat=True)) == [ADMIN_EMAIL]
    assert "Site set up:" in first_run
    assert "Next steps:" in first_run


def test_site_settings_carry_the_organisations_name_and_address(client, first_run):
    texts = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    assert texts.texts.organisation_name == "Riverside Migrant Leaders"
    assert texts.contact_email == "hello@riverside.example.org"
    page = client.get("/en/")
    assert "Riverside Migrant Leaders" in page.text
    assert "hello@riverside.example.org" in page.text


def test_story_index_is_reviewed_with_the_story_review_workflow(first_run):
    index = StoryIndexPage.objects.get()

    assert index.get_workflow().name == "Story review"


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_and_the_sections_answer_in_every_language(client, first_run, language):
    home = client.get(f"/{language}/")
    events = client.get(f"/{language}/events/")

    assert home.status_code == 200, language
    assert events.status_code == 200, language
    assert HomePage.objects.filter(locale__language_code=language).live().exists()


def test_default_language_sections_answer(client, first_run):
    for index in (ProgrammeIndexPage.objects.get(), StoryIndexPage.objects.get()):
        assert client.get(index.url).status_code == 200, index.title


def test_the_first_administrator_signs_in_to_the_admin(client, first_run):
    address = EmailAddress.objects.get(email=ADMIN_EMAIL)
    signed_in = client.post(
        reverse("account_login"), {"login": ADMIN_EMAIL, "password": ADMIN_PASSWORD}
    )
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert address.verified and address.primary
    assert signed_in.status_code == 302
    assert dashboard.status_code == 200


def test_second_run_changes_nothing_and_says_so(first_run):
    before = stored_counts()

    second = setup_site(organisation_name="Another name", admin_email="other@example.org")

    assert stored_counts() == before
    assert "The site is already set up; nothing changed." in second
    assert "  + " not in second
    texts = SiteSettings.for_site(Site.objects.get(is_default_site=True)).texts
    assert texts.organisation_name == "Riverside Migrant Leaders"


def test_second_run_keeps_what_an_administrator_changed(first_run):
    home = HomePage.objects.get(locale=Locale.get_default())
    home.title = "Our own words"
    home.save_revision().publish()

    second = setup_site()

    assert HomePage.objects.get(pk=home.pk).title == "Our own words"
    assert "nothing changed" in second


def test_a_missing_piece_is_made_again_and_nothing_else(first_run):
    StoryIndexPage.objects.get().delete()

    second = setup_site()

    assert "+ story index" in second
    assert "+ home page" not in second
    assert StoryIndexPage.objects.get().get_workflow().name == "Story review"


def test_noinput_without_an_admin_email_refuses_and_changes_nothing(db):
    with pytest.raises(CommandError, match="--admin-email"):
        setup_site(admin_email=None)

    assert not HomePage.objects.exists()
    assert not User.objects.exists()


def test_a_weak_password_is_refused_with_the_reason(db):
    with pytest.raises(CommandError, match="password"):
        setup_site(admin_password="short")

    assert not User.objects.exists()


def test_password_from_the_environment(monkeypatch, client, db):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", ADMIN_PASSWORD)

    setup_site(admin_password=None)

    assert User.objects.get(email=ADMIN_EMAIL).check_password(ADMIN_PASSWORD)


def test_load_demo_still_works_on_top(client, first_run):
    out = io.StringIO()
    call_command("load_demo", force=True, stdout=out)

    home = HomePage.objects.get(locale=Locale.get_default())
    assert ProgrammeIndexPage.objects.child_of(home).count() == 1
    assert StoryIndexPage.objects.child_of(home).count() == 1
    assert ProgrammePage.objects.exists()
    assert StoryPage.objects.exists()
    # The site keeps its own name and address; the demo adds content, not identity.
    site = Site.objects.get(is_default_site=True)
    assert SiteSettings.for_site(site).texts.organisation_name == "Riverside Migrant Leaders"
    assert client.get("/en/").status_code == 200


def test_asks_for_the_name_address_and_administrator_when_interactive(monkeypatch, db):
    answers = iter(["Hillside Welcome Network", "", "", ADMIN_EMAIL])
    passwords = iter(["short", "short", ADMIN_PASSWORD, "a typo", ADMIN_PASSWORD, ADMIN_PASSWORD])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(passwords))
    out, err = io.StringIO(), io.StringIO()

    call_command("setup_site", stdout=out, stderr=err)

    texts = SiteSettings.for_site(Site.objects.get(is_default_site=True)).texts
    assert texts.organisation_name == "Hillside Welcome Network"
    assert User.objects.get(email=ADMIN_EMAIL).check_password(ADMIN_PASSWORD)
    assert "too short" in err.getvalue()  # the weak password, refused with its reason
    assert "differ" in err.getvalue()  # the mistyped repeat
    assert "Site set up:" in out.getvalue()
