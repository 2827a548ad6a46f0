"""What the answers show without naming anyone: the before/after change per skill, the
live impact source "participants reporting growth in <skill>", and a member's own
answers for their data download and account deletion."""

import statistics
from dataclasses import dataclass

from django.utils import timezone

from home.models import Skill
from programmes.models import (
    AssessmentInvitation,
    AssessmentPseudonym,
    CohortMember,
    RoundStage,
    SkillAnswerSet,
    SkillAssessmentRound,
    SkillRating,
)
from programmes.services.suppression import THRESHOLD

# The before/after report ---------------------------------------------------------------


@dataclass(frozen=True)
class ChangeSummary:
    """The change in one skill across the people who answered both rounds."""

    answered_both: int
    median_change: float | None
    moved_up: int

    @property
    def shown(self) -> bool:
        """Too few people would let a reader guess someone's answers: nothing shown."""
        return self.answered_both >= THRESHOLD

    @property
    def share_up(self) -> int | None:
        if not self.shown:
            return None
        return round(self.moved_up * 100 / self.answered_both)

    @property
    def median_display(self) -> str:
        if not self.shown or self.median_change is None:
            return ""
        value = self.median_change
        text = f"{value:+.1f}".rstrip("0").rstrip(".") if value else "0"
        return text


def change_summary(pairs: list[tuple[int, int]]) -> ChangeSummary:
    """From (start rating, end rating) per person: how many, the median change and how
    many moved up. Pure, so the aggregation is tested over crafted answers."""
    changes = [after - before for before, after in pairs]
    return ChangeSummary(
        answered_both=len(changes),
        median_change=statistics.median(changes) if changes else None,
        moved_up=sum(1 for change in changes if change > 0),
    )


@dataclass(frozen=True)
class SkillChange:
    skill: Skill
    answered_start: int
    answered_end: int
    change: ChangeSummary


def _ratings(programme_ids, skill_ids=None):
    """(programme id, stage, pseudonym, skill id, rating) rows, in one query."""
    rows = SkillRating.objects.filter(answer_set__round__programme_id__in=list(programme_ids))
    if skill_ids is not None:
        rows = rows.filter(skill_id__in=list(skill_ids))
    return rows.values_list(
        "answer_set__round__programme_id",
        "answer_set__round__stage",
        "answer_set__pseudonym",
        "skill_id",
        "rating",
    )


def _pairs(rows) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(programme id, skill id) → the (start, end) ratings of each person in both rounds."""
    by_person: dict = {}
    for programme_id, stage, pseudonym, skill_id, rating in rows:
        by_person.setdefault((programme_id, skill_id, pseudonym), {})[stage] = rating
    pairs: dict = {}
    for (programme_id, skill_id, _pseudonym), stages in by_person.items():
        if RoundStage.START in stages and RoundStage.END in stages:
            pairs.setdefault((programme_id, skill_id), []).append(
                (stages[RoundStage.START], stages[RoundStage.END])
            )
    return pairs


def skill_changes(programme) -> list[SkillChange]:
    """Per skill asked about: answers in each round and the change, never one person's."""
    rounds = list(
        SkillAssessmentRound.objects.filter(programme_id=programme.pk).prefetch_related("skills")
    )
    skills = {skill.pk: skill for round in rounds for skill in round.skills.all()}
    if not skills:
        return []
    rows = list(_ratings([programme.pk]))
    pairs = _pairs(rows)
    answered = {}
    for _programme_id, stage, _pseudonym, skill_id, _rating in rows:
        answered[(stage, skill_id)] = answered.get((stage, skill_id), 0) + 1
    return [
        SkillChange(
            skill=skill,
            answered_start=answered.get((RoundStage.START, skill.pk), 0),
            answered_end=answered.get((RoundStage.END, skill.pk), 0),
            change=change_summary(pairs.get((programme.pk, skill.pk), [])),
        )
        for skill in sorted(skills.values(), key=lambda skill: skill.name)
    ]


def answer_counts(programme) -> dict[str, int]:
    """Stage → how many people answered that round (at least one skill)."""
    counts = {}
    for stage in SkillAnswerSet.objects.filter(round__programme_id=programme.pk).values_list(
        "round__stage", flat=True
    ):
        counts[stage] = counts.get(stage, 0) + 1
    return counts


# The live impact source "participants reporting growth in <skill>" --------------------


def count_skill_growth(programme, start, end, skill_id) -> int | None:
    """People who rated the skill higher at the end than at the start. None until at
    least five answered both rounds, so that no one's answers can be guessed. The
    period is not used: both rounds belong to the programme."""
    return count_skill_growth_many([(programme, start, end, skill_id)])[0]


def count_skill_growth_many(queries) -> list[int | None]:
    programme_ids = {programme.pk for programme, *_rest in queries}
    skill_ids = {query[3] for query in queries if query[3] is not None}
    pairs = _pairs(_ratings(programme_ids, skill_ids)) if skill_ids else {}
    values = []
    for programme, _start, _end, skill_id in queries:
        summary = change_summary(pairs.get((programme.pk, skill_id), []))
        values.append(summary.moved_up if summary.shown else None)
    return values


count_skill_growth.count_many = count_skill_growth_many


# A member's own data -------------------------------------------------------------------


def member_answers(user) -> list[dict]:
    """What a member answered, for their data download (only while still linked)."""
    pseudonyms = dict(
        AssessmentPseudonym.objects.filter(cohort_member__user=user).values_list(
            "value", "cohort_member__programme__title"
        )
    )
    answer_sets = SkillAnswerSet.objects.filter(pseudonym__in=list(pseudonyms)).prefetch_related(
        "ratings__skill"
    )
    return [
        {
            "programme": pseudonyms[answer_set.pseudonym],
            "round": answer_set.round.stage,
            "ratings": {rating.skill.name: rating.rating for rating in answer_set.ratings.all()},
        }
        for answer_set in answer_sets.select_related("round")
    ]


def forget_member(user):
    """Before an account is deleted: answers to rounds still open go, and so do the
    person's links to their pseudonyms and rounds. Answers to closed rounds, already
    reported, stay, with nothing left to tie them to anyone."""
    members = CohortMember.objects.filter(user=user)
    pseudonyms = AssessmentPseudonym.objects.filter(cohort_member__in=members)
    SkillAnswerSet.objects.filter(
        pseudonym__in=list(pseudonyms.values_list("value", flat=True)),
        round__closes_at__gt=timezone.now(),
    ).delete()
    pseudonyms.delete()
    AssessmentInvitation.objects.filter(cohort_member__in=members).delete()
