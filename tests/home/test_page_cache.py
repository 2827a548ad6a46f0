"""Anonymous pages come from the shared cache; any visible change is seen at once;
members never receive a shared page."""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import transaction

from home.frame import content_version
from tests.factories import ProgrammePageFactory
from tests.members.factories import EventFactory, ProfileFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def programme(programme_index):
    return ProgrammePageFactory(parent=programme_index, title="Speak Up, Lead Locally")


def test_a_cached_page_is_served_without_a_single_query(
    client, programme, django_assert_num_queries
):
    first = client.get(programme.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(programme.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Language"] == "en"


def test_a_published_change_is_visible_on_the_next_request(client, programme):
    assert "Speak Up, Lead Locally" in client.get(programme.url).text
    client.get(programme.get_parent().url)
    programme.title = "Speak Up Together"
    programme.save_revision().publish()

    page = client.get(programme.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Speak Up Together" in page.text
    assert "Speak Up Together" in client.get(programme.get_parent().url).text


def test_unpublishing_removes_the_page_at_once(client, programme):
    assert client.get(programme.url).status_code == 200
    programme.unpublish()
    assert client.get(programme.url).status_code == 404


def test_the_public_events_feed_is_cached_and_shows_a_new_event_at_once(
    client, home_page, django_assert_num_queries
):
    EventFactory(title="Hackney meet-up")
    first = client.get("/en/events/feed.ics")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/en/events/feed.ics")
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Type"].startswith("text/calendar")
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert "SUMMARY:Hackney meet-up" in second.content.decode()
    EventFactory(title="Camden walk")
    assert "SUMMARY:Camden walk" in client.get("/en/events/feed.ics").content.decode()


def test_a_new_event_appears_in_the_cached_events_list(client, home_page):
    assert "Hackney meet-up" not in client.get("/en/events/").text
    EventFactory(title="Hackney meet-up")
    assert "Hackney meet-up" in client.get("/en/events/").text


def test_a_change_to_a_members_profile_retires_the_cached_pages(client, home_page):
    profile = ProfileFactory(display_name="Amira")
    client.get("/en/")
    before = content_version()
    profile.display_name = "Amira K."
    profile.save()
    assert content_version() > before
    assert client.get("/en/")["X-Page-Cache"] == "miss"


def test_signed_in_members_never_get_a_cached_page(client, programme):
    anonymous = client.get("/en/")
    assert "Sign in" in anonymous.text
    client.force_login(ProfileFactory().user)

    member_view = client.get("/en/")
    assert "X-Page-Cache" not in member_view
    assert "Sign out" in member_view.text
    client.logout()
    assert "Sign out" not in client.get("/en/").text


def test_member_pages_are_never_cached(client, home_page):
    client.force_login(ProfileFactory().user)
    for _ in range(2):
        response = client.get("/members/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_filters_are_cached_and_other_query_strings_are_not(client, programme):
    index = programme.get_parent().url
    client.get(index, {"status": "open"})
    assert client.get(index, {"status": "open"})["X-Page-Cache"] == "hit"
    client.get("/en/search/", {"q": "speak"})
    assert "X-Page-Cache" not in client.get("/en/search/", {"q": "speak"})


def test_the_page_cache_can_be_turned_off(client, programme, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(programme.url)
    assert "X-Page-Cache" not in client.get(programme.url)


def test_anonymous_html_is_compressed_and_members_html_is_not(client, programme):
    anonymous = client.get(programme.url, HTTP_ACCEPT_ENCODING="gzip")
    assert anonymous["Content-Encoding"] == "gzip"
    assert b"Speak Up, Lead Locally" in gzip.decompress(anonymous.content)
    client.force_login(ProfileFactory().user)
    member_view = client.get(programme.url, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in member_view


@pytest.fixture
def file_shared_cache(settings, tmp_path):
    """The shared cache as deployed without Redis: files under VAR_DIR, which every
    process of the site on this machine reads."""
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache" / "shared"),
        },
    }
    return tmp_path


def in_another_process(var_dir, code):
    """Run `code` in a new Python process of the site with VAR_DIR `var_dir`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "VAR_DIR"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="tests.served_settings", VAR_DIR=str(var_dir))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_change_made_in_another_process_retires_this_processs_pages_and_menu_at_once(
    client, programme, file_shared_cache
):
    """Without Redis each worker keeps pages and the site frame in its own memory; the
    version that retires them is in files every process reads, so a change made by
    another worker, a command or a task is seen on the very next request."""
    from wagtail.models import Page

    index = programme.get_parent()
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    # As another process does: the database changes there, and that process raises
    # the version; this process's memory hears nothing.
    Page.objects.filter(pk=index.pk).update(title="Our programmes, renamed")
    in_another_process(
        file_shared_cache, "from home.frame import bump_content_version; bump_content_version()"
    )

    page = client.get("/en/")
    assert page["X-Page-Cache"] == "miss"
    assert "Our programmes, renamed" in page.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_cached_before_a_change_commits_is_retired_when_it_commits(client, programme):
    """The version is raised as the change is saved, but other workers read the old
    rows until the transaction commits; a page one of them cached in between must not
    outlive the commit."""
    with transaction.atomic():
        programme.title = "Speak Up Together"
        programme.save_revision().publish()
        # Stands for a worker that rendered the page before the commit.
        client.get(programme.url)
        assert client.get(programme.url)["X-Page-Cache"] == "hit"
    assert client.get(programme.url)["X-Page-Cache"] == "miss"


def test_pages_are_served_fresh_when_the_shared_cache_cannot_be_read(
    client, programme, settings, tmp_path
):
    """A broken shared cache (here its directory is a file) means nobody can tell
    whether a cached page is current: pages are rendered every time, never stale."""
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(blocked / "shared"),
        },
    }
    for _ in range(2):
        response = client.get(programme.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "Speak Up, Lead Locally" in response.text
