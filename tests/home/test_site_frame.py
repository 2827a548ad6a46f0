"""The frame every page shares: landmarks, one h1, language, no third parties, weight."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Locale, Site

from home.models import SiteSettings, SiteTexts
from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html):
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


@pytest.fixture
def programme(programme_index):
    page = ProgrammePageFactory(parent=programme_index, title="Speak Up")
    for number in range(10):
        ProgrammeSessionFactory(page=page, title=f"Session number {number}")
    return page


@pytest.fixture
def public_urls(home_page, programme_index, programme):
    return [home_page.url, programme_index.url, programme.url, "/en/does-not-exist/"]


def test_every_page_has_landmarks_skip_link_and_exactly_one_h1(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        tags = parse(response.text)
        names = [name for name, _attrs in tags]
        assert names.count("h1") == 1, url
        assert {"header", "main", "footer", "nav"} <= set(names), url
        skip = next(attrs for name, attrs in tags if name == "a")
        assert skip.get("href") == "#main", url
        assert any(name == "main" and attrs.get("id") == "main" for name, attrs in tags)


def test_pages_declare_language_and_direction(client, home_page):
    response = client.get(home_page.url)
    assert re.search(r'<html lang="en" dir="ltr">', response.text)


def test_pages_load_nothing_from_another_host(client, public_urls):
    for url in public_urls:
        html = client.get(url).text
        for name, attrs in parse(html):
            if name in {"script", "img", "iframe"} or (
                name == "link" and attrs.get("rel") == "stylesheet"
            ):
                source = attrs.get("src") or attrs.get("href") or ""
                assert not source.startswith(("http:", "https:", "//")), (url, source)
        # JSON-LD is data for search engines, never executed; anything else is a script.
        without_data = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html)
        assert "<script" not in without_data, "pages work without any script"


def test_programme_page_with_css_weighs_under_150_kb(client, programme):
    html = client.get(programme.url).content
    css = open(finders.find("css/site.css"), "rb").read()  # noqa: SIM115
    assert len(html) + len(css) < 150 * 1024


def test_menu_lists_the_programme_index_and_marks_the_current_section(client, programme):
    response = client.get(programme.url)
    assert re.search(r'<a href="/en/programmes/" aria-current="page">Programmes</a>', response.text)


def test_footer_shows_the_organisation_settings_editors_chose(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.texts = SiteTexts.objects.create(
        locale=Locale.get_default(), organisation_name="Network of Active Citizens"
    )
    settings.contact_email = "team@example.org"
    settings.social_links.create(label="Mastodon", url="https://social.example.org/@acn")
    settings.save()
    html = client.get(home_page.url).text
    assert "Network of Active Citizens" in html
    assert 'href="mailto:team@example.org"' in html
    assert 'href="https://social.example.org/@acn"' in html


def test_unknown_address_is_a_friendly_404(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "We cannot find that page" in response.text


def test_home_page_says_so_when_no_programme_is_open(client, home_page):
    response = client.get(home_page.url)
    assert "No programme is taking applications right now." in response.text


def test_browser_language_does_not_mislabel_english_content(client, home_page):
    response = client.get(home_page.url, HTTP_ACCEPT_LANGUAGE="zh-hant,zh;q=0.9")
    assert '<html lang="en" dir="ltr">' in response.text
