"""Anonymous pages come from the shared cache; any visible change is seen at once;
members never receive a shared page."""

import gzip

import pytest

from home.frame import content_version
from tests.factories import ProgrammePageFactory
from tests.members.factories import EventFactory, ProfileFactory


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


def test_a_change_made_by_another_worker_reaches_the_menu_within_the_page_lifetime(
    client, programme, settings
):
    """Without Redis each worker process keeps its own cache and never hears of another's
    change; its site frame (the menu) must then expire as soon as a cached page does,
    not after a day."""
    import time

    from wagtail.models import Page

    settings.PAGE_CACHE_SECONDS = 1
    index = programme.get_parent()
    assert index.title in client.get("/en/").text
    # As another process would: the database changes, this process's cache hears nothing.
    Page.objects.filter(pk=index.pk).update(title="Our programmes, renamed")
    assert "Our programmes, renamed" not in client.get("/en/").text
    time.sleep(1.2)
    assert "Our programmes, renamed" in client.get("/en/").text
