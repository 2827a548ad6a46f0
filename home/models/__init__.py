"""Shared ground: vocabularies, reusable snippets, site settings and the home page."""

from .emails import DeletedAddress, EmailStatus, OutgoingEmail
from .figures import OutcomeFigure
from .pages import HomePage, HomePageFunder, PrivacyNoticePage, SectionIndexPage
from .settings import SiteSettings, SiteTexts, SocialLink
from .snippets import Funder, Organisation
from .staff_alerts import AlertDelivery, PendingStaffAlert, StaffAlertPreference
from .suppression import SuppressedAddress, SuppressionReason
from .tags import Skill, SkillName, Topic, TopicName

__all__ = [
    "AlertDelivery",
    "DeletedAddress",
    "EmailStatus",
    "OutgoingEmail",
    "Funder",
    "HomePage",
    "HomePageFunder",
    "Organisation",
    "SectionIndexPage",
    "OutcomeFigure",
    "PendingStaffAlert",
    "PrivacyNoticePage",
    "SiteSettings",
    "SiteTexts",
    "Skill",
    "SkillName",
    "SocialLink",
    "StaffAlertPreference",
    "SuppressedAddress",
    "SuppressionReason",
    "Topic",
    "TopicName",
]
