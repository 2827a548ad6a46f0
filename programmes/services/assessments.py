"""The skills self-assessment: opening and closing rounds, the personal link, storing
answers under a pseudonym, and the before/after report.

Called by the admin views, the participant's page, the impact counter, the member data
export and account deletion alike. How answers are kept apart from names is described
in `programmes.models.assessments`; no function here returns one person's answers to
anyone but that person (through their own link or their data download).
"""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from home.emails import send_email
from home.http import site_url
from home.models import Skill
from home.tokens import hash_token, new_token
from programmes.models import (
    AssessmentInvitation,
    AssessmentPseudonym,
    CohortMember,
    ProgrammePage,
    RoundStage,
    SkillAnswerSet,
    SkillAssessmentRound,
    SkillRating,
)
from programmes.services import access
from programmes.services.suppression import THRESHOLD

ROUND_OPENED = "programmes.assessment.opened"
ROUND_CLOSED = "programmes.assessment.closed"

SCALE = [
    (1, gettext_lazy("Not at all confident")),
    (2, gettext_lazy("A little confident")),
    (3, gettext_lazy("Fairly confident")),
    (4, gettext_lazy("Confident")),
    (5, gettext_lazy("Very confident")),
]


class RoundRefused(Exception):
    """A round could not be opened or closed; the message says why, nothing changed."""


class InvitationInvalid(Exception):
    """The personal link is unknown."""


class RoundClosed(Exception):
    """The round no longer takes answers."""


# Rounds ------------------------------------------------------------------------------


def rounds_of(programme) -> dict[str, SkillAssessmentRound]:
    return {
        round.stage: round
        for round in SkillAssessmentRound.objects.filter(programme_id=programme.pk)
    }


def _end_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


def _participant_email(member: CohortMember) -> str:
    if member.user_id and member.user.is_active and member.user.email:
        return member.user.email
    if member.application_id:
        return member.application.email
    return ""


def open_round(programme, stage: str, closes_on: date, *, by) -> SkillAssessmentRound:
    """Open the start or end round and email each participant their personal link.

    Raises RoundRefused, changing nothing, when the programme lists no skills, the round
    was opened before, the end round comes before the start round has closed, or the
    closing day has passed.
    """
    skills = list(programme.skills.all())
    rounds = rounds_of(programme)
    if not skills:
        raise RoundRefused(_("Add the skills participants will learn to the programme first."))
    if stage not in RoundStage.values:
        raise RoundRefused(_("Choose the start or the end round."))
    if stage in rounds:
        raise RoundRefused(_("This round has been opened already."))
    if stage == RoundStage.END and (
        RoundStage.START not in rounds or rounds[RoundStage.START].is_open()
    ):
        raise RoundRefused(_("Open and close the start round before the end round."))
    if closes_on < timezone.localdate():
        raise RoundRefused(_("The last day for answers cannot be in the past."))
    members = list(
        CohortMember.objects.filter(programme_id=programme.pk).select_related("user", "application")
    )
    with transaction.atomic():
        round = SkillAssessmentRound.objects.create(
            programme=programme, stage=stage, closes_at=_end_of_day(closes_on), opened_by=by
        )
        round.skills.set(skills)
        invitations = AssessmentInvitation.objects.bulk_create(
            AssessmentInvitation(round=round, cohort_member=member)
            for member in members
            if _participant_email(member)
        )
        access.record(programme, ROUND_OPENED, by, stage=stage, invited=len(invitations))
        ids = [invitation.pk for invitation in invitations]
        transaction.on_commit(lambda: _enqueue_invitations(ids))
    return round


def _enqueue_invitations(ids):
    from programmes.tasks import send_assessment_invitation

    for pk in ids:
        send_assessment_invitation.enqueue(pk)


def close_round(round: SkillAssessmentRound, *, by):
    """Stop taking answers now. Closing the end round deletes the links from people to
    their pseudonyms: the answers can no longer be tied to anyone."""
    if not round.is_open():
        raise RoundRefused(_("This round is closed already."))
    with transaction.atomic():
        round.closes_at = timezone.now()
        round.save(update_fields=["closes_at"])
        if round.stage == RoundStage.END:
            AssessmentPseudonym.objects.filter(
                cohort_member__programme_id=round.programme_id
            ).delete()
        access.record(round.programme, ROUND_CLOSED, by, stage=round.stage)


