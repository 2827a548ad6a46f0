"""A translator translates a programme in wagtail-localize's editor; readers see it."""

import pytest

from tests.browser.steps import open_admin

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SOURCE_TITLE = "Speak Up, Lead Locally"
TITLE = "在地發聲，在地領導"
SUMMARY = "六個月的星期六，大部分在網上進行，為西北地區想改變居住地方的移民和難民而設。"


def translate_segment(editor, panel, field, text):
    """Open a segment of the editor, type its translation as a person does, save it."""
    segment = panel.get_by_role("listitem").filter(
        has=editor.get_by_role("heading", name=field, exact=True)
    )
    segment.get_by_role("button", name="Translate").click()
    # The editor is React: it keeps the value it has seen typed, so type, do not fill.
    segment.get_by_role("textbox").click()
    editor.keyboard.type(text)
    segment.get_by_role("button", name="Save").click()
    # Saved: the field shows the translation and who made it, with a way to edit it.
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()
    expect(segment.get_by_text(text, exact=True)).to_be_visible()
    expect(segment.get_by_text("Translated manually")).to_be_visible()


def test_translator_translates_a_programme_into_chinese_and_a_reader_switches_to_it(
    browser, demo_site, desktop
):
    # The demo already has this programme in Chinese; the translator starts from none.
    from programmes.models import ProgrammePage

    source = ProgrammePage.objects.get(slug="speak-up-lead-locally", locale__language_code="en")
    for translation in source.get_translations().filter(locale__language_code="zh-hant"):
        translation.delete()

    # The translator (a staff member who may publish) finds the programme in the explorer.
    translator, elsewhere = open_admin(browser, demo_site, "admin@example.org")
    translator.get_by_role("navigation", name="Main menu").get_by_role(
        "button", name="Pages"
    ).click()
    explorer = translator.get_by_role("dialog", name="Page explorer")
    explorer.get_by_role("link", name="Leadership for change, led by migrants English").click()
    translator.get_by_role("link", name="Explore child pages of 'Programmes'").click()
    row = translator.get_by_role("row", name=SOURCE_TITLE)
    row.get_by_role("button", name=f"More options for '{SOURCE_TITLE}'").click()
    row.get_by_role("link", name="Translate this page").click()
    expect(translator.get_by_role("heading", level=1)).to_have_text(
        f"Translate page {SOURCE_TITLE}"
    )
    translator.get_by_role("checkbox", name="Traditional Chinese").check()
    translator.get_by_role("button", name="Submit").click()
    expect(translator.get_by_role("status")).to_contain_text(
        f"The page '{SOURCE_TITLE}' was successfully submitted for translation into "
        "Traditional Chinese"
    )

    # wagtail-localize's own editor: the source beside a field for each segment.
    panel = translator.get_by_role("tabpanel", name="Content")
    expect(panel.get_by_role("heading", name="English to Traditional Chinese translation"))
    translate_segment(translator, panel, "Title", TITLE)
    translate_segment(translator, panel, "Summary", SUMMARY)
    translator.get_by_role("navigation", name="Actions").get_by_role(
        "button", name="Publish in Traditional Chinese"
    ).click()
    translator.wait_for_load_state()
    expect(translator.get_by_role("status")).to_contain_text(
        f"Published '{TITLE}' in Traditional Chinese"
    )
    assert elsewhere == [], "the translation editor asked another host for something"
    translator.context.close()

    # A reader on the English page switches language with the site's switcher.
    desktop.goto(demo_site.url + "/en/programmes/speak-up-lead-locally/")
    expect(desktop.get_by_role("heading", level=1)).to_have_text(SOURCE_TITLE)
    desktop.get_by_role("navigation", name="Language").get_by_role("link", name="繁體中文").click()
    assert desktop.url.endswith("/zh-hant/programmes/speak-up-lead-locally/")
    assert desktop.locator("html").get_attribute("lang") == "zh-hant"
    expect(desktop.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(desktop.locator("main .lead").first).to_have_text(SUMMARY)
    # The Chinese programme index lists it under its translated title.
    desktop.goto(demo_site.url + "/zh-hant/programmes/")
    expect(desktop.get_by_role("link", name=TITLE)).to_be_visible()
