"""How the publishing apps list each other's pages for a report without importing one
another: the stories published about a programme, for its funder report.

An app registers a function with Wagtail's hook `programme_stories`; it receives the
programme page (default language) and returns `ProgrammeStory` items.
"""

from dataclasses import dataclass
from datetime import date

from wagtail import hooks

from home.hooks import PROGRAMME_STORIES


@dataclass(frozen=True)
class ProgrammeStory:
    """A published story or news item about a programme, as a report lists it."""

    title: str
    url: str
    published: date
    kind: str


def programme_stories(programme) -> list[ProgrammeStory]:
    stories = []
    for find in hooks.get_hooks(PROGRAMME_STORIES):
        stories.extend(find(programme))
    return sorted(stories, key=lambda story: (story.published, story.title), reverse=True)
