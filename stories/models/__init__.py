"""Stories: participant stories, news and newsletters, their figures and subscribers."""

from .consent import ConsentScope
from .figures import HighlightFigure
from .newsletter import NewsletterDelivery, Subscriber, SubscriberStatus
from .pages import StoryIndexPage, StoryKind, StoryPage, StoryProgramme
from .tags import StoryTopic

__all__ = [
    "ConsentScope",
    "HighlightFigure",
    "NewsletterDelivery",
    "StoryIndexPage",
    "StoryKind",
    "StoryPage",
    "StoryProgramme",
    "StoryTopic",
    "Subscriber",
    "SubscriberStatus",
]
