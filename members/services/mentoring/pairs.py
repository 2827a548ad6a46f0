"""Mentoring rules, one module per concern, re-exported here so that callers (and the tests)
import one module: `from members.services.mentoring import pairs as mentoring`.

- matching.py: which mentors a mentee is offered and in what order;
- pairing.py: asking for a mentor, staff confirming, declining or ending a pair, meetings;
- impact.py: what the network counts for programmes' live impact figures;
- member_data.py: a member's mentoring in their data download and at account deletion.

Programmes and mentoring: a pair may be linked to a programme (staff choose it when they
confirm a pair made within that programme's cohort). A programme's mentoring figures
count only the pairs linked to it, so a funder report never claims mentoring that the
programme did not deliver; pairs made across the network count when no programme is
given.
"""

from members.models.mentoring import CONFIRMED_STATUSES
from members.services.mentoring.impact import (
    count_mentoring_meetings,
    count_mentoring_people,
    mentoring_meetings_many,
    mentoring_people_many,
)
from members.services.mentoring.matching import (
    AREA_ELSEWHERE,
    AREA_NEAR,
    AREA_SAME,
    MAX_OPEN_REQUESTS,
    SUGGESTIONS_SHOWN,
    MatchMentor,
    MatchWish,
    MentoringRefused,
    Suggestion,
    area_closeness,
    available_offers,
    blocked_either_way,
    match_score,
    match_wish,
    rank_mentors,
    suggest_mentors,
    wish_of,
)
from members.services.mentoring.member_data import (
    email_partner_left,
    export_mentoring,
    forget_mentoring,
)
from members.services.mentoring.pairing import (
    confirm,
    decline,
    email_pair_confirmed,
    email_request_declined,
    end,
    log_meeting,
    mentoring_staff,
    notify_staff_of_request,
    open_requests_of,
    pairs_of,
    request_mentor,
    staff_counts,
    withdraw,
)

__all__ = [
    "CONFIRMED_STATUSES",
    "MAX_OPEN_REQUESTS",
    "SUGGESTIONS_SHOWN",
    "AREA_SAME",
    "AREA_NEAR",
    "AREA_ELSEWHERE",
    "MentoringRefused",
    "MatchWish",
    "MatchMentor",
    "area_closeness",
    "match_score",
    "rank_mentors",
    "blocked_either_way",
    "available_offers",
    "wish_of",
    "match_wish",
    "Suggestion",
    "suggest_mentors",
    "open_requests_of",
    "request_mentor",
    "mentoring_staff",
    "notify_staff_of_request",
    "confirm",
    "email_pair_confirmed",
    "decline",
    "email_request_declined",
    "withdraw",
    "end",
    "log_meeting",
    "pairs_of",
    "staff_counts",
    "mentoring_meetings_many",
    "count_mentoring_meetings",
    "mentoring_people_many",
    "count_mentoring_people",
    "export_mentoring",
    "forget_mentoring",
    "email_partner_left",
]
