"""A multilingual site: locale URLs, the switcher, hreflang, translated content."""

import re
from datetime import time

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from home.i18n import sync_translations, translate_page
from programmes.models import ProgrammeSession
from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory, london

HTML_TAG = re.compile(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">")


@pytest.fixture
def programme(programme_index):
    page = ProgrammePageFactory(parent=programme_index, title="Speak Up", slug="speak-up")
    ProgrammeSessionFactory(page=page, title="Campaigning basics", start_time=time(14))
    page.save_revision().publish()
    return page


@pytest.fixture
def chinese_site(home_page, programme_index, programme):
    translate_page(home_page, "zh-hant", {"Home": "主頁"})
    translate_page(programme_index, "zh-hant", {"Programmes": "課程"})
    translate_page(
        programme,
        "zh-hant",
        {"Speak Up": "發聲", "Campaigning basics": "倡議入門"},
    )
    return programme.get_translation(Locale.objects.get(language_code="zh-hant"))


@pytest.mark.parametrize(
    ("language", "direction"),
    [("en", "ltr"), ("zh-hant", "ltr"), ("ar", "rtl"), ("ro", "ltr"), ("pl", "ltr"), ("uk", "ltr")],
)
def test_each_language_home_page_declares_its_language_and_direction(
    client, home_page, language, direction
):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert HTML_TAG.search(response.text).groups() == (language, direction)


def test_root_address_sends_readers_to_their_browser_language(client, home_page):
    assert client.get("/")["Location"] == "/en/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-Hant-HK,zh;q=0.9,en;q=0.5")
    assert response["Location"] == "/zh-hant/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar")["Location"] == "/ar/"


def test_translated_page_is_served_at_its_locale_url_with_the_translated_text(client, chinese_site):
    assert chinese_site.url == "/zh-hant/programmes/speak-up/"
    response = client.get(chinese_site.url)
    assert response.status_code == 200
    assert "發聲" in response.text
    assert "倡議入門" in response.text
    assert HTML_TAG.search(response.text).groups() == ("zh-hant", "ltr")


def test_translation_keeps_the_source_schedule_and_deadline_in_sync(client, chinese_site):
    source = chinese_site.get_translation(Locale.get_default()).specific
    source.application_deadline = london(source.start_date.replace(day=1), 23, 59)
    new_date = source.start_date
    source.sessions.add(
        ProgrammeSession(
            date=new_date, start_time=time(16), end_time=time(17, 30), title="Media training"
        )
    )
    source.save_revision().publish()
    assert sync_translations(source) == 1

    translated = chinese_site.specific.__class__.objects.get(pk=chinese_site.pk)
    assert translated.application_deadline == source.application_deadline
    assert sorted(s.start_time for s in translated.sessions.all()) == [time(14), time(16)]
    assert {s.date for s in translated.sessions.all()} == {new_date}
    response = client.get(translated.url)
    assert "Media training" in response.text  # not yet translated: the source text


def test_switcher_leads_to_the_same_page_in_another_language(client, chinese_site, programme):
    response = client.get(programme.url)
    link = reverse("switch_language", args=["zh-hant"]) + "?next=/zh-hant/programmes/speak-up/"
    assert f'href="{link}"' in response.text
    followed = client.get("/language/zh-hant/", {"next": "/zh-hant/programmes/speak-up/"})
    assert followed.status_code == 302
    assert followed["Location"] == "/zh-hant/programmes/speak-up/"
    assert followed.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hant"


def test_switcher_leads_to_the_language_home_page_where_no_translation_exists(
    client, chinese_site, programme
):
    response = client.get(programme.url)
    assert 'href="/language/ar/?next=/ar/"' in response.text


def test_switcher_remembers_the_choice_for_the_root_address(client, home_page):
    client.get("/language/ar/", {"next": "/ar/"})
    assert client.get("/")["Location"] == "/ar/"


def test_switcher_never_redirects_to_another_site(client, home_page):
    response = client.get("/language/pl/", {"next": "https://evil.example.org/"})
    assert response["Location"] == "/pl/"
    client.cookies.clear()
    assert client.get("/language/xx/", follow=True).status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies


