"""Form widgets that keep each option's language, for filters whose options fall back
to English one by one (a topic nobody has translated yet)."""

from django import forms

from home.i18n import language_direction
from home.localized import reader_language, same_language


class LanguageMarkedSelect(forms.Select):
    """A select whose options carry `lang` and `dir` when their label (a
    `LocalizedText`) is in another language than the page."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        language = getattr(label, "language", None)
        if language and not same_language(language, reader_language()):
            option["attrs"] = {
                **option["attrs"],
                "lang": language,
                "dir": language_direction(language),
            }
        return option
