"""The member area's models, one module per concept, re-exported here so that
`members.models.User` (and the first migration) keep working."""

from .conversations import Conversation, Message, Participant
from .events import (
    DigestSent,
    Event,
    EventAudience,
    EventCalendar,
    EventFormat,
    EventReply,
    EventSkill,
    EventState,
    EventTopic,
    ReminderSent,
    ReplyStatus,
)
from .guests import EventGuest
from .mentoring import (
    MentoringMeeting,
    MentoringWish,
    MentoringWishSkill,
    MentorOffer,
    MentorOfferSkill,
    Mentorship,
    MentorshipStatus,
)
from .newsletter import NewsletterChoice
from .profile import (
    SENSITIVE_FIELDS,
    VISIBILITY_RANK,
    MembershipStatus,
    Profile,
    ProfileLanguage,
    ProfileSkill,
    ProgrammeClaim,
    Visibility,
)
from .records import AuditAction, FormerMember, Invitation, LoginRecord
from .safety import Block, Report
from .user import User, UserManager

__all__ = [
    "SENSITIVE_FIELDS",
    "VISIBILITY_RANK",
    "AuditAction",
    "Block",
    "Conversation",
    "DigestSent",
    "Event",
    "EventAudience",
    "EventCalendar",
    "EventFormat",
    "EventGuest",
    "EventReply",
    "EventSkill",
    "EventState",
    "EventTopic",
    "FormerMember",
    "ReminderSent",
    "ReplyStatus",
    "Invitation",
    "LoginRecord",
    "Message",
    "MentoringMeeting",
    "MentoringWish",
    "MentoringWishSkill",
    "MentorOffer",
    "MentorOfferSkill",
    "Mentorship",
    "MentorshipStatus",
    "MembershipStatus",
    "NewsletterChoice",
    "Profile",
    "ProfileLanguage",
    "ProfileSkill",
    "Participant",
    "ProgrammeClaim",
    "Report",
    "User",
    "UserManager",
    "Visibility",
]