def test_translated_page_links_its_translations_with_hreflang(client, chinese_site, programme):
    html = client.get(programme.url).text
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/programmes/speak-up/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="zh-hant" href="http://testserver/zh-hant/programmes/speak-up/">'
        in html
    )
    assert 'hreflang="x-default" href="http://testserver/en/programmes/speak-up/"' in html


def test_untranslated_page_has_no_hreflang_alternates(client, programme):
    assert 'rel="alternate" hreflang' not in client.get(programme.url).text


def test_chinese_listing_shows_english_where_untranslated_and_marks_its_language(
    client, chinese_site, programme_index
):
    ProgrammePageFactory(parent=programme_index, title="Lead Locally", slug="lead-locally")
    html = client.get("/zh-hant/programmes/").text
    assert "發聲" in html
    assert "Lead Locally" in html
    # An untranslated programme keeps the reader's language in its address (the site
    # serves it there in English, marked), and its title and summary are marked.
    card = r'<article class="card">\s*<h2 class="card__title"><a href="{}"{}>'
    assert re.search(card.format("/zh-hant/programmes/lead-locally/", ' lang="en" dir="ltr"'), html)
    assert re.search(card.format("/zh-hant/programmes/speak-up/", ""), html)


def test_chinese_listing_query_count_does_not_grow_with_untranslated_programmes(
    client, chinese_site, programme_index
):
    def count():
        client.get("/zh-hant/programmes/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/zh-hant/programmes/").status_code == 200
        return len(queries)

    ProgrammePageFactory(parent=programme_index)
    few = count()
    for _ in range(10):
        ProgrammePageFactory(parent=programme_index)
    assert count() == few


def test_menu_shows_the_translated_section_title(client, chinese_site):
    html = client.get("/zh-hant/").text
    assert '<a href="/zh-hant/programmes/">課程</a>' in html


def test_deadline_reads_naturally_in_chinese_and_arabic(client, chinese_site, programme):
    programme.application_deadline = london(programme.start_date.replace(day=1), 23, 59)
    programme.save_revision().publish()
    sync_translations(programme)
    deadline = programme.application_deadline
    chinese = client.get("/zh-hant/programmes/speak-up/").text
    assert f"{deadline.year}年{deadline.month}月{deadline.day}日" in chinese
    arabic = client.get("/ar/programmes/speak-up/").text
    assert "11:59 م" in arabic  # CLDR's Arabic clock, Latin digits (home/l10n.py)
    assert HTML_TAG.search(arabic).groups() == ("ar", "rtl")
    assert 'class="wrap programme" lang="en" dir="ltr"' in arabic


@pytest.fixture
def chinese_stories(chinese_site, home_page):
    from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

    index = StoryIndexPageFactory(parent=home_page)
    translated = StoryPageFactory(parent=index, title="Finding my voice", slug="finding-my-voice")
    translate_page(index, "zh-hant", {"Stories": "故事"})
    translate_page(translated, "zh-hant", {"Finding my voice": "找到自己的聲音"})
    return index, StoryPageFactory


def test_chinese_story_list_falls_back_to_english_per_story_with_a_fixed_query_count(
    client, chinese_stories
):
    index, story_factory = chinese_stories

    def render():
        client.get("/zh-hant/stories/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/zh-hant/stories/")
        return response, len(queries)

    story_factory(parent=index, title="Untranslated one")
    response, few = render()
    assert "找到自己的聲音" in response.text
    assert "Untranslated one" in response.text
    for number in range(8):
        story_factory(parent=index, title=f"Another {number}")
    response, many = render()
    assert "Another 7" in response.text
    assert many == few


def test_chinese_story_feed_lists_every_story_in_the_best_language(client, chinese_stories):
    index, story_factory = chinese_stories
    story_factory(parent=index, title="Untranslated one")
    feed = client.get("/zh-hant/stories/feed/rss/").text
    assert "找到自己的聲音" in feed
    assert "Untranslated one" in feed
