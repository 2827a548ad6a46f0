"""The member area's models, one module per concept, re-exported here so that
`members.models.User` (and the first migration) keep working."""

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
from .mentoring import (
    MentoringMeeting,
    MentoringWish,
    MentoringWishSkill,
    MentorOffer,
    MentorOfferSkill,
    Mentorship,
    MentorshipStatus,
)
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
from .records import AuditAction, AuditEvent, FormerMember, Invitation, LoginRecord
from .safety import Block, MemberMessage, Report
from .user import User, UserManager

__all__ = [
    "SENSITIVE_FIELDS",
    "VISIBILITY_RANK",
    "AuditAction",
    "AuditEvent",
    "Block",
    "DigestSent",
    "Event",
    "EventAudience",
    "EventCalendar",
    "EventFormat",
    "EventReply",
    "EventSkill",
    "EventState",
    "EventTopic",
    "FormerMember",
    "ReminderSent",
    "ReplyStatus",
    "Invitation",
    "LoginRecord",
    "MemberMessage",
    "MentoringMeeting",
    "MentoringWish",
    "MentoringWishSkill",
    "MentorOffer",
    "MentorOfferSkill",
    "Mentorship",
    "MentorshipStatus",
    "MembershipStatus",
    "Profile",
    "ProfileLanguage",
    "ProfileSkill",
    "ProgrammeClaim",
    "Report",
    "User",
    "UserManager",
    "Visibility",
]
