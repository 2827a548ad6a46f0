"""Site search over the page types other apps register, without importing them.

An app registers a function with the Wagtail hook `searchable_page_types` that
returns a `SearchableType`; the search page searches each type on its own (so each
type's own fields are searched) and shows counts per type.
"""

from dataclasses import dataclass

from wagtail import hooks

from home.frame import public


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
    """Live, public pages of one type matching the query, best match first."""
    pages = public(searchable.model.objects.live())
    if locale is not None:
        pages = pages.filter(locale=locale)
    return list(pages.search(query))
