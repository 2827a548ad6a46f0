"""The languages a member can say they speak: a fixed list so that the directory's
language filter matches one spelling of each. Values are ISO 639 codes; labels are
translatable."""

from django.utils.translation import gettext_lazy as _

SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("bn", _("Bengali")),
    ("zh-yue", _("Cantonese")),
    ("zh-cmn", _("Mandarin")),
    ("fa", _("Persian (Farsi/Dari)")),
    ("fr", _("French")),
    ("de", _("German")),
    ("gu", _("Gujarati")),
    ("hi", _("Hindi")),
    ("it", _("Italian")),
    ("ku", _("Kurdish")),
    ("lt", _("Lithuanian")),
    ("pa", _("Punjabi")),
    ("pl", _("Polish")),
    ("ps", _("Pashto")),
    ("pt", _("Portuguese")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("so", _("Somali")),
    ("es", _("Spanish")),
    ("sw", _("Swahili")),
    ("ta", _("Tamil")),
    ("ti", _("Tigrinya")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("ur", _("Urdu")),
]

LANGUAGE_LABELS = dict(SPOKEN_LANGUAGES)
