"""How much of each demo page a reader of another language still reads in English.

`make i18n-report` renders the demo's key pages in every language and counts, per
page and language, the visible words that are in another language *without being
marked so*: text inside an element whose `lang` names another language is marked
(screen readers switch voice, bidi layout isolates it) and is fine; English inside a
Chinese paragraph that says nothing is not. It also lists the vocabulary entries
(skills, topics) with no name in a language, and the pages that answer 404 in one
language while they exist in another. The test suite holds the demo to the same
measure (tests/home/test_i18n_report.py).

How a word's language is told:
- by its script where the page's language has its own (Han for Chinese, Arabic,
  Cyrillic for Ukrainian): a Latin word on a Chinese page is foreign;
- on Romanian and Polish pages, which share the Latin script with English, a word is
  foreign when it is an English word (it appears on the English pages or in the
  interface's English strings) and not a word of the page's language (it appears in
  none of that language's interface strings or content translations);
- `PROPER_NOUNS` (this module, the one list) are nobody's foreign words;
- Chinese is written without spaces, so two Han characters count as one word (about
  the length of a Chinese word); numbers, e-mail and web addresses are not words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Names that stay as they are in every language: programmes, places, organisations,
# funders and the people the demo stories name. Matched as whole phrases, longest first.
PROPER_NOUNS = [
    "HKMAP",
    "ESOL",
    "London",
    "Manchester",
    "Hong Kong",
    "Active Citizens Network",
    "Active Citizens Together",
    "Migrants' Rights Network",
    "MRN",
    "Hongkongers in Britain",
    "HKB",
    "Migrants Organise",
    "Strategic Migration Partnership, East of England",
    "SMP",
    "ACN",
    "Greater London Authority",
    "European Commission",
    "Rights, Equality and Citizenship Programme",
    "Mastodon",
    "Bluesky",
    "Wing",
    "R.",
    # Names of file formats, written the same in every language.
    "RSS",
    "Atom",
    "iCalendar",
]

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

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_CYRILLIC = "\u0400-\u04ff"
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_WORD = re.compile(
    rf"(?P<latin>[{_LATIN}]+(?:['’][{_LATIN}]+)*)"
    rf"|(?P<cyrillic>[{_CYRILLIC}]+(?:['’ʼ][{_CYRILLIC}]+)*)"
    rf"|(?P<arabic>[{_ARABIC}]+)"
    rf"|(?P<han>[{_HAN}]+)"
)
_ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:org|com|uk|ics)\b\S*")
_SCRIPT_OF_LANGUAGE = {"zh": "han", "ar": "arabic", "uk": "cyrillic"}
_INVISIBLE = {"script", "style", "template", "head"}
_SPOKEN_ATTRIBUTES = ("alt", "aria-label", "placeholder")


def _primary(language: str) -> str:
    return (language or "").lower().split("-")[0]


def _proper_noun_pattern(nouns) -> re.Pattern:
    alternatives = sorted((re.escape(noun) for noun in nouns), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


_PROPER = _proper_noun_pattern(PROPER_NOUNS)


def words_of(text: str) -> list[tuple[str, str, float]]:
    """(word, script, weight) for each word of `text`, proper nouns as script "name"."""
    text = _ADDRESSES.sub(" ", text)
    found: list[tuple[str, str, float]] = []
    position = 0
    for noun in _PROPER.finditer(text):
        found.extend(_plain_words(text[position : noun.start()]))
        found.append((noun.group(0), "name", float(len(noun.group(0).split()))))
        position = noun.end()
    found.extend(_plain_words(text[position:]))
    return found


def _plain_words(text: str):
    for match in _WORD.finditer(text):
        script = match.lastgroup
        word = match.group(0)
        weight = math.ceil(len(word) / 2) if script == "han" else 1.0
        yield word, script, float(weight)


@dataclass
class PageCount:
    """The words of one rendered page, by whether they are in the page's language."""

    total: float = 0.0
    unmarked_foreign: float = 0.0
    marked: float = 0.0
    # Words in the page's own script inside an element that says it is in another
    # language (a translated label inside an English fallback marked lang="en").
    mismarked: float = 0.0
    examples: list[str] = field(default_factory=list)
    mismarked_examples: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.unmarked_foreign / self.total if self.total else 0.0


def _text_runs(soup: BeautifulSoup):
    """(text, nearest lang) for every visible text and every spoken attribute."""
    body = soup.body or soup
    for node in body.descendants:
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            parent = node.parent
            if any(p.name in _INVISIBLE or p.has_attr("hidden") for p in _ancestors(parent)):
                continue
            yield str(node), _lang_of(parent)
        elif isinstance(node, Tag):
            if any(p.name in _INVISIBLE or p.has_attr("hidden") for p in _ancestors(node)):
                continue
            for name in _SPOKEN_ATTRIBUTES:
                if node.get(name):
                    yield node[name], _lang_of(node)


def _ancestors(tag):
    while tag is not None and isinstance(tag, Tag):
        yield tag
        tag = tag.parent


def _lang_of(tag) -> str:
    for element in _ancestors(tag):
        if element.has_attr("lang"):
            return element["lang"]
        if element.has_attr("xml:lang"):
            return element["xml:lang"]
    return ""


def count_page(
    html: str,
    language: str,
    english_words: set[str] | None = None,
    own_words: set[str] | None = None,
) -> PageCount:
    """Count the words of a page served in `language`: how many are foreign and unmarked.

    `english_words` and `own_words` (casefolded) tell English from the page's language
    where both use the Latin script (see the module docstring)."""
    soup = BeautifulSoup(html, "html.parser")
    page = _primary(language)
    expected_script = _SCRIPT_OF_LANGUAGE.get(page, "latin")
    result = PageCount()
    for text, lang in _text_runs(soup):
        marked = bool(lang) and _primary(lang) != page
        for word, script, weight in words_of(text):
            result.total += weight
            if script == "name":
                continue
            if marked:
                result.marked += weight
                own_script = _SCRIPT_OF_LANGUAGE.get(_primary(lang), "latin")
                if script == expected_script != own_script:
                    result.mismarked += weight
                    if len(result.mismarked_examples) < 6:
                        result.mismarked_examples.append(word)
                continue
            if _is_foreign(word, script, page, expected_script, english_words, own_words):
                result.unmarked_foreign += weight
                if len(result.examples) < 12 and word not in result.examples:
                    result.examples.append(word)
    return result


def _is_foreign(word, script, page, expected_script, english_words, own_words) -> bool:
    if script != expected_script:
        return True
    if script != "latin" or page == "en" or english_words is None:
        return False
    folded = word.casefold()
    return folded in english_words and folded not in (own_words or set())


def latin_words(text: str) -> set[str]:
    """The casefolded Latin-script words of `text` (for the English and own-word sets)."""
    return {word.casefold() for word, script, _ in words_of(text) if script == "latin"}


def page_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    return " ".join(text for text, _lang in _text_runs(soup))


def catalogue_words(language: str, locale_dir: Path, field_name: str) -> set[str]:
    """Words of one side (msgid or msgstr) of a language's interface catalogue."""
    import polib

    path = locale_dir / language.replace("zh-hant", "zh_Hant") / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return set()
    words: set[str] = set()
    for entry in polib.pofile(str(path)):
        texts = [getattr(entry, field_name)]
        if field_name == "msgstr" and entry.msgstr_plural:
            texts = list(entry.msgstr_plural.values())
        if field_name == "msgid" and entry.msgid_plural:
            texts.append(entry.msgid_plural)
        for text in texts:
            words |= latin_words(re.sub(r"%\(\w+\)s|\{\w+\}", " ", text))
    return words


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
