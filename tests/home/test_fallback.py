"""One fallback rule everywhere: the translation where it exists, otherwise the source
at the reader's own URL, marked `lang="en" dir="ltr"` and announced in the reader's
language; never a 404 for content that exists, never a withdrawn story."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from home.i18n import translate_page
from stories.services.consent import withdraw_consent
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

CHINESE_NOTICE = "本頁尚未翻譯成您的語言，因此以英文顯示。"
ARABIC_NOTICE = "لم تُترجم هذه الصفحة إلى لغتك بعد، لذلك تُعرض باللغة الإنجليزية."


@pytest.fixture
def stories(home_page):
    """A Chinese home page, but an untranslated story index and stories."""
    index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=index, title="Finding my voice", slug="finding-my-voice")
    translate_page(home_page, "zh-hant", {"Home": "主頁"})
    return index, story


def links(html: str) -> set[str]:
    return {a["href"] for a in BeautifulSoup(html, "html.parser").select("main a[href]")}


def test_untranslated_section_is_served_at_the_readers_url_in_english_marked_and_announced(
    client, stories
):
    response = client.get("/zh-hant/stories/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="zh-hant" dir="ltr">' in html
    assert CHINESE_NOTICE in html
    assert 'lang="en" dir="ltr">Finding my voice</a>' in html
    assert "/zh-hant/stories/finding-my-voice/" in links(html)
    assert not any(link.startswith("/en/") for link in links(html))


def test_untranslated_story_is_served_at_the_readers_url(client, stories):
    response = client.get("/zh-hant/stories/finding-my-voice/")
    assert response.status_code == 200
    assert CHINESE_NOTICE in response.text
    assert 'lang="en" dir="ltr"' in response.text


def test_arabic_reader_stays_on_arabic_urls_where_nothing_is_translated(client, stories):
    html = client.get("/ar/stories/").text
    assert ARABIC_NOTICE in html
    assert '<html lang="ar" dir="rtl">' in html
    assert "/ar/stories/finding-my-voice/" in links(html)
    menu = BeautifulSoup(html, "html.parser").select("header nav a[href]")
    assert "/ar/stories/" in {a["href"] for a in menu}


def test_english_reader_sees_no_notice(client, stories):
    html = client.get("/en/stories/").text
    assert "untranslated-notice" not in html
    assert "untranslated-note" not in html


def test_translated_story_is_shown_in_the_readers_language_without_a_notice(client, stories):
    index, story = stories
    translate_page(index, "zh-hant", {"Stories": "故事"})
    translate_page(story, "zh-hant", {"Finding my voice": "找到自己的聲音"})
    html = client.get("/zh-hant/stories/finding-my-voice/").text
    assert "找到自己的聲音" in html
    assert CHINESE_NOTICE not in html


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feeds_exist_in_every_language_and_link_to_that_languages_urls(client, stories, feed):
    for language in ("zh-hant", "ar"):
        response = client.get(f"/{language}/stories/feed/{feed}/")
        assert response.status_code == 200
        assert f"http://testserver/{language}/stories/finding-my-voice/" in response.text
        assert "http://testserver/en/" not in response.text


def test_a_withdrawn_story_reappears_through_no_fallback(client, stories):
    index, story = stories
    translate_page(index, "ar", {})
    translate_page(story, "ar", {"Finding my voice": "وجدت صوتي"})
    assert client.get("/ar/stories/finding-my-voice/").status_code == 200
    withdraw_consent(story)
    for language in ("en", "zh-hant", "ar", "ro"):
        assert client.get(f"/{language}/stories/finding-my-voice/").status_code == 404
        assert "finding-my-voice" not in client.get(f"/{language}/stories/").text
        assert "finding-my-voice" not in client.get(f"/{language}/stories/feed/rss/").text


def test_a_draft_translation_is_never_served_and_the_source_stands_in(client, stories):
    index, story = stories
    translate_page(index, "ar", {})
    translate_page(story, "ar", {"Finding my voice": "وجدت صوتي"})
    story.get_translation(Locale.objects.get(language_code="ar")).unpublish()
    html = client.get("/ar/stories/finding-my-voice/").text
    assert "وجدت صوتي" not in html
    assert ARABIC_NOTICE in html


def test_sitemap_lists_every_page_in_every_language_with_hreflang_alternates(client, stories):
    index, story = stories
    translate_page(index, "zh-hant", {"Stories": "故事"})
    translate_page(story, "zh-hant", {"Finding my voice": "找到自己的聲音"})
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = {
        url.find("s:loc", namespaces).text: url for url in tree.findall("s:url", namespaces)
    }
    for language in ("en", "zh-hant", "ar", "ro", "pl", "uk"):
        assert f"http://testserver/{language}/stories/finding-my-voice/" in locations
    entry = locations["http://testserver/ar/stories/finding-my-voice/"]
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.findall("x:link", namespaces)
    }
    assert alternates["zh-hant"] == "http://testserver/zh-hant/stories/finding-my-voice/"
    assert alternates["en"] == "http://testserver/en/stories/finding-my-voice/"
    assert alternates["x-default"] == "http://testserver/stories/finding-my-voice/"
    assert len(alternates) == 7
