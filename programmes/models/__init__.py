"""Programmes: the index page, the programme page and its schedule."""

from .applications import (
    Application,
    ApplicationQuestion,
    CohortMember,
    ProgrammeAccess,
    QuestionKind,
    SelectionStatus,
    SessionAttendance,
)
from .assessments import (
    AssessmentInvitation,
    AssessmentPseudonym,
    RoundStage,
    SkillAnswerSet,
    SkillAssessmentRound,
    SkillRating,
)
from .monitoring import MonitoringResponse
from .outcomes import ProgrammeOutcomeFigure
from .pages import ProgrammeFunder, ProgrammeIndexPage, ProgrammePage, ProgrammePartner
from .schedule import ProgrammeScheduleNote, ProgrammeSession, ScheduleDay
from .tags import ProgrammeSkill, ProgrammeTopic

__all__ = [
    "Application",
    "AssessmentInvitation",
    "AssessmentPseudonym",
    "MonitoringResponse",
    "RoundStage",
    "SkillAnswerSet",
    "SkillAssessmentRound",
    "SkillRating",
    "ApplicationQuestion",
    "CohortMember",
    "ProgrammeAccess",
    "QuestionKind",
    "SelectionStatus",
    "SessionAttendance",
    "ProgrammeFunder",
    "ProgrammeIndexPage",
    "ProgrammeOutcomeFigure",
    "ProgrammePage",
    "ProgrammePartner",
    "ProgrammeScheduleNote",
    "ProgrammeSession",
    "ProgrammeSkill",
    "ProgrammeTopic",
    "ScheduleDay",
]
