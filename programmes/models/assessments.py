"""Skills measured before and after: a short self-assessment at the start and the end.

Each round asks the cohort to rate, 1 to 5, how confident they feel in each of the
programme's skills (the shared Skill vocabulary). Answers are kept apart from names:

- `AssessmentInvitation` links a cohort member to a round and holds only the hash of
  their personal link; it says nothing about what they answered.
- `SkillAnswerSet` and its `SkillRating` rows hold the answers, keyed by a random
  pseudonym, never by a foreign key to a person, with no time of submission.
- `AssessmentPseudonym` is the one link from a cohort member to their pseudonym. It
  exists only to match the start and end answers and to let a person replace their
  own answers while a round is open; it is deleted when the end round closes and when
  the person deletes their account, after which nobody can tell whose answers are whose.

Staff and funders see only aggregates (`programmes.services.assessments`).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.dates import validate_plausible_date


class RoundStage(models.TextChoices):
    START = "start", _("Start of the programme")
    END = "end", _("End of the programme")


class SkillAssessmentRound(models.Model):
    """One round of the self-assessment of a programme (its default-language page)."""

    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="assessment_rounds",
    )
    stage = models.CharField(_("round"), max_length=10, choices=RoundStage.choices)
    skills = models.ManyToManyField(
        "home.Skill", verbose_name=_("skills asked about"), related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("answers accepted until"), validators=[validate_plausible_date]
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("self-assessment round")
        verbose_name_plural = _("self-assessment rounds")
        ordering = ["programme_id", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "stage"], name="one_round_per_stage")
        ]

    def __str__(self):
        return f"{self.programme_id}/{self.stage}"

    def is_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.closes_at


class AssessmentInvitation(models.Model):
    """A cohort member's personal link to one round: only its hash is stored."""

    round = models.ForeignKey(
        SkillAssessmentRound, on_delete=models.CASCADE, related_name="invitations"
    )
    cohort_member = models.ForeignKey(
        "programmes.CohortMember", on_delete=models.CASCADE, related_name="assessment_invitations"
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "cohort_member"], name="one_invitation_per_round_and_member"
            )
        ]

    def __str__(self):
        return f"{self.round_id}/{self.cohort_member_id}"


def new_pseudonym() -> str:
    return uuid.uuid4().hex


class AssessmentPseudonym(models.Model):
    """The only link from a person to their answers, kept while it is needed."""

    cohort_member = models.OneToOneField(
        "programmes.CohortMember", on_delete=models.CASCADE, related_name="assessment_pseudonym"
    )
    value = models.CharField(max_length=32, unique=True, default=new_pseudonym)

    def __str__(self):
        return str(self.cohort_member_id)


class SkillAnswerSet(models.Model):
    """One person's answers to one round, under their pseudonym: no name, no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        SkillAssessmentRound, on_delete=models.CASCADE, related_name="answer_sets"
    )
    pseudonym = models.CharField(max_length=32, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "pseudonym"], name="one_answer_set_per_round_and_person"
            )
        ]

    def __str__(self):
        return str(self.id)


class SkillRating(models.Model):
    """How confident the person felt in one skill, from 1 (not at all) to 5 (very)."""

    answer_set = models.ForeignKey(SkillAnswerSet, on_delete=models.CASCADE, related_name="ratings")
    skill = models.ForeignKey("home.Skill", on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer_set", "skill"], name="one_rating_per_skill"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="rating_from_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.skill_id}: {self.rating}"
