"""Search in every script, each result once, in the reader's language where it exists."""

import pytest
from bs4 import BeautifulSoup

from home.i18n import translate_page
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory


@pytest.fixture
def story_index(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    for language in ("zh-hant", "ar"):
        translate_page(home_page, language, {})
        translate_page(index, language, {})
    return index


def results(client, language: str, query: str) -> list[tuple[str, str]]:
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    return [(a.get_text(strip=True), a["href"]) for a in soup.select(".search-results__title a")]


def test_chinese_words_are_found_inside_chinese_text_without_spaces(client, story_index):
    story = StoryPageFactory(
        parent=story_index,
        title="Growing up between two cities",
        slug="two-cities",
        introduction="How I found my voice.",
        body=[("paragraph", "<p>I grew up in two cities.</p>")],
    )
    translate_page(
        story,
        "zh-hant",
        {
            "Growing up between two cities": "在兩個城市之間長大",
            "How I found my voice.": "我在香港長大，後來搬到倫敦。",
            "I grew up in two cities.": "我在香港的社區中心學會了組織活動。",
        },
    )
    StoryPageFactory(parent=story_index, title="Something else", introduction="Nothing here.")
    assert results(client, "zh-hant", "香港") == [
        ("在兩個城市之間長大", "/zh-hant/stories/two-cities/")
    ]
    assert results(client, "zh-hant", "社區中心") == [
        ("在兩個城市之間長大", "/zh-hant/stories/two-cities/")
    ]


@pytest.mark.parametrize(
    ("written", "query"),
    [("القيادة المجتمعية", "القِيادة"), ("القِيادة المُجتمعية", "القيادة")],
    ids=["query-with-marks", "text-with-marks"],
)
def test_arabic_is_found_with_or_without_diacritics(client, story_index, written, query):
    story = StoryPageFactory(
        parent=story_index, title="Leading locally", slug="leading", introduction="Leading."
    )
    translate_page(story, "ar", {"Leading locally": "قيادة محلية", "Leading.": written})
    assert results(client, "ar", query) == [("قيادة محلية", "/ar/stories/leading/")]


def test_a_story_found_in_two_languages_is_listed_once_in_the_readers_language(client, story_index):
    story = StoryPageFactory(
        parent=story_index,
        title="Leadership in practice",
        slug="leadership",
        introduction="Leadership for new arrivals.",
    )
    # The Arabic translation keeps the English introduction: both versions match.
    translate_page(story, "ar", {"Leadership in practice": "القيادة في الممارسة"})
    assert results(client, "ar", "leadership") == [
        ("القيادة في الممارسة", "/ar/stories/leadership/")
    ]
    assert results(client, "en", "leadership") == [
        ("Leadership in practice", "/en/stories/leadership/")
    ]


def test_an_untranslated_match_is_shown_in_english_marked_at_the_readers_url(client, story_index):
    StoryPageFactory(parent=story_index, title="Allotment days", slug="allotment-days")
    response = client.get("/zh-hant/search/", {"q": "allotment"})
    assert 'href="/zh-hant/stories/allotment-days/" lang="en" dir="ltr">Allotment days' in (
        response.text
    )
    assert "尚未翻譯：以英文顯示。" in response.text
