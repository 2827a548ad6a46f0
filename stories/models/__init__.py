"""Stories: participant stories, news and newsletters, their figures and subscribers."""

from .consent import ConsentScope
from .figures import HighlightFigure
from .newsletter import (
    NewsletterAudience,
    NewsletterRecipient,
    NewsletterSend,
    SendState,
    Subscriber,
    SubscriberStatus,
)
from .pages import StoryIndexPage, StoryKind, StoryPage, StoryProgramme
from .tags import StoryTopic

__all__ = [
    "ConsentScope",
    "HighlightFigure",
    "NewsletterAudience",
    "NewsletterRecipient",
    "NewsletterSend",
    "SendState",
    "StoryIndexPage",
    "StoryKind",
    "StoryPage",
    "StoryProgramme",
    "StoryTopic",
    "Subscriber",
    "SubscriberStatus",
]
