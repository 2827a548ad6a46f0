"""Site search over the page types other apps register, without importing them.

An app registers a function with the Wagtail hook `searchable_page_types` that
returns a `SearchableType`; the search page searches each type on its own (so each
type's own fields are searched) and shows counts per type.
"""

import re
from dataclasses import dataclass

from wagtail import hooks

from home.frame import public

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchableType:
    key: str
    label: str
    model: type
    order: int = 100


def searchable_types() -> list[SearchableType]:
    types = [register() for register in hooks.get_hooks("searchable_page_types")]
    return sorted(types, key=lambda searchable: searchable.order)


def search_pages(query: str, searchable: SearchableType, locale=None):
    """Live, public pages of one type matching the query, best match first: lazy search
    results, so that counting them and reading one page of them are a query each."""
    pages = public(searchable.model.objects.live())
    if locale is not None:
        pages = pages.filter(locale=locale)
    words = search_words(query)
    if not words:
        return pages.none()
    return pages.search(words)


def search_words(query: str) -> str:
    """The words of what a visitor typed, without the quotes, brackets, stars and
    colons that SQLite's full-text search reads as its own syntax (an unbalanced quote
    was a server error there): the search matches words, in any script."""
    return " ".join(WORD.findall(query))


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
