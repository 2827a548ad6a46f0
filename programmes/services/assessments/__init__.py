"""The skills self-assessment: opening and closing rounds, the personal link, storing
answers under a pseudonym, and the before/after report.

Called by the admin views, the participant's page, the impact counter, the member data
export and account deletion alike. How answers are kept apart from names is described
in `programmes.models.assessments`; no function here returns one person's answers to
anyone but that person (through their own link or their data download).
"""

from programmes.services.assessments.answers import (
    assessment_url,
    find_invitation,
    own_answers,
    participant_language,
    remove_answers,
    send_invitation,
    submit,
)
from programmes.services.assessments.results import (
    ChangeSummary,
    SkillChange,
    answer_counts,
    change_summary,
    count_skill_growth,
    count_skill_growth_many,
    forget_member,
    member_answers,
    skill_changes,
)
from programmes.services.assessments.rounds import (
    ROUND_CLOSED,
    ROUND_OPENED,
    SCALE,
    InvitationInvalid,
    RoundClosed,
    RoundRefused,
    close_round,
    open_round,
    rounds_of,
)

__all__ = [
    "ROUND_OPENED",
    "ROUND_CLOSED",
    "SCALE",
    "RoundRefused",
    "InvitationInvalid",
    "RoundClosed",
    "rounds_of",
    "open_round",
    "close_round",
    "assessment_url",
    "participant_language",
    "send_invitation",
    "find_invitation",
    "own_answers",
    "submit",
    "remove_answers",
    "ChangeSummary",
    "change_summary",
    "SkillChange",
    "skill_changes",
    "answer_counts",
    "count_skill_growth",
    "count_skill_growth_many",
    "member_answers",
    "forget_member",
]
