"""Real-browser tests: Debian's Chromium driven by Playwright against a live server.

Run with `make test-browser`. Every page a test opens is checked for requests to other
hosts; on failure a screenshot and the page's HTML are saved in var/test-artifacts/.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _keep_pages_for_failures(request):
    """Lets the report hook find every window a failing test left open, then closes them."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.node._browser = request.getfixturevalue("browser")
    before = set(browser.contexts)
    yield
    for context in set(browser.contexts) - before:
        context.close()


@pytest.fixture
def demo_site(live_server, settings):
    """The demo content, served by a live server the browser can reach."""
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    from wagtail.models import Site

    host = urlparse(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=host.hostname, port=host.port)
    return live_server


@pytest.fixture
def foreign_requests():
    return []


def open_page(browser, live_server, foreign_requests, viewport, **context_options):
    """A new window on the live server that refuses every request to another host.

    `context_options` go to Playwright's `new_context` (`java_script_enabled=False`)."""
    context = browser.new_context(viewport=viewport, accept_downloads=True, **context_options)
    own = urlparse(live_server.url).netloc

    def guard(route):
        if urlparse(route.request.url).netloc != own:
            foreign_requests.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route(re.compile(".*"), guard)
    return context.new_page()


@pytest.fixture
def phone(browser, demo_site, foreign_requests, request):
    page = open_page(browser, demo_site, foreign_requests, PHONE)
    yield page
    page.context.close()
    assert foreign_requests == [], "a page asked another host for something"


@pytest.fixture
def desktop(browser, demo_site, foreign_requests, request):
    page = open_page(browser, demo_site, foreign_requests, DESKTOP)
    yield page
    page.context.close()
    assert foreign_requests == [], "a page asked another host for something"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, a screenshot and the HTML of every window the test had open."""
    report = yield
    browser = getattr(item, "_browser", None)
    if report.when == "call" and report.failed and browser is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", item.nodeid)
        pages = [page for context in browser.contexts for page in context.pages]
        for number, page in enumerate(page for page in pages if not page.is_closed()):
            stem = ARTIFACTS / (name if number == 0 else f"{name}-{number}")
            page.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.html").write_text(page.content())
    return report
