"""Every page type, in three scripts and at two widths: axe-core finds no WCAG 2.x A/AA
violation, no page asks another host for anything, and each page type stays light.

One walk through the site: each visit gives axe's verdict at both widths (the window is
resized, not reloaded), the weight of the page and the guard against other hosts.
"""

import contextlib

import pytest

from tests.browser.conftest import DESKTOP, PHONE, open_page

playwright_api = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGUAGES = ("en", "zh-hant", "ar")
WEIGHT_LIMIT = 150 * 1024
WEIGHED = {"document", "stylesheet", "script"}

# Pages anyone can open: {lang} is the language prefix, {event}, {profile} and {token}
# are filled in from the demo content.
PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/programmes/",
    "/{lang}/programmes/hkmap-2023/",
    "/{lang}/programmes/speak-up-lead-locally/",
    "/{lang}/programmes/speak-up-lead-locally/apply/",
    "/{lang}/applications/offer/{token}/",
    "/{lang}/stories/",
    "/{lang}/stories/finding-my-voice-at-the-town-hall/",
    "/{lang}/search/?q=campaign",
    "/{lang}/search/?q=",
    "/{lang}/events/",
    "/{lang}/events/calendar/",
    "/{lang}/events/past/",
    "/{lang}/events/{event}/",
    "/{lang}/no-such-page/",
    "/members/{public_profile}/",
    "/members/privacy/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/newsletter/",
    "/newsletter/?sent=1",
    "/newsletter/confirm/{token}/",
    "/newsletter/unsubscribe/{token}/",
]
# Pages an approved member opens once signed in.
MEMBER_PAGES = [
    "/members/",
    "/members/?skill=campaigning",
    "/members/me/",
    "/members/me/profile/",
    "/members/me/stories/",
    "/members/me/stories/new/",
    "/members/me/data/",
    "/members/me/delete/",
    "/members/privacy/",
    "/members/skills/campaigning/",
    "/members/{profile}/",
    "/members/{profile}/message/",
    "/members/{profile}/report/",
    "/members/mentoring/",
    "/members/mentoring/offer/",
    "/members/mentoring/looking/",
    "/members/mentoring/mentors/",
    "/members/mentoring/pairs/{pair}/",
    "/members/events/",
    "/members/events/propose/",
    "/members/events/{own_event}/edit/",
    "/members/events/{own_event}/attendees/",
    "/{lang}/events/{event}/",
    "/accounts/email/",
    "/accounts/password/change/",
]
# What a person who has signed up but is not yet approved sees.
PENDING_PAGES = ["/members/", "/members/me/"]


def demo_values():
    from django.db import models
    from django.utils import timezone

    from members.models import Event, EventState, Mentorship, MentorshipStatus, Profile

    member = Profile.objects.get(user__email="member@example.org")
    upcoming = Event.objects.filter(state=EventState.PUBLISHED, starts_at__gt=timezone.now())
    approved = Profile.objects.filter(status="approved").exclude(pk=member.pk)
    return {
        "event": upcoming.exclude(organiser=member.user).order_by("starts_at").first().public_id,
        "own_event": upcoming.filter(organiser=member.user).first().public_id,
        "profile": approved.filter(visibility="members").first().public_id,
        "public_profile": approved.filter(visibility="public").first().public_id,
        "token": "no-such-token",
        "pair": Mentorship.objects.filter(status=MentorshipStatus.ACTIVE)
        .filter(models.Q(mentor=member.user) | models.Q(mentee=member.user))
        .first()
        .public_id,
    }


AXE = axe_module.Axe()
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}


def violations(page):
    """axe-core's WCAG A/AA violations on the page as it is now, with a few of their targets.

    axe is injected once per document, so the page can be checked again after a resize."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
    return page.evaluate(
        """options => axe.run(document, options).then(results => results.violations.map(
            v => [v.id, v.nodes.slice(0, 3).map(node => node.target)]))""",
        AXE_OPTIONS,
    )


def sign_in(page, base, email):
    from home.demo import DEMO_PASSWORD

    page.goto(base + "/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()


class Walk:
    """Visits pages in one browser window, noting axe's findings and each page's weight."""

    def __init__(self, page, base, values):
        self.page, self.base, self.values = page, base, values
        self.found, self.weights, self.sizes = {}, {}, []
        page.on("response", self.record)
        # Weigh what a first visit costs: nothing comes from the browser's cache.
        page.context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})

    def record(self, response):
        if response.request.resource_type in WEIGHED:
            with contextlib.suppress(playwright_api.Error):  # a redirect has no body
                self.sizes.append(len(response.body()))

    def visit(self, lang, pattern):
        self.sizes.clear()
        self.page.goto(self.base + pattern.format(lang=lang, **self.values))
        page_lang = self.page.locator("html").get_attribute("lang")
        if page_lang != lang:
            self.found[(lang, pattern)] = [("page in the wrong language", page_lang)]
            return
        for viewport in (PHONE, DESKTOP):
            self.page.set_viewport_size(viewport)
            if problems := violations(self.page):
                self.found[(lang, viewport["width"], pattern)] = problems
        self.weights[pattern] = max(self.weights.get(pattern, 0), sum(self.sizes))

    def switch_language(self, lang):
        self.page.goto(f"{self.base}/language/{lang}/?next=/{lang}/")


def test_every_page_type_is_accessible_light_and_self_contained(
    browser, demo_site, foreign_requests
):
    values = demo_values()
    found, weights = {}, {}
    for lang in LANGUAGES:
        for who, pages in (
            (None, PUBLIC_PAGES),
            ("member", MEMBER_PAGES),
            ("pending", PENDING_PAGES),
        ):
            walk = Walk(
                open_page(browser, demo_site, foreign_requests, PHONE), demo_site.url, values
            )
            if who:
                sign_in(walk.page, demo_site.url, f"{who}@example.org")
            walk.switch_language(lang)
            for pattern in pages:
                walk.visit(lang, pattern)
            found.update(walk.found)
            for pattern, weight in walk.weights.items():
                weights[pattern] = max(weights.get(pattern, 0), weight)
            walk.page.context.close()
    print("page weights (bytes, HTML+CSS+JS):", weights)
    assert found == {}
    assert all(weights.values()), "a page's weight was not measured"
    assert {path: size for path, size in weights.items() if size > WEIGHT_LIMIT} == {}
    assert foreign_requests == []
