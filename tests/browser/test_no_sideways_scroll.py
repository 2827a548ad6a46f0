"""No page scrolls sideways on a phone (issue 19 §3): every page type, public and
member, in English and Arabic, at 320 and 360 px. A page fails when the document is
wider than the window; the failure names the elements that stick out, and by how much.
"""

import pytest

from tests.browser.conftest import open_page
from tests.browser.test_accessibility import demo_values, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (320, 360)
LANGUAGES = ("en", "ar")

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/programmes/",
    "/{lang}/programmes/speak-up-lead-locally/",
    "/{lang}/programmes/speak-up-lead-locally/apply/",
    "/{lang}/stories/",
    "/{lang}/stories/finding-my-voice-at-the-town-hall/",
    "/{lang}/events/",
    "/{lang}/events/{event}/",
    "/{lang}/events/calendar/",
    "/{lang}/search/?q=campaign",
    "/members/privacy/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
]
MEMBER_PAGES = [
    "/members/",
    "/members/{profile}/",
    "/members/me/profile/",
    "/members/events/",
    "/members/events/propose/",
    "/members/mentoring/",
    "/members/me/stories/new/",
    "/members/me/data/",
    "/{lang}/events/{event}/",
    "/{lang}/events/calendar/",
]

# The document's overflow, and the outermost elements beyond the window's edges.
MEASURE = """() => {
    const width = window.innerWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(el).position === 'fixed') continue;
        const over = Math.max(box.right - width, -box.left);
        if (over > 0.5 && !(el.parentElement && wide.some(w => w.el.contains(el)))) {
            let inScroller = false;
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) {
                    inScroller = true; break;
                }
            }
            if (!inScroller) wide.push({el, over: Math.round(over)});
        }
    }
    const classes = el => typeof el.className === 'string' && el.className.trim()
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes(el);
    return {
        scroll: document.documentElement.scrollWidth,
        width,
        wide: wide.slice(0, 5).map(w => [describe(w.el), w.over]),
    };
}"""


def too_wide(page):
    measured = page.evaluate(MEASURE)
    if measured["scroll"] > measured["width"]:
        return {"by": measured["scroll"] - measured["width"], "elements": measured["wide"]}
    return None


def walk(page, base, lang, patterns, values, found):
    for pattern in patterns:
        url = base + pattern.format(lang=lang, **values)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 740})
            page.goto(url)
            if problem := too_wide(page):
                found[(lang, width, pattern)] = problem


def test_no_page_scrolls_sideways_at_320_and_360_px(browser, demo_site, foreign_requests):
    values = demo_values()
    found = {}
    for lang in LANGUAGES:
        for who, patterns in ((None, PUBLIC_PAGES), ("member", MEMBER_PAGES)):
            page = open_page(browser, demo_site, foreign_requests, {"width": 320, "height": 740})
            if who:
                sign_in(page, demo_site.url, f"{who}@example.org")
            page.goto(f"{demo_site.url}/language/{lang}/?next=/{lang}/")
            walk(page, demo_site.url, lang, patterns, values, found)
            page.context.close()
    for key, problem in sorted(found.items()):
        print(key, problem)
    assert found == {}
    assert foreign_requests == []
