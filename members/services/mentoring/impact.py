"""Live impact counters for programmes' figures (registered in members/wagtail_hooks.py):
meetings held and people in pairs, counting only the pairs linked to the programme."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from members.models import (
    MentoringMeeting,
    Mentorship,
)
from members.models.mentoring import CONFIRMED_STATUSES

# --- Live impact counters (registered in members/wagtail_hooks.py)


def _programme_q(programme, prefix: str = "") -> Q:
    """Pairs linked to this programme in any of its languages; every pair without one."""
    if programme is None:
        return Q()
    return Q(**{f"{prefix}programme__translation_key": programme.translation_key})


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def mentoring_meetings_many(queries) -> list[int]:
    """Meetings held on a day within each period, by pairs of each programme: one query."""
    conditions = {}
    for index, (programme, start, end) in enumerate(queries):
        condition = _programme_q(programme, "mentorship__")
        if start is not None:
            condition &= Q(met_on__gte=start)
        if end is not None:
            condition &= Q(met_on__lte=end)
        conditions[f"n{index}"] = Count("pk", filter=condition)
    if not conditions:
        return []
    totals = MentoringMeeting.objects.aggregate(**conditions)
    return [totals[f"n{index}"] for index in range(len(queries))]


def count_mentoring_meetings(programme, start: date | None, end: date | None) -> int:
    """Mentoring meetings held within the period (see the module's note on programmes)."""
    return mentoring_meetings_many([(programme, start, end)])[0]


count_mentoring_meetings.count_many = mentoring_meetings_many


def _active_in(pair: dict, start: date | None, end: date | None) -> bool:
    """A confirmed pair is active in a period when it was confirmed by the end of the
    period's last day and not closed before its first day."""
    if end is not None and pair["confirmed_at"] >= _moment(end + timedelta(days=1)):
        return False
    return not (start is not None and pair["closed_at"] and pair["closed_at"] < _moment(start))


def _person(pair: dict, side: str) -> tuple:
    """Who sits on one side of a pair: their account, or the anonymous record a deleted
    account left (one per person, so someone in two pairs still counts once)."""
    if pair[f"{side}_id"] is not None:
        return ("member", pair[f"{side}_id"])
    return ("former", pair[f"former_{side}_id"])


def mentoring_people_many(queries) -> list[int]:
    """Distinct members (mentors and mentees) in pairs active within each period: one
    query for all the periods, counted here."""
    keys = {getattr(programme, "translation_key", None) for programme, _s, _e in queries}
    pairs = Mentorship.objects.filter(status__in=CONFIRMED_STATUSES, confirmed_at__isnull=False)
    if None not in keys:
        pairs = pairs.filter(programme__translation_key__in=keys)
    rows = list(
        pairs.values(
            "mentor_id",
            "mentee_id",
            "former_mentor_id",
            "former_mentee_id",
            "confirmed_at",
            "closed_at",
            "programme__translation_key",
        )
    )
    numbers = []
    for programme, start, end in queries:
        key = getattr(programme, "translation_key", None)
        people = set()
        for pair in rows:
            if programme is not None and pair["programme__translation_key"] != key:
                continue
            if _active_in(pair, start, end):
                people.update((_person(pair, "mentor"), _person(pair, "mentee")))
        numbers.append(len(people))
    return numbers


def count_mentoring_people(programme, start: date | None, end: date | None) -> int:
    """Distinct people in mentoring pairs active within the period."""
    return mentoring_people_many([(programme, start, end)])[0]


count_mentoring_people.count_many = mentoring_people_many
