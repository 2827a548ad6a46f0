"""Telling a word's language on a rendered page: scripts, the proper nouns that are
nobody's foreign words, the interface catalogues' words, and one page's count."""

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
