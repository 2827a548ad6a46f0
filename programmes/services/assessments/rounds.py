"""Opening and closing a programme's self-assessment rounds (start and end), which emails
each participant their own link."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.models import (
    AssessmentInvitation,
    AssessmentPseudonym,
    CohortMember,
    RoundStage,
    SkillAssessmentRound,
)
from programmes.services import access

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
