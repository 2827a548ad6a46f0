"""Mentoring between members: who offers it, who seeks it, the pairs staff confirm and
the meetings a pair logs.

A mentee asks for a mentor (a `Mentorship` in the "requested" state); staff confirm or
decline it; a confirmed pair logs its meetings. A meeting's note is private to the pair:
staff and counters only ever read that a meeting happened and when.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from home.areas import AREA_CHOICES, area_label
from home.models import Skill
from members.languages import LANGUAGE_LABELS

from .profile import Visibility, visibility_field

MAX_MENTEES = 10
FORMER_MEMBER = _("A former member")


class MentorOfferSkill(ItemBase):
    """A mentor's offer tagged with a skill from the shared vocabulary."""

    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="mentor_offer_items")
    content_object = models.ForeignKey(
        "members.MentorOffer", on_delete=models.CASCADE, related_name="skill_items"
    )


class MentorOffer(models.Model):
    """A member offering to mentor others: on what, in which languages, where, and how
    many mentees at once. Members looking for a mentor see it among their suggestions."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_offer"
    )
    active = models.BooleanField(
        _("I am taking mentees now"),
        default=True,
        help_text=_("Untick to pause: you stay paired with your mentees, nobody new asks."),
    )
    skills = TaggableManager(
        through=MentorOfferSkill,
        blank=True,
        verbose_name=_("skills I can mentor on"),
        help_text=_("Chosen from the same skills list that programmes use."),
    )
    languages = models.JSONField(_("languages I can mentor in"), default=list, blank=True)
    area = models.CharField(
        _("area"),
        max_length=40,
        choices=AREA_CHOICES,
        blank=True,
        help_text=_("Where you could meet mentees in person. Leave empty for online only."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("how many mentees at once"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MENTEES)],
    )
    note = models.CharField(
        _("a short note for mentees"),
        max_length=500,
        blank=True,
        help_text=_("For example what you have done and how you like to meet."),
    )
    visibility = visibility_field(
        _("who can see on my profile that I offer mentoring"), default=Visibility.STAFF
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentoring offer")
        verbose_name_plural = _("mentoring offers")

    def __str__(self):
        return _("Mentoring offer #%(number)s") % {"number": self.pk}

    @property
    def area_label(self) -> str:
        return area_label(self.area)

    @property
    def language_labels(self) -> list[str]:
        return [str(LANGUAGE_LABELS.get(code, code)) for code in self.languages]


class MentoringWishSkill(ItemBase):
    """A member's wish for a mentor tagged with a skill they want to learn."""

    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="mentoring_wish_items")
    content_object = models.ForeignKey(
        "members.MentoringWish", on_delete=models.CASCADE, related_name="skill_items"
    )


class MentoringWish(models.Model):
    """What a member looking for a mentor wants: it ranks the mentors suggested to them.
    Seen by the member and by staff only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_wish"
    )
    skills = TaggableManager(
        through=MentoringWishSkill,
        blank=True,
        verbose_name=_("skills I want to grow"),
        help_text=_("Chosen from the same skills list that programmes use."),
    )
    languages = models.JSONField(
        _("languages I would like to be mentored in"), default=list, blank=True
    )
    area = models.CharField(
        _("area"),
        max_length=40,
        choices=AREA_CHOICES,
        blank=True,
        help_text=_("Where you could meet a mentor in person. Leave empty for online only."),
    )
    message = models.CharField(
        _("what I am looking for"),
        max_length=1000,
        blank=True,
        help_text=_("A few words for staff and your future mentor."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("wish for a mentor")
        verbose_name_plural = _("wishes for a mentor")

    def __str__(self):
        return _("Wish for a mentor #%(number)s") % {"number": self.pk}


class MentorshipStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for staff")
    ACTIVE = "active", _("Paired")
    DECLINED = "declined", _("Not confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ENDED = "ended", _("Ended")


OPEN_STATUSES = (MentorshipStatus.REQUESTED, MentorshipStatus.ACTIVE)
CONFIRMED_STATUSES = (MentorshipStatus.ACTIVE, MentorshipStatus.ENDED)


class Mentorship(models.Model):
    """A mentee's request for a mentor and, once staff confirm it, the pair."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # A pair outlives a deleted member (its meetings stay counted): the account's side
    # becomes empty and points at the anonymous `FormerMember` left in its place.
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="mentorships_as_mentor",
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="mentorships_as_mentee",
    )
    former_mentor = models.ForeignKey(
        "members.FormerMember", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    former_mentee = models.ForeignKey(
        "members.FormerMember", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MentorshipStatus.choices,
        default=MentorshipStatus.REQUESTED,
        db_index=True,
    )
    message = models.CharField(_("message to staff"), max_length=1000, blank=True)
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentorships",
        verbose_name=_("programme"),
        help_text=_("The programme whose cohort this pair belongs to, if any."),
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When it was declined, withdrawn or ended.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(mentor=F("mentee")), name="mentorship_not_with_oneself"
            ),
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=["requested", "active"]),
                name="one_open_mentorship_per_pair",
            ),
        ]

    def __str__(self):
        return _("Mentoring pair #%(number)s") % {"number": self.pk}

    def includes(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.mentor_id, self.mentee_id)

    def partner_of(self, user):
        """The other member of the pair; None once they deleted their account."""
        return self.mentee if user.pk == self.mentor_id else self.mentor

    def partner_name_for(self, user) -> str:
        partner = self.partner_of(user)
        return partner.profile.display_name if partner is not None else str(FORMER_MEMBER)


class MentoringMeeting(models.Model):
    """A meeting a pair held. The note is the pair's own: never shown to staff."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="meetings")
    met_on = models.DateField(_("date of the meeting"), db_index=True)
    note = models.TextField(
        _("note (only the two of you can read it)"), max_length=2000, blank=True
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    logged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring meeting")
        verbose_name_plural = _("mentoring meetings")
        ordering = ["-met_on", "-pk"]

    def __str__(self):
        return _("Mentoring meeting #%(number)s") % {"number": self.pk}
