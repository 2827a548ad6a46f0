"""The site header as people use it (issue 19 §1), at 320 and 1280 px, in English and
Arabic: what someone who is not signed in finds, and an approved member's "My page"
menu opened, walked and left with the keyboard alone, then the same menu without
JavaScript. Nothing may scroll sideways while the menu is open.
"""

import re

import pytest

from tests.browser.conftest import open_page
from tests.browser.steps import FOCUS_IS_VISIBLE, sign_in, tab_to

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (320, 1280)
MEMBER_EMAIL = "member@example.org"

# What the header says, in each language a reader may choose (the catalogues' words).
HEADER = {
    "en": {
        "navigation": "Main",
        "main": ["Programmes", "Events", "Stories", "Search"],
        "sign_in": "Sign in",
        "member": ["Members", "Messages"],
        "my_page": "My page",
        "personal": [
            "My page",
            "Edit my profile",
            "My events",
            "Mentoring",
            "My stories",
            "Newsletter",
            "Account settings",
        ],
        "sign_out": "Sign out",
    },
    "ar": {
        "navigation": "القائمة الرئيسية",
        # The demo's Programmes and Stories pages have no Arabic title yet: their English
        # titles are marked as English (UNTRANSLATED_IN_DEMO).
        "main": ["Programmes", "الفعاليات", "Stories", "بحث"],
        "sign_in": "تسجيل الدخول",
        "member": ["الأعضاء", "الرسائل"],
        "my_page": "صفحتي",
        "personal": [
            "صفحتي",
            "تعديل ملفي الشخصي",
            "فعالياتي",
            "إرشاد",
            "قصصي",
            "النشرة الإخبارية",
            "إعدادات الحساب",
        ],
        "sign_out": "تسجيل الخروج",
    },
}

UNTRANSLATED_IN_DEMO = {"ar": ["Programmes", "Stories"]}

# The header's own links, in the order they are read: not the ones inside "My page".
TOP_LINKS = "el => [...el.querySelectorAll(':scope > ul > li > a')].map(a => a.innerText.trim())"

# How far the document and the open menu reach beyond the window, in pixels.
OVERFLOW = """() => {
    const menu = document.querySelector('.personal-menu__list');
    const box = menu ? menu.getBoundingClientRect() : null;
    return {
        document: document.documentElement.scrollWidth - window.innerWidth,
        menu: box ? Math.max(box.right - window.innerWidth, -box.left, 0) : 0,
    };
}"""


def header_of(page, lang):
    return page.get_by_role("navigation", name=HEADER[lang]["navigation"], exact=True)


def assert_nothing_scrolls_sideways(page, where):
    overflow = page.evaluate(OVERFLOW)
    assert overflow["document"] <= 0, f"{where}: the page scrolls sideways by {overflow}"
    assert overflow["menu"] <= 0.5, f"{where}: the menu sticks out of the window by {overflow}"


def test_anyone_finds_programmes_events_stories_search_and_sign_in_in_the_header(
    browser, demo_site, foreign_requests
):
    page = open_page(browser, demo_site, foreign_requests, {"width": 320, "height": 740})
    for lang, words in HEADER.items():
        for width in WIDTHS:
            where = f"{lang} at {width} px"
            page.set_viewport_size({"width": width, "height": 740})
            page.goto(f"{demo_site.url}/{lang}/")
            expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
            header = header_of(page, lang)
            assert header.evaluate(TOP_LINKS) == [*words["main"], words["sign_in"]], where
            for label in [*words["main"], words["sign_in"]]:
                expect(header.get_by_role("link", name=label, exact=True)).to_be_visible()
            for label in UNTRANSLATED_IN_DEMO.get(lang, []):
                link = header.get_by_role("link", name=label, exact=True)
                expect(link).to_have_attribute("lang", "en")
            expect(header.get_by_text(words["my_page"], exact=True)).to_have_count(0)
            assert_nothing_scrolls_sideways(page, where)
            # Sign in leads to the sign-in form.
            header.get_by_role("link", name=words["sign_in"], exact=True).click()
            expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.context.close()
    assert foreign_requests == []


def focused_element(page):
    return page.evaluate_handle("document.activeElement")


def outline_style(element):
    return element.evaluate("el => getComputedStyle(el).outlineStyle")


def test_member_opens_my_page_with_the_keyboard_walks_its_links_and_signs_out(
    browser, demo_site, foreign_requests
):
    for lang, words in HEADER.items():
        for width in WIDTHS:
            where = f"{lang} at {width} px"
            page = open_page(browser, demo_site, foreign_requests, {"width": width, "height": 740})
            sign_in(page, demo_site.url, MEMBER_EMAIL)
            page.goto(f"{demo_site.url}/{lang}/")
            header = header_of(page, lang)
            assert header.evaluate(TOP_LINKS) == [*words["main"], *words["member"]], where
            expect(header.get_by_role("link", name=words["sign_in"], exact=True)).to_have_count(0)
            menu = header.locator("details")
            expect(menu.locator("summary")).to_have_text(words["my_page"])
            expect(menu.get_by_role("link", name=words["personal"][1])).to_be_hidden()

            # Tab to "My page" and open it with Enter.
            unmarked = []
            summary = tab_to(page, "el => el.matches('details > summary')", unmarked)
            assert outline_style(summary) != "none", where
            page.keyboard.press("Enter")
            expect(menu).to_have_attribute("open", "")
            assert_nothing_scrolls_sideways(page, where)

            # Every link of the menu, then Sign out, comes next with Tab, each visibly focused.
            for label in [*words["personal"], words["sign_out"]]:
                page.keyboard.press("Tab")
                focused = focused_element(page)
                assert focused.evaluate("el => el.innerText.trim()") == label, where
                assert focused.evaluate("el => el.closest('details') !== null"), where
                assert outline_style(focused) != "none", f"{where}: {label}"
                if not focused.evaluate(FOCUS_IS_VISIBLE):
                    unmarked.append(label)
                assert focused.evaluate("el => el.getBoundingClientRect().width > 0"), label
            assert unmarked == [], f"{where}: focus not visible on {unmarked}"
            assert_nothing_scrolls_sideways(page, where)

            # Enter on Sign out posts the form, and the member is signed out.
            with (
                page.expect_navigation(),
                page.expect_request(lambda request: "/accounts/logout/" in request.url) as sent,
            ):
                page.keyboard.press("Enter")
            assert sent.value.method == "POST", where
            page.goto(f"{demo_site.url}/{lang}/")
            header = header_of(page, lang)
            expect(header.get_by_role("link", name=words["sign_in"], exact=True)).to_be_visible()
            expect(header.locator("details")).to_have_count(0)
            page.goto(f"{demo_site.url}/members/me/")
            expect(page).to_have_url(re.compile(r"/accounts/login/"))
            page.context.close()
    assert foreign_requests == []


def test_my_page_opens_and_signs_out_without_javascript(browser, demo_site, foreign_requests):
    from django.urls import reverse

    my_events = reverse("members:my_events")
    for lang, width in (("en", 320), ("ar", 320), ("ar", 1280)):
        where = f"{lang} at {width} px"
        page = open_page(
            browser,
            demo_site,
            foreign_requests,
            {"width": width, "height": 740},
            java_script_enabled=False,
        )
        sign_in(page, demo_site.url, MEMBER_EMAIL)
        # The language chosen, so that the member pages speak it too.
        page.goto(f"{demo_site.url}/language/{lang}/?next=/{lang}/")
        words = HEADER[lang]
        header = header_of(page, lang)
        menu = header.locator("details")
        events_link = menu.get_by_role("link", name=words["personal"][2], exact=True)
        expect(events_link).to_be_hidden()
        menu.locator("summary").click()
        expect(menu).to_have_attribute("open", "")
        expect(events_link).to_be_visible()
        assert_nothing_scrolls_sideways(page, where)
        events_link.click()
        expect(page).to_have_url(re.compile(re.escape(my_events) + "$"))

        header = header_of(page, lang)
        header.locator("details > summary").click()
        with page.expect_navigation():
            header.get_by_role("button", name=words["sign_out"], exact=True).click()
        page.goto(f"{demo_site.url}/{lang}/")
        expect(header_of(page, lang).get_by_role("link", name=words["sign_in"])).to_be_visible()
        page.context.close()
    assert foreign_requests == []
