"""axe-core finds no WCAG 2.x A/AA violation and pages stay light, in three scripts."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, open_page

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/programmes/",
    "/{lang}/programmes/hkmap-2023/",
    "/{lang}/stories/",
    "/{lang}/stories/finding-my-voice-at-the-town-hall/",
    "/{lang}/search/?q=campaign",
    "/{lang}/events/",
    "/{lang}/events/calendar/",
    "/{lang}/events/past/",
    "/accounts/login/",
    "/accounts/signup/",
    "/newsletter/",
]
MEMBER_PAGES = [
    "/members/",
    "/members/me/",
    "/members/me/profile/",
    "/members/me/stories/",
    "/members/me/stories/new/",
    "/members/events/",
    "/members/events/propose/",
]
WEIGHT_LIMIT = 150 * 1024


def violations(page):
    result = axe_module.Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        (v["id"], [node["target"] for node in v["nodes"]][:3])
        for v in result.response["violations"]
    ]


def sign_in(page, base, email="member@example.org"):
    from home.demo import DEMO_PASSWORD

    page.goto(base + "/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_no_accessibility_violations_in_english_chinese_and_arabic(
    browser, demo_site, foreign_requests, viewport
):
    found = {}
    for lang in ("en", "zh-hant", "ar"):
        page = open_page(browser, demo_site, foreign_requests, viewport)
        page.goto(f"{demo_site.url}/language/{lang}/?next=/{lang}/")
        for path in PUBLIC_PAGES:
            page.goto(demo_site.url + path.format(lang=lang))
            if problems := violations(page):
                found[(lang, path)] = problems
        sign_in(page, demo_site.url)
        for path in MEMBER_PAGES:
            page.goto(demo_site.url + path)
            if problems := violations(page):
                found[(lang, path)] = problems
        page.context.close()
    assert found == {}
    assert foreign_requests == []


def test_each_page_type_weighs_under_150_kb_without_images(browser, demo_site, foreign_requests):
    page = open_page(browser, demo_site, foreign_requests, PHONE)
    weights = {}
    for path in PUBLIC_PAGES:
        sizes = []

        def record(response, sizes=sizes):
            if response.request.resource_type in {"document", "stylesheet", "script"}:
                sizes.append(len(response.body()))

        page.on("response", record)
        page.goto(demo_site.url + path.format(lang="en"))
        page.wait_for_load_state("networkidle")
        page.remove_listener("response", record)
        weights[path] = sum(sizes)
    page.context.close()
    assert {path: size for path, size in weights.items() if size > WEIGHT_LIMIT} == {}
