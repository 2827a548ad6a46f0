"""Programmes: the index page, the programme page and its schedule."""

from .pages import ProgrammeFunder, ProgrammeIndexPage, ProgrammePage, ProgrammePartner
from .schedule import ProgrammeScheduleNote, ProgrammeSession, ScheduleDay
from .tags import ProgrammeSkill, ProgrammeTopic

__all__ = [
    "ProgrammeFunder",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammePartner",
    "ProgrammeScheduleNote",
    "ProgrammeSession",
    "ProgrammeSkill",
    "ProgrammeTopic",
    "ScheduleDay",
]
