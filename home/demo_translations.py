"""The demo in six languages, through wagtail-localize's own translation objects.

Each app keeps its demo translations as PO files, `<app>/demo_translations/<lang>.po`
(zh_Hant, ar, ro, pl, uk): one entry per piece of English source text, its `msgctxt`
naming what it belongs to ("page:programmes/hkmap-2023", "skill", "topic",
"site texts", "highlight figures"), its `msgid` the source text exactly as the content
holds it (for rich text, one paragraph's inner HTML), its `msgstr` our translation.
They were written by the developers, in plain words; a native speaker should review
them before the demo is shown to readers of that language.

`translate()` applies the entries to a page or snippet the way an editor's work in the
translation editor would be stored: a TranslationSource, a Translation per language,
a StringTranslation per string, then `save_target`. Pages are saved as a draft and the
draft is published here, explicitly, whatever the site's workflow for translations.
It only adds what is missing, so loading the demo again changes nothing; a string the
source gains later (or one the PO file gains) is added to the existing translation.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import DraftStateMixin, Locale, Page


def demo_languages() -> list[str]:
    """The languages the demo is translated into (`DEMO_TRANSLATION_LANGUAGES`)."""
    return list(settings.DEMO_TRANSLATION_LANGUAGES)


def po_file_name(language: str) -> str:
    return {"zh-hant": "zh_Hant"}.get(language, language) + ".po"


@lru_cache(maxsize=64)
def _read(path: str, mtime: float) -> dict[str, dict[str, str]]:
    entries: dict[str, dict[str, str]] = {}
    for entry in polib.pofile(path):
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
            entries.setdefault(entry.msgctxt or "", {})[entry.msgid] = entry.msgstr
    return entries


def demo_strings(app_dir: Path, language: str, context: str) -> dict[str, str]:
    """Source text -> translation for one object of the demo, from the app's PO file."""
    path = Path(app_dir) / "demo_translations" / po_file_name(language)
    if not path.exists():
        return {}
    return _read(str(path), path.stat().st_mtime).get(context, {})


def _source_strings(instance) -> set[str]:
    from wagtail_localize.segments.extract import extract_segments
    from wagtail_localize.segments.types import StringSegmentValue

    return {
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


def translate(instance, language: str, strings: dict[str, str]) -> bool:
    """Translate (or complete the translation of) a page or snippet into `language`
    with `strings` (source text -> translation); strings not given keep the source
    text. Returns True when anything was stored."""
    from wagtail_localize.models import Translation, TranslationSource

    if isinstance(instance, Page):
        instance = instance.specific
    locale = Locale.objects.get(language_code=language)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created and _stored_strings(source) != _source_strings(instance):
        # The English content changed since it was last sent for translation.
        source, _ = TranslationSource.update_or_create_from_instance(instance)
    target, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = target.export_po()
    added = 0
    for entry in po:
        if not entry.msgstr and strings.get(entry.msgid):
            entry.msgstr = strings[entry.msgid]
            added += 1
    if not added and instance.has_translation(locale) and not created:
        return False
    if added:
        target.import_po(po)
    _save(target, instance, locale)
    return True


def _stored_strings(source) -> set[str]:
    from wagtail_localize.models import StringSegment

    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def _save(target, instance, locale):
    if isinstance(instance, Page | DraftStateMixin):
        # Saved as a draft, then published here: save_target(publish=True) defers the
        # publishing to the end of the transaction, and publishing that late restores
        # a stale child count on parents whose translated children were added meanwhile.
        target.save_target(publish=False)
        translated = instance.get_translation(locale)
        if isinstance(translated, Page):
            translated = translated.specific
        translated.get_latest_revision().publish()
    else:
        target.save_target(publish=True)


def translate_all(app_dir: Path, instance, context: str, run=None, label: str = "") -> int:
    """Translate `instance` into every demo language from the app's PO files; notes
    each language it changed on the demo run. Returns how many languages changed."""
    changed = 0
    for language in demo_languages():
        strings = demo_strings(app_dir, language, context)
        if strings and translate(instance, language, strings):
            changed += 1
            if run is not None:
                run.note(f"{label or context} in {language}")
    return changed
