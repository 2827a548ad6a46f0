"""Dates, times and numbers as each language writes them, from CLDR through Babel.

Django's own date formats name months and weekdays through the catalogues but keep
one order for every language ("2 一月 2027", Romanian "Marți, 22 Decembrie"). Babel
reads the Unicode CLDR, which knows each language's order, words, case and digits:
"2027年1月2日 星期六", "sâmbătă, 2 ianuarie 2027", "السبت، 2 يناير 2027".

Every reader-facing date, time, number and percentage goes through this module (the
filters in `home.templatetags.l10n_tags`, and Python code that writes dates into text).
Machine formats stay Django's or ISO: `datetime` attributes, iCalendar, feeds.

Arabic is written with Latin digits (0–9), the form CLDR's `ar` locale gives dates in
and what UK Arabic-language services (and most Arabic news sites online) use; numbers
follow, so a date and the figure beside it never mix two digit systems. Change
`NUMBERING_SYSTEMS` to `{"ar": "arab"}` for Arabic-Indic digits (٢٠٢٧) in numbers.

Times are the UK's (Europe/London, `TIME_ZONE`), as everything the site schedules is.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.conf import settings
from django.utils import timezone, translation

# Django language codes whose Babel locale is not the code itself.
BABEL_LOCALES = {"zh-hant": "zh_Hant", "zh-hans": "zh_Hans"}
NUMBERING_SYSTEMS: dict[str, str] = {}

# The site's own English, as its British readers and forms write it: "Wednesday
# 20 September 2023", "30 Sep 2017", the 24-hour clock (CLDR's en_GB puts a comma
# after the weekday and writes "Sept"). Every other language is CLDR's own.
HOUSE_PATTERNS = {
    "en": {
        "full": "EEEE d MMMM y",
        "long": "d MMMM y",
        "medium": "d MMM y",
        "short": "dd/MM/y",
        "time:short": "HH:mm",
        "time:medium": "HH:mm:ss",
    }
}

# How a date and a time combine in one phrase, where CLDR's pattern does not read as
# the site wants ({0} is the time, {1} the date). English keeps the time first, as
# deadlines on British forms do: "23:59, Wednesday 20 September 2023".
DATETIME_PATTERNS = {"en": "{0}, {1}"}


def babel_locale_name(language: str | None = None) -> str:
    """The Babel locale for a Django language code: "zh-hant" → "zh_Hant_HK"."""
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
    if code in BABEL_LOCALES:
        return BABEL_LOCALES[code]
    return _parse(code)


@lru_cache(maxsize=64)
def _parse(code: str) -> str:
    try:
        return str(Locale.parse(code, sep="-"))
    except (UnknownLocaleError, ValueError):
        return BABEL_LOCALES.get(settings.LANGUAGE_CODE, settings.LANGUAGE_CODE)


def _language(language: str | None) -> str:
    return (language or translation.get_language() or settings.LANGUAGE_CODE).lower()


def _pattern(style: str, language: str | None) -> str:
    return HOUSE_PATTERNS.get(_language(language).split("-")[0], {}).get(style, style)


def _numbering(language: str | None) -> str:
    return NUMBERING_SYSTEMS.get(_language(language).split("-")[0], "latn")


def _local(value):
    """A moment on the UK clock; naive values and plain dates as given."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value, style: str = "long", language: str | None = None) -> str:
    """A date in the reader's language. `style` is CLDR's: "full" (with the weekday),
    "long", "medium" or "short"."""
    if value in (None, ""):
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return babel_dates.format_date(
        value, _pattern(style, language), locale=babel_locale_name(language)
    )


def format_time(value, style: str = "short", language: str | None = None) -> str:
    """A time of day in the reader's language: "14:00", "下午2:00", "2:00 م"."""
    if value in (None, ""):
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        value = value.time()
    return babel_dates.format_time(
        value,
        _pattern(f"time:{style}", language).removeprefix("time:"),
        locale=babel_locale_name(language),
    )


def format_datetime(
    value, date_style: str = "full", time_style: str = "short", language: str | None = None
) -> str:
    """A moment as one phrase, date and time in the language's own order:
    "23:59, Wednesday 20 September 2023", "2023年9月20日 星期三 下午11:59"."""
    if value in (None, ""):
        return ""
    value = _local(value)
    pattern = DATETIME_PATTERNS.get(_language(language).split("-")[0])
    if pattern is None:
        pattern = babel_dates.get_datetime_format(date_style, locale=babel_locale_name(language))
    return (
        str(pattern)
        .replace("'", "")
        .replace("{1}", format_date(value, date_style, language))
        .replace("{0}", format_time(value, time_style, language))
    )


def format_month(value, language: str | None = None) -> str:
    """A month and year, as a calendar's heading: "January 2027", "2027年1月"."""
    if value in (None, ""):
        return ""
    return babel_dates.format_skeleton("yMMMM", _local(value), locale=babel_locale_name(language))


def format_weekday(value, width: str = "wide", language: str | None = None) -> str:
    """The day of the week alone, for a calendar's column headings ("abbreviated"
    for the short form)."""
    if value in (None, ""):
        return ""
    pattern = {"wide": "EEEE", "abbreviated": "EEE", "narrow": "EEEEE"}[width]
    return babel_dates.format_date(_local(value), pattern, locale=babel_locale_name(language))


def format_number(value, language: str | None = None) -> str:
    """A number with the language's separators: "1,234", "1.234", "1 234"."""
    if value in (None, ""):
        return ""
    return babel_numbers.format_decimal(
        value, locale=babel_locale_name(language), numbering_system=_numbering(language)
    )


def format_percent(value, language: str | None = None) -> str:
    """A whole percentage (45 for 45%) as the language writes it: "45%", "45 %", "45٪"."""
    if value in (None, ""):
        return ""
    return babel_numbers.format_percent(
        value / 100, locale=babel_locale_name(language), numbering_system=_numbering(language)
    )
