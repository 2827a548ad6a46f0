"""The shared helpers in home/ (http, tokens, ical, hooks) as the site uses them."""

import hashlib

from django.urls import reverse
from icalendar import Calendar
from wagtail import hooks

from home.hooks import PROJECT_HOOKS
from home.http import site_url
from home.ical import PRODID
from home.tokens import hash_token, new_token
from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory
from tests.members.factories import EventFactory, ProfileFactory


def test_a_member_page_is_private_and_not_indexed(client, home_page):
    client.force_login(ProfileFactory().user)
    response = client.get(reverse("members:dashboard"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_application_form_is_private_but_the_programme_page_is_not(client, programme_index):
    programme = ProgrammePageFactory(parent=programme_index, applications_on_site=True)
    page = client.get(programme.url)
    assert page.status_code == 200
    assert "no-store" not in page.get("Cache-Control", "")
    form = client.get(programme.url + "apply/")
    assert form.status_code == 200
    assert form["Cache-Control"] == "private, no-store"


def test_site_url_joins_the_configured_address_and_a_path(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://network.example.org/"
    assert site_url() == "https://network.example.org"
    assert site_url("/members/") == "https://network.example.org/members/"


def test_tokens_are_unguessable_and_only_their_hash_is_comparable():
    first, second = new_token(), new_token()
    assert first != second
    assert len(first) >= 43
    assert hash_token(first) == hashlib.sha256(first.encode()).hexdigest()
    assert hash_token(first) != hash_token(second)
    assert first not in hash_token(first)


def test_the_programme_schedule_and_the_event_feed_share_one_product_id(client, programme_index):
    programme = ProgrammePageFactory(parent=programme_index)
    ProgrammeSessionFactory(page=programme)
    EventFactory(title="Tenants' assembly")
    schedule = Calendar.from_ical(client.get(programme.url + "calendar.ics").content)
    feed = Calendar.from_ical(client.get(reverse("events:feed")).content)
    assert str(schedule["PRODID"]) == str(feed["PRODID"]) == PRODID
    assert str(schedule["VERSION"]) == str(feed["VERSION"]) == "2.0"
    assert str(schedule["X-WR-TIMEZONE"]) == str(feed["X-WR-TIMEZONE"]) == "Europe/London"


def test_every_project_hook_has_a_registration_and_a_unique_name():
    assert len(set(PROJECT_HOOKS)) == len(PROJECT_HOOKS)
    for name in PROJECT_HOOKS:
        assert hooks.get_hooks(name), f"nothing registers the {name} hook"
