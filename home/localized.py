"""Text that knows which language it is in.

Translated items fall back to the source language one by one (a skill with no Arabic
name shows its English name, a site tagline nobody translated shows in English), and
a reader's page must mark each such piece with `lang` and `dir`. A `LocalizedText` is
a plain string that also carries its language, so templates can mark it
(`{% lang_attrs %}`, `{% term %}` in `home.templatetags.text_tags`) and widgets can mark
an option, without asking the database again.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from home.i18n import language_direction


class LocalizedText(str):
    """A string and the language it is written in."""

    language: str

    def __new__(cls, value, language: str | None = None):
        text = super().__new__(cls, value or "")
        text.language = language or settings.LANGUAGE_CODE
        return text

    def __reduce__(self):
        return (LocalizedText, (str(self), self.language))

    @property
    def direction(self) -> str:
        return language_direction(self.language)


def reader_language() -> str:
    """The content language the reader is reading (a supported variant of the active
    interface language), or the default."""
    try:
        return get_supported_content_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return default_language()


def default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def same_language(first: str | None, second: str | None) -> bool:
    """Whether two language codes name the same language ("zh-hant" and "zh-Hant")."""
    return (first or "").lower() == (second or "").lower()


def text_in(language: str, translated: str | None, source: str, source_language: str):
    """The translated text where there is one that differs from the source, else the
    source text marked as the source's language (wagtail-localize fills untranslated
    fields with the source text, so an equal value is a fallback too)."""
    if translated and (translated != source or same_language(language, source_language)):
        return LocalizedText(translated, language)
    return LocalizedText(source, source_language)
