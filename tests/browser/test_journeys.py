"""Journeys through the site as people make them, in a real browser."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.browser.steps import tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_newcomer_on_a_phone_finds_an_open_programme_adds_it_to_their_calendar_and_applies(
    phone, demo_site
):
    phone.goto(demo_site.url + "/")
    assert phone.url.endswith("/en/")
    phone.get_by_role("heading", name="Open for applications").scroll_into_view_if_needed()
    phone.get_by_role("link", name="Speak Up, Lead Locally", exact=True).click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Speak Up, Lead Locally"
    assert phone.get_by_text("Open for applications").first.is_visible()
    schedule = phone.get_by_role("heading", name="Schedule")
    schedule.scroll_into_view_if_needed()
    assert phone.locator(".schedule .session").count() == 12
    # Nothing is wider than the phone: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Add the schedule to your calendar").click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    assert len(calendar.walk("VEVENT")) == 12

    # The programme takes applications on the site: the newcomer applies on their phone.
    phone.get_by_role("link", name="Apply now").first.click()
    assert phone.url.endswith("/en/programmes/speak-up-lead-locally/apply/")
    phone.get_by_label("Your name").fill("Nadia Newcomer")
    phone.get_by_label("Email address").fill("nadia.newcomer@example.org")
    phone.get_by_label("Where you live", exact=True).select_option("england-north-west")
    phone.get_by_label("Languages you speak").fill("Ukrainian, English")
    phone.get_by_label("What would you like to change where you live?").fill(
        "A homework club at the library."
    )
    phone.get_by_role("group", name="Which way of taking part suits you best?").get_by_label(
        "Online"
    ).check()
    phone.get_by_label("I agree that the programme team keeps my application").check()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.get_by_role("button", name="Send my application").click()
    assert phone.get_by_role("status").inner_text().startswith("Thank you")


def test_reader_switches_to_chinese_and_sees_the_translated_programme(desktop, demo_site):
    desktop.goto(demo_site.url + "/en/programmes/hkmap-2023/")
    desktop.get_by_role("navigation", name="Language").get_by_role("link", name="繁體中文").click()
    assert desktop.url.endswith("/zh-hant/programmes/hkmap-2023/")
    assert desktop.locator("html").get_attribute("lang") == "zh-hant"
    assert "香港移民抱負計劃" in desktop.get_by_role("heading", level=1).inner_text()
    # The schedule and the deadline are the source's, read the Chinese way.
    assert desktop.locator(".schedule .session").count() == 11
    assert "2023年9月20日" in desktop.locator(".programme__facts").inner_text()
    # The choice is remembered for the site's front door.
    desktop.goto(demo_site.url + "/")
    assert desktop.url.endswith("/zh-hant/")


def test_arabic_pages_read_right_to_left(phone, demo_site):
    phone.goto(demo_site.url + "/ar/programmes/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    filters = phone.locator("form.filters label").first
    direction = filters.evaluate("element => getComputedStyle(element).direction")
    assert direction == "rtl"
    # An English programme inside the Arabic page keeps its own direction.
    # (Its title and summary are marked; the card's own labels are in Arabic.)
    card = phone.locator("article.card .card__title a").first
    assert card.get_attribute("lang") == "en"
    assert card.evaluate("element => getComputedStyle(element).direction") == "ltr"
    # Labels sit on the right-hand side in a right-to-left page.
    label_box = filters.bounding_box()
    field_box = phone.locator("form.filters select").first.bounding_box()
    assert label_box["x"] + label_box["width"] >= field_box["x"] + field_box["width"] - 2

    # A page written in Arabic: its main heading's words sit against the right-hand edge
    # of the heading's box, not the left.
    phone.goto(demo_site.url + "/ar/events/")
    heading = phone.get_by_role("heading", level=1)
    assert heading.evaluate("el => getComputedStyle(el).direction") == "rtl"
    box = heading.bounding_box()
    words = heading.evaluate(
        "el => { const range = document.createRange(); range.selectNodeContents(el);"
        " const r = range.getBoundingClientRect(); return {x: r.x, width: r.width}; }"
    )
    assert abs((words["x"] + words["width"]) - (box["x"] + box["width"])) <= 2
    assert words["x"] > box["x"] + 20


def test_keyboard_only_sign_up_with_focus_always_visible(desktop, demo_site):
    desktop.goto(demo_site.url + "/accounts/signup/")
    unmarked = []

    def field(selector):
        return f"el => el.matches({selector!r})"

    tab_to(desktop, field("input[type=email]"), unmarked)
    desktop.keyboard.type("keyboard.user@example.org")
    for password in desktop.locator("form input[type=password]").all():
        tab_to(desktop, field(f"#{password.get_attribute('id')}"), unmarked)
        desktop.keyboard.type("a-long-keyboard-passphrase")
    for text_field in desktop.locator("form input[type=text]").all():
        tab_to(desktop, field(f"#{text_field.get_attribute('id')}"), unmarked)
        desktop.keyboard.type("Keyboard User")
    for checkbox in desktop.locator("form input[type=checkbox]").all():
        tab_to(desktop, field(f"#{checkbox.get_attribute('id')}"), unmarked)
        desktop.keyboard.press("Space")
        assert checkbox.is_checked()
    tab_to(desktop, field("form button[type=submit]"), unmarked)
    with desktop.expect_navigation():
        desktop.keyboard.press("Enter")
    desktop.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    assert re.search(r"verif|confirm", desktop.locator("main").inner_text(), re.I)
    assert unmarked == [], "elements received focus without a visible indicator"
