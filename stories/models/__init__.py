"""Stories: participant stories, news and newsletters, their figures and subscribers."""

from .consent import ConsentScope
from .figures import HighlightFigure
from .pages import StoryIndexPage, StoryKind, StoryPage, StoryProgramme
from .tags import StoryTopic

__all__ = [
    "ConsentScope",
    "HighlightFigure",
    "StoryIndexPage",
    "StoryKind",
    "StoryPage",
    "StoryProgramme",
    "StoryTopic",
]
