"""Shared ground: vocabularies, reusable snippets, site settings and the home page."""

from .emails import DeletedAddress, EmailStatus, OutgoingEmail
from .figures import OutcomeFigure
from .pages import HomePage, HomePageFunder, PrivacyNoticePage, SectionIndexPage
from .settings import SiteSettings, SiteTexts, SocialLink
from .snippets import Funder, Organisation
from .suppression import SuppressedAddress, SuppressionReason
from .tags import Skill, SkillName, Topic, TopicName

__all__ = [
    "DeletedAddress",
    "EmailStatus",
    "OutgoingEmail",
    "Funder",
    "HomePage",
    "HomePageFunder",
    "Organisation",
    "SectionIndexPage",
    "OutcomeFigure",
    "PrivacyNoticePage",
    "SiteSettings",
    "SiteTexts",
    "Skill",
    "SkillName",
    "SocialLink",
    "SuppressedAddress",
    "SuppressionReason",
    "Topic",
    "TopicName",
]
