"""Interface translations: complete in every language the site offers, compiled, safe."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
LOCALE_DIR = ROOT / "network_site" / "locale"
APPS = ["home", "programmes", "stories", "members", "network_site"]
CALL = re.compile(r"\b(n?p?gettext)\((.*?)\)(?= )", re.S)
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")


def template_messages() -> set[tuple[str | None, str]]:
    """(context, msgid) of every translatable string in the project's templates,
    read the way `makemessages` reads them."""
    messages = set()
    for app in APPS:
        for path in sorted(
            p for p in (ROOT / app).rglob("templates/**/*") if p.suffix in {".html", ".txt"}
        ):
            for function, arguments in CALL.findall(templatize(path.read_text(), origin=path)):
                values = ast.literal_eval(f"({arguments},)".replace(", count", ""))
                context = values[0] if function.startswith(("pgettext", "npgettext")) else None
                msgid = values[1] if context is not None else values[0]
                messages.add((context, msgid))
    return messages


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def test_templates_use_translatable_strings_at_all():
    assert ("", "Skip to main content") not in template_messages()
    assert (None, "Skip to main content") in template_messages()


@pytest.mark.parametrize("language", settings.COMPLETE_INTERFACE_LANGUAGES)
def test_every_template_string_is_translated(language):
    entries = {
        (entry.msgctxt, entry.msgid): entry for entry in catalogue(language) if not entry.obsolete
    }
    missing = []
    for key in template_messages():
        entry = entries.get(key)
        if entry is None or not entry.translated() or entry.fuzzy:
            missing.append(key[1])
    assert sorted(missing) == [], f"{language} lacks translations"


@pytest.mark.parametrize("language", settings.COMPLETE_INTERFACE_LANGUAGES)
def test_complete_catalogues_have_no_untranslated_or_fuzzy_entry(language):
    po = catalogue(language)
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("po_path", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")), ids=str)
def test_compiled_catalogue_matches_its_source(po_path):
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    expected = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural.get(0)
        for entry in po.translated_entries()
    }
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural.get(0)
        for entry in mo
        if entry.msgid
    }
    assert compiled == expected, "run `make messages` (or manage.py compile_translations)"


@pytest.mark.parametrize("po_path", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")), ids=str)
def test_translations_keep_every_placeholder(po_path):
    for entry in polib.pofile(str(po_path)).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for translation in translations:
            if entry.msgid_plural and not PLACEHOLDER.findall(translation):
                continue  # a plural form may name the number in words (one, two…)
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid
