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
- `PROPER_NOUNS` (home/i18n_report/words.py, the one list) are nobody's foreign words;
- Chinese is written without spaces, so two Han characters count as one word (about
  the length of a Chinese word); numbers, e-mail and web addresses are not words.
"""

from __future__ import annotations

from home.i18n_report.report import (
    KEY_PAGES,
    STRICT_LANGUAGES,
    THRESHOLD,
    PageResult,
    Report,
    build_report,
    calendar_words,
    format_report,
    own_content_words,
    untranslated_vocabulary,
    vocabulary_names,
)
from home.i18n_report.words import (
    PROPER_NOUNS,
    PageCount,
    catalogue_words,
    count_page,
    latin_words,
    page_text,
    words_of,
)

__all__ = [
    "PROPER_NOUNS",
    "words_of",
    "PageCount",
    "count_page",
    "latin_words",
    "page_text",
    "catalogue_words",
    "KEY_PAGES",
    "STRICT_LANGUAGES",
    "THRESHOLD",
    "PageResult",
    "Report",
    "own_content_words",
    "calendar_words",
    "vocabulary_names",
    "untranslated_vocabulary",
    "build_report",
    "format_report",
]
