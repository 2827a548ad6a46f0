"""The words of the site settings (name, tagline, footer and newsletter texts) are a
translatable snippet: each reads in the reader's language where translated, and in
English, marked as English, one by one where not."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from home.demo_translations import translate
from home.models import SiteSettings, SiteTexts

TEXTS = {
    "organisation_name": "Active Citizens Network",
    "tagline": "Leadership for migrants and refugees",
    "footer_text": "Run by a small team of volunteers.",
    "newsletter_text": "One email a month about new programmes.",
}


@pytest.fixture
def site_texts(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.texts = SiteTexts.objects.create(locale=Locale.get_default(), **TEXTS)
    settings.save()
    return settings.texts


def test_each_text_falls_back_to_english_on_its_own_and_says_so(client, site_texts):
    translate(
        site_texts,
        "zh-hant",
        {
            "Active Citizens Network": "積極公民網絡",
            "Run by a small team of volunteers.": "由一小群義工營運。",
        },
    )
    html = client.get("/zh-hant/").text
    assert '<span class="site-name__name">積極公民網絡</span>' in html
    assert '<p class="site-footer__about">由一小群義工營運。</p>' in html
    # The tagline was not translated: English, marked so that it is read as English.
    assert (
        '<span class="site-name__tagline" lang="en" dir="ltr">'
        "Leadership for migrants and refugees</span>"
    ) in html
    assert re.search(r"© \d{4} 積極公民網絡<", html)
    english = client.get("/en/").text
    assert '<span class="site-name__name">Active Citizens Network</span>' in english
    assert "積極公民網絡" not in english


def test_newsletter_page_shows_the_newsletter_text_in_the_reader_language(client, site_texts):
    translate(
        site_texts, "ar", {TEXTS["newsletter_text"]: "رسالة واحدة في الشهر عن البرامج الجديدة."}
    )
    client.cookies["acn_language"] = "ar"
    html = client.get("/newsletter/").text
    assert "<p>رسالة واحدة في الشهر عن البرامج الجديدة.</p>" in html
    client.cookies["acn_language"] = "pl"
    html = client.get("/newsletter/").text
    assert f'<p lang="en" dir="ltr">{TEXTS["newsletter_text"]}</p>' in html


def test_a_site_without_texts_still_names_the_organisation(client, home_page):
    html = client.get("/ar/").text
    assert "Active Citizens Network" in html


def test_translated_texts_cost_no_query_on_a_page(client, site_texts):
    def queries() -> int:
        client.get("/ar/")  # the site frame, with the texts of every language, is built
        with CaptureQueriesContext(connection) as captured:
            client.get("/ar/")
        return len(captured)

    before = queries()
    translate(site_texts, "ar", {"Active Citizens Network": "شبكة المواطنين الفاعلين"})
    assert "شبكة المواطنين الفاعلين" in client.get("/ar/").text
    assert queries() == before
