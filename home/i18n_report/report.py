"""The report itself: the demo's key pages rendered in every language, counted, with the
vocabulary left without a name, and written out as text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from home.i18n_report.words import PageCount, catalogue_words, count_page, latin_words, page_text

# The demo's key pages: name, path after the language prefix (None: unprefixed, the
# language comes from the language cookie).
KEY_PAGES = [
    ("home", "/{lang}/"),
    ("programme index", "/{lang}/programmes/"),
    ("open programme", "/{lang}/programmes/speak-up-lead-locally/"),
    ("HKMAP", "/{lang}/programmes/hkmap-2023/"),
    ("story index", "/{lang}/stories/"),
    ("a story", "/{lang}/stories/finding-my-voice-at-the-town-hall/"),
    ("another story", "/{lang}/stories/from-hong-kong-to-a-london-residents-association/"),
    ("events", "/{lang}/events/"),
    ("newsletter sign-up", "/newsletter/"),
]

# Pages in these languages fail the test suite above this share of unmarked foreign words.
STRICT_LANGUAGES = ("zh-hant", "ar")
THRESHOLD = 0.05


# Rendering the demo -------------------------------------------------------------------


@dataclass
class PageResult:
    name: str
    language: str
    path: str
    status: int
    count: PageCount | None = None
    page_says: str = ""

    @property
    def share(self) -> float:
        return self.count.share if self.count else 0.0


@dataclass
class Report:
    languages: list[str]
    pages: list[PageResult]
    # Language -> vocabulary entries with no name in that language ("skill: Campaigning").
    untranslated: dict[str, list[str]] = field(default_factory=dict)

    def result(self, name: str, language: str) -> PageResult:
        return next(r for r in self.pages if r.name == name and r.language == language)

    def missing_in_some_languages(self) -> list[PageResult]:
        """Pages that answer 404 in a language while they exist in another."""
        exists = {r.name for r in self.pages if r.status == 200}
        return [r for r in self.pages if r.status == 404 and r.name in exists]

    def over_threshold(self, languages=STRICT_LANGUAGES, threshold=THRESHOLD):
        return [
            r
            for r in self.pages
            if r.language in languages and r.status == 200 and r.share > threshold
        ]


def own_content_words(language: str) -> set[str]:
    """Words of everything translated into `language`: content strings (wagtail-localize)
    and vocabulary names."""
    from wagtail_localize.models import StringTranslation

    words: set[str] = set()
    for text in StringTranslation.objects.filter(locale__language_code=language).values_list(
        "data", flat=True
    ):
        words |= latin_words(BeautifulSoup(text, "html.parser").get_text(" "))
    for text in vocabulary_names(language).values():
        words |= latin_words(text)
    return words | calendar_words(language)


def calendar_words(language: str) -> set[str]:
    """The language's own names of months and weekdays, wide and abbreviated, as CLDR
    writes them in its dates ("oct." is Romanian too, not only English)."""
    from babel import Locale as BabelLocale

    from home.l10n import babel_locale_name

    locale = BabelLocale.parse(babel_locale_name(language))
    words: set[str] = set()
    for names in (locale.months, locale.days):
        for context in names.values():
            for width in context.values():
                for name in width.values():
                    words |= latin_words(name)
    return words


def vocabulary_names(language: str) -> dict[str, str]:
    """'skill: Campaigning' -> its name in `language`, for entries that have one."""
    from home.vocabulary import translated_vocabulary

    return translated_vocabulary(language)


def untranslated_vocabulary(language: str) -> list[str]:
    from home.vocabulary import all_vocabulary

    named = vocabulary_names(language)
    return [entry for entry in all_vocabulary() if entry not in named]


def build_report(client, languages: list[str] | None = None, pages=KEY_PAGES) -> Report:
    """Render every key page in every language with `client` (a django.test.Client)."""
    from django.conf import settings

    languages = languages or [code for code, _name in settings.LANGUAGES]
    cookie = settings.LANGUAGE_COOKIE_NAME
    rendered: dict[tuple[str, str], tuple[int, str, str]] = {}
    for name, pattern in pages:
        for language in languages:
            path = pattern.format(lang=language)
            client.cookies[cookie] = language
            response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
            body = response.content.decode() if response.status_code == 200 else ""
            rendered[(name, language)] = (response.status_code, path, body)
    english = catalogue_words("en", _locale_dir(), "msgid")
    for (_name, language), (status, _path, body) in rendered.items():
        if language == settings.LANGUAGE_CODE and status == 200:
            english |= latin_words(page_text(body))
    report = Report(languages=languages, pages=[])
    own: dict[str, set[str]] = {}
    for (name, language), (status, path, body) in rendered.items():
        result = PageResult(name=name, language=language, path=path, status=status)
        if status == 200:
            if language not in own:
                own[language] = catalogue_words(language, _locale_dir(), "msgstr") | (
                    own_content_words(language)
                )
            result.count = count_page(body, language, english, own[language])
            match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", body)
            result.page_says = match.group(1) if match else ""
        report.pages.append(result)
    for language in languages:
        if language != settings.LANGUAGE_CODE:
            report.untranslated[language] = untranslated_vocabulary(language)
    return report


def _locale_dir() -> Path:
    from django.conf import settings

    return Path(settings.LOCALE_PATHS[0])


def format_report(report: Report) -> str:
    """The table `make i18n-report` prints: one row per page, one column per language."""
    names = list(dict.fromkeys(r.name for r in report.pages))
    width = max(len(name) for name in names) + 2
    lines = [
        "Unmarked words in another language, per page (share of visible words; "
        "404: the page is missing in that language)",
        "",
        "page".ljust(width) + "".join(lang.rjust(9) for lang in report.languages),
    ]
    for name in names:
        cells = []
        for language in report.languages:
            result = report.result(name, language)
            if result.status != 200:
                cells.append(str(result.status).rjust(9))
            else:
                flag = "" if result.page_says == language else "!"
                cells.append(f"{result.share * 100:.1f}%{flag}".rjust(9))
        lines.append(name.ljust(width) + "".join(cells))
    lines.append("")
    lines.append("Examples of unmarked foreign words:")
    for result in report.pages:
        if result.count and result.count.examples and result.language != "en":
            lines.append(
                f"  {result.language:<8}{result.name}: " + ", ".join(result.count.examples)
            )
    mismarked = [r for r in report.pages if r.count and r.count.mismarked]
    if mismarked:
        lines.append("")
        lines.append("Words in the page's own script inside an element marked as another language:")
        for result in mismarked:
            lines.append(
                f"  {result.language:<8}{result.name}: {result.count.mismarked:.0f} words, "
                + ", ".join(result.count.mismarked_examples)
            )
    lines.append("")
    lines.append("Vocabulary entries with no name in the language:")
    for language, entries in report.untranslated.items():
        shown = ", ".join(entries[:8]) + (" …" if len(entries) > 8 else "")
        lines.append(f"  {language:<8}{len(entries):>3}  {shown}")
    missing = report.missing_in_some_languages()
    lines.append("")
    lines.append(
        "404 in one language while the page exists in another: "
        + (", ".join(f"{r.path}" for r in missing) if missing else "none")
    )
    over = report.over_threshold()
    lines.append(
        f"Pages in {', '.join(STRICT_LANGUAGES)} over {THRESHOLD:.0%}: "
        + (", ".join(f"{r.name} ({r.language})" for r in over) if over else "none")
    )
    return "\n".join(lines)
