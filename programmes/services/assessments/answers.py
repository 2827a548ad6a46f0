"""The personal link: sending it, finding the invitation it carries, and storing,
reading or removing that person's answers under their pseudonym."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from home.emails import send_email
from home.http import site_url
from home.tokens import hash_token, new_token
from programmes.models import (
    AssessmentInvitation,
    AssessmentPseudonym,
    CohortMember,
    ProgrammePage,
    SkillAnswerSet,
    SkillRating,
)
from programmes.services.assessments.rounds import (
    InvitationInvalid,
    RoundClosed,
    _participant_email,
)

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
