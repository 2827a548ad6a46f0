"""Site search over the page types other apps register, without importing them.

An app registers a function with the Wagtail hook `searchable_page_types` that
returns a `SearchableType`; the search page searches each type on its own (so each
type's own fields are searched) and shows counts per type.

Every language, every script, each result once:
- All languages are searched, and each match counts once per page, whatever language
  it matched in: it is shown in the reader's language where a live translation exists,
  otherwise in its source language, marked, at the reader's URL (home.i18n).
- Full-text search cannot split Chinese or Japanese into words (there are no spaces
  between them), so a query in those scripts also matches as a substring of titles,
  texts and bodies (`ILIKE` on PostgreSQL, where a `pg_trgm` index can speed it up;
  `LIKE` on SQLite). Thai likewise.
- Arabic short vowels and other marks (tashkeel) and the tatweel are left out of the
  query and, for the substring match, out of the titles and texts it is compared with,
  so "قِيادة" finds "قيادة" and the other way round (bodies match the query without
  its marks).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Replace
from django.utils import translation
from wagtail import hooks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.frame import public
from home.hooks import SEARCHABLE_PAGE_TYPES
from home.i18n import active_locale_id, default_locale_id, mark_fallback

TEXT = models.TextField()
# Matches gathered per type, best first; a search that matches more asks for fewer words.
MAX_MATCHES = 500
NO_WORD_SPACES = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
ARABIC_MARKS = "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a" + "".join(
    chr(code) for code in [*range(0x064B, 0x0660), 0x0670, 0x0640]
)
# The marks texts actually carry (the eight harakat, the dagger alif, the tatweel),
# taken out of titles and texts in SQL; one nested REPLACE each, so few enough for
# SQLite's parser.
COMMON_ARABIC_MARKS = "".join(chr(code) for code in [*range(0x064B, 0x0653), 0x0670, 0x0640])

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchableType:
    key: str
    label: str
    model: type
    order: int = 100


def searchable_types() -> list[SearchableType]:
    types = [register() for register in hooks.get_hooks(SEARCHABLE_PAGE_TYPES)]
    return sorted(types, key=lambda searchable: searchable.order)


def without_arabic_marks(text: str) -> str:
    return text.translate({ord(mark): None for mark in ARABIC_MARKS})


def _text_fields(model) -> list[models.Field]:
    """The model's own searchable text columns (title, introduction, body…)."""
    fields = []
    for search_field in model.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        try:
            field = model._meta.get_field(search_field.field_name)
        except Exception:  # noqa: BLE001, S112 - a method or property: not a column
            continue
        if isinstance(field, models.CharField | models.TextField | StreamField):
            fields.append(field)
    return fields


def _stripped(expression, marks: str):
    """The column with each of `marks` removed, in SQL."""
    for mark in marks:
        expression = Replace(expression, models.Value(mark), models.Value(""), output_field=TEXT)
    return expression


def _substring_matches(pages, query: str):
    """Pages whose text holds the query as it is written (no word splitting)."""
    arabic = bool(ARABIC.search(query))
    conditions, annotations = [], {}
    for field in _text_fields(pages.model):
        needles = {query}
        if isinstance(field, StreamField):
            # A body is stored as JSON, where SQLite keeps non-ASCII text \u-escaped.
            needles.add(json.dumps(query)[1:-1])
        if arabic and not isinstance(field, StreamField):
            # (Bodies are JSON, their marks escaped on SQLite: matched as written.)
            name = f"_acn_plain_{field.name}"
            annotations[name] = _stripped(models.F(field.name), COMMON_ARABIC_MARKS)
            target = name
        else:
            target = field.name
        conditions.extend(Q(**{f"{target}__icontains": needle}) for needle in needles)
    if not conditions:
        return pages.none()
    return pages.annotate(**annotations).filter(reduce(lambda a, b: a | b, conditions))


def matching_keys(query: str, searchable: SearchableType) -> list:
    """Translation keys of the live, public pages of one type that match, best first,
    each page once whatever language it matched in."""
    query = without_arabic_marks(query) if ARABIC.search(query) else query
    pages = public(searchable.model.objects.live())
    words = search_words(query)
    if not words:
        return []
    keys = dict.fromkeys(
        page.translation_key for page in pages.only("translation_key").search(words)[:MAX_MATCHES]
    )
    if NO_WORD_SPACES.search(query) or ARABIC.search(query):
        for key in _substring_matches(pages, query).values_list("translation_key", flat=True)[
            :MAX_MATCHES
        ]:
            keys.setdefault(key)
    return list(keys)[:MAX_MATCHES]


class LocalizedMatches:
    """The matching pages of one type, each in the reader's language where a live
    translation exists, else in its source language (marked as a fallback). A slice
    reads only the pages it covers: one query, plus one per page type."""

    def __init__(self, keys: list, searchable: SearchableType, request=None):
        self.keys = keys
        self.searchable = searchable
        self.request = request

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, index: slice) -> list:
        keys = self.keys[index]
        if not keys:
            return []
        reader, default = active_locale_id(self.request), default_locale_id(self.request)
        versions: dict = {}
        for page in (
            public(Page.objects.live())
            .filter(translation_key__in=keys, content_type__in=self._content_types())
            .defer_streamfields()
            .specific()
        ):
            versions.setdefault(page.translation_key, {})[page.locale_id] = page
        shown = []
        for key in keys:
            by_locale = versions.get(key)
            if not by_locale:
                continue
            page = by_locale.get(reader) or by_locale.get(default) or next(iter(by_locale.values()))
            shown.append(mark_fallback(page, translation.get_language(), self.request))
        return shown

    def _content_types(self):
        return [ContentType.objects.get_for_model(self.searchable.model).pk]


def search_words(query: str) -> str:
    """The words of what a visitor typed, without the quotes, brackets, stars and
    colons that SQLite's full-text search reads as its own syntax (an unbalanced quote
    was a server error there): the search matches words, in any script."""
    return " ".join(WORD.findall(query))


def search_pages(query: str, searchable: SearchableType, request=None) -> LocalizedMatches:
    """Live, public pages of one type matching the query, best match first, once each,
    in the reader's language where translated."""
    return LocalizedMatches(matching_keys(query, searchable), searchable, request)


class SearchHits:
    """The matches of several types as one list, type after type, for a Paginator: its
    length is the sum of the counts, and a slice reads only the pages it covers (with
    1,000 matching stories, the search page used to load every one of them whole)."""

    def __init__(self, parts: list[tuple[SearchableType, object, int]]):
        self.parts = parts  # (type, lazy search results, how many there are)

    def __len__(self) -> int:
        return sum(count for _searchable, _results, count in self.parts)

    def __getitem__(self, index: slice) -> list:
        start, stop, _step = index.indices(len(self))
        items, offset = [], 0
        for searchable, results, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                items.extend((searchable, page) for page in results[low:high])
            offset += count
        return items
