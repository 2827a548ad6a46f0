"""An editor writes a story in the Wagtail admin, a moderator publishes it, readers see it."""

import re
from xml.etree import ElementTree

import pytest

from tests.browser.steps import open_admin

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Our petition reached the council chamber"
INTRODUCTION = "Forty neighbours signed; three of us spoke to councillors about bus fares."
PARAGRAPH = "We met every Tuesday in the library and wrote the petition together."


def test_editor_writes_a_story_a_moderator_publishes_it_and_readers_find_it(
    browser, demo_site, desktop
):
    # The editor finds the story index through the page explorer and adds a story.
    editor, editor_elsewhere = open_admin(browser, demo_site, "editor@example.org")
    editor.get_by_role("navigation", name="Main menu").get_by_role("button", name="Pages").click()
    explorer = editor.get_by_role("dialog", name="Page explorer")
    explorer.get_by_role("link", name="Leadership for change, led by migrants English").click()
    editor.get_by_role("link", name="Explore child pages of 'Stories'").click()
    assert editor.get_by_role("heading", level=1).inner_text() == "Exploring: Stories"
    editor.get_by_role("link", name="Add child page").click()
    assert editor.get_by_role("heading", level=1).inner_text() == "New: Story"

    editor.get_by_role("textbox", name="Title*").fill(TITLE)
    editor.get_by_role("combobox", name="Kind*").select_option(label="Participant story")
    editor.get_by_role("textbox", name="Introduction*").fill(INTRODUCTION)
    body = editor.get_by_role("region", name="Body*")
    body.get_by_role("button", name="Insert a block").first.click()
    editor.get_by_role("option", name="Paragraph").click()
    # Type into the rich-text editor as a person does: Draftail keeps its own state and
    # only saves what it has seen typed, so filling the element at once can be lost.
    paragraph = body.get_by_role("region", name="Paragraph *").get_by_role("textbox")
    paragraph.click()
    editor.keyboard.type(PARAGRAPH)
    expect(paragraph).to_have_text(PARAGRAPH)
    editor.get_by_role("textbox", name="Author", exact=True).fill("Samira, Luton group")

    editor.get_by_role("tab", name="Consent").click()
    consent = editor.get_by_role("tabpanel", name="Consent")
    consent.get_by_role("combobox", name="Participant's consent").select_option(
        label="Name only, no photo"
    )
    consent.get_by_role("textbox", name="Consent given on").fill("2026-11-01")
    consent.get_by_role("textbox", name="Where the consent is kept").fill(
        "Signed form, November 2026, shared drive"
    )
    consent.get_by_role("textbox", name="Where the consent is kept").press("Tab")

    footer = editor.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name="Submit to Story review").click()
    editor.wait_for_load_state()
    assert (
        editor.get_by_role("status")
        .get_by_text(f"Page '{TITLE}' created and submitted for moderation.")
        .is_visible()
    )
    assert (
        editor.get_by_role("row", name=re.compile(re.escape(TITLE)))
        .get_by_role("cell", name="Current page status: in moderation")
        .is_visible()
    )
    # Not yet for readers.
    desktop.goto(demo_site.url + "/en/stories/")
    assert desktop.get_by_role("link", name=TITLE).count() == 0

    # The moderator finds it on their dashboard, awaiting their review, and approves it.
    moderator, moderator_elsewhere = open_admin(browser, demo_site, "moderator@example.org")
    review = moderator.get_by_role("region", name="Awaiting your review")
    row = review.get_by_role("row", name=re.compile(re.escape(TITLE)))
    assert "editor@example.org" in row.inner_text() or "Eddie" in row.inner_text()
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(review.get_by_role("row", name=re.compile(re.escape(TITLE)))).to_have_count(0)

    # Readers find it on the home page, on the story index and in the feed.
    desktop.goto(demo_site.url + "/")
    latest = desktop.get_by_role("region", name="Latest stories")
    expect(latest.get_by_role("link", name=TITLE)).to_be_visible()
    latest.get_by_role("link", name="See all stories").click()
    assert desktop.url.endswith("/en/stories/")
    expect(desktop.get_by_role("link", name=TITLE)).to_be_visible()
    desktop.get_by_role("link", name=TITLE).click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(desktop.locator("main")).to_contain_text(PARAGRAPH)
    expect(desktop.locator("main")).to_contain_text("Samira, Luton group")

    feed = desktop.request.get(demo_site.url + "/en/stories/feed/rss/")
    assert feed.ok
    assert feed.headers["content-type"].startswith("application/rss+xml")
    items = ElementTree.fromstring(feed.body()).findall("./channel/item")
    assert items[0].findtext("title") == TITLE
    assert items[0].findtext("description") == INTRODUCTION

    for elsewhere in (editor_elsewhere, moderator_elsewhere):
        assert elsewhere == []
    editor.context.close()
    moderator.context.close()


def test_the_admin_asks_no_other_host(browser, demo_site):
    page, elsewhere = open_admin(browser, demo_site, "editor@example.org")
    page.goto(demo_site.url + "/admin/account/")
    page.context.close()
    assert elsewhere == [], "the admin asked another host for something"