# The personal link -------------------------------------------------------------------


def assessment_url(token: str, language: str) -> str:
    with translation.override(language):
        path = reverse("skill_assessment", args=[token])
    return site_url(path)


def participant_language(member: CohortMember) -> str:
    if member.application_id and member.application.language:
        return member.application.language
    return settings.LANGUAGE_CODE


def send_invitation(invitation_id: int) -> bool:
    """Make a fresh personal link for the invitation and email it (the task's body).

    Only the link's hash is kept: the link itself is in the outgoing email only until
    it is sent, when its text is erased (home/emails/)."""
    invitation = (
        AssessmentInvitation.objects.select_related(
            "round__programme", "cohort_member__user", "cohort_member__application"
        )
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.round.is_open():
        return False
    email = _participant_email(invitation.cohort_member)
    if not email:
        return False
    token = new_token()
    invitation.token_hash = hash_token(token)
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_hash", "sent_at"])
    language = participant_language(invitation.cohort_member)
    programme = invitation.round.programme
    send_email(
        email,
        "programmes/emails/assessment.html",
        {
            "programme_title": _localised_title(programme, language),
            "round": invitation.round,
            "assessment_url": assessment_url(token, language),
            "closes_at": invitation.round.closes_at,
        },
        language=language,
    )
    return True


def _localised_title(programme: ProgrammePage, language: str) -> str:
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == programme.locale_id:
        return programme.title
    version = (
        ProgrammePage.objects.live()
        .filter(translation_key=programme.translation_key, locale=locale)
        .only("title")
        .first()
    )
    return version.title if version else programme.title


def find_invitation(token: str) -> AssessmentInvitation:
    invitation = (
        AssessmentInvitation.objects.select_related("round__programme", "cohort_member")
        .filter(token_hash=hash_token(token))
        .exclude(token_hash="")
        .first()
    )
    if invitation is None:
        raise InvitationInvalid
    return invitation


def _answer_set(invitation, *, create: bool):
    pseudonym = AssessmentPseudonym.objects.filter(cohort_member=invitation.cohort_member).first()
    if pseudonym is None:
        if not create:
            return None
        pseudonym = AssessmentPseudonym.objects.create(cohort_member=invitation.cohort_member)
    if create:
        return SkillAnswerSet.objects.get_or_create(
            round=invitation.round, pseudonym=pseudonym.value
        )[0]
    return SkillAnswerSet.objects.filter(round=invitation.round, pseudonym=pseudonym.value).first()


def own_answers(invitation) -> dict[int, int]:
    """Skill id → rating, for the person holding the link: their answers to prefill."""
    answer_set = _answer_set(invitation, create=False)
    if answer_set is None:
        return {}
    return dict(answer_set.ratings.values_list("skill_id", "rating"))


@transaction.atomic
def submit(invitation, ratings: dict[int, int]) -> int:
    """Store the person's answers, replacing any earlier ones for this round.

    `ratings` maps skill ids to 1–5; skills left out are not answered. Returns how many
    were answered. Raises RoundClosed once the round has closed."""
    if not invitation.round.is_open():
        raise RoundClosed
    asked = set(invitation.round.skills.values_list("pk", flat=True))
    ratings = {
        skill: rating
        for skill, rating in ratings.items()
        if skill in asked and rating in range(1, 6)
    }
    answer_set = _answer_set(invitation, create=True)
    answer_set.ratings.all().delete()
    if not ratings:
        answer_set.delete()
        return 0
    SkillRating.objects.bulk_create(
        SkillRating(answer_set=answer_set, skill_id=skill, rating=rating)
        for skill, rating in ratings.items()
    )
    return len(ratings)


def remove_answers(invitation):
    """The person withdraws their answers to an open round."""
    if not invitation.round.is_open():
        raise RoundClosed
    answer_set = _answer_set(invitation, create=False)
    if answer_set is not None:
        answer_set.delete()


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
