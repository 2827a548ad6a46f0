"""How other apps add sections to the home page without the home app importing them.

An app registers a function with Wagtail's hook `home_page_sections`; it receives the
home page and the request and returns a `HomeSection` (or None to show nothing).
Sections appear in the order of their `order` value.
"""

from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

from home.hooks import HOME_PAGE_SECTIONS


@dataclass(frozen=True)
class HomeSection:
    """One block of the home page: a template and what it needs to render."""

    order: int
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def home_page_sections(page, request) -> list[HomeSection]:
    """Ask every registered app for its section and return them in display order."""
    sections = []
    for build_section in hooks.get_hooks(HOME_PAGE_SECTIONS):
        section = build_section(page, request)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: section.order)
