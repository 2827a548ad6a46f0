"""A member's profile: who they are in the network, and who may see each part of it.

The profile is also where membership lives (pending, approved, declined), because a
profile is what approval unlocks. Visibility is chosen by the member for the whole
profile and, separately, for the fields that can put someone at risk.
"""

import uuid

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from home.areas import AREA_CHOICES, area_label
from home.models import Skill
from members.languages import LANGUAGE_LABELS, SPOKEN_LANGUAGES
from members.storage import member_photo_storage


def visibility_field(label, default="members"):
    """A member's choice of who may see something: approved members unless they say so
    (or unless the field is private by default, like offering mentoring)."""
    return models.CharField(label, max_length=10, choices=Visibility.choices, default=default)


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class Visibility(models.TextChoices):
    """Who may see something. Ordered from most private to most open."""

    STAFF = "staff", _("Only me and staff")
    MEMBERS = "members", _("Approved members")
    PUBLIC = "public", _("Anyone")


VISIBILITY_RANK = {Visibility.STAFF: 0, Visibility.MEMBERS: 1, Visibility.PUBLIC: 2}

# The fields a member protects separately from the rest of the profile.
SENSITIVE_FIELDS = ("photo", "home_area", "programmes", "links", "cohorts")


def photo_upload_path(profile, filename):
    """A random file name: the name a member gave their photo never reaches the disk."""
    return f"members/photos/{uuid.uuid4().hex}.jpg"


class ProfileSkill(ItemBase):
    """A profile tagged with a skill from the shared vocabulary programmes use."""

    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="profile_items")
    content_object = models.ForeignKey(
        "members.Profile", on_delete=models.CASCADE, related_name="skill_items"
    )

    class Meta:
        # The directory's skill filter asks "has this profile this skill?" for every
        # profile in an area: without this index the database walks every profile with
        # the skill for each one (seconds at 10,000 members).
        indexes = [
            models.Index(fields=["content_object", "tag"], name="members_profileskill_obj_tag")
        ]


class Profile(models.Model):
    """What a member tells the network about themselves, with their visibility choices."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    status = models.CharField(
        _("membership"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("membership changed"), null=True, blank=True)

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        help_text=_("The name other members see. It can be a chosen name, not your legal one."),
    )
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    headline = models.CharField(
        _("headline"),
        max_length=140,
        blank=True,
        help_text=_("One line about you, such as “Community organiser in Leeds”."),
    )
    bio = models.TextField(_("about me"), blank=True, max_length=3000)
    photo = models.ImageField(
        _("photo"), upload_to=photo_upload_path, storage=member_photo_storage, blank=True
    )
    home_area = models.CharField(
        _("home area"), max_length=40, choices=AREA_CHOICES, blank=True, db_index=True
    )
    interests = models.CharField(_("interests"), max_length=300, blank=True)
    skills = TaggableManager(
        through=ProfileSkill,
        blank=True,
        verbose_name=_("skills"),
        help_text=_("Chosen from the same skills list that programmes use."),
    )
    links = models.TextField(
        _("links"),
        blank=True,
        max_length=1000,
        help_text=_("Web addresses, one a line (a website, a public social media page)."),
    )

    visibility = visibility_field(_("who can see my profile"))
    photo_visibility = visibility_field(_("who can see my photo"))
    home_area_visibility = visibility_field(_("who can see my home area"))
    programmes_visibility = visibility_field(_("who can see my programmes"))
    links_visibility = visibility_field(_("who can see my links"))
    cohorts_visibility = visibility_field(_("who can see the cohorts I joined"))

    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=20)
    privacy_consented_at = models.DateTimeField(_("privacy notice accepted"), null=True)
    staff_export_consent = models.BooleanField(
        _("staff may include me in exports"),
        default=False,
        help_text=_("Staff may include your name and email in member lists they download."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    events_digest = models.BooleanField(
        _("send me a weekly email of events near me"),
        default=False,
        help_text=_("New events near you and online, and the latest stories, once a week."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["display_name", "pk"]
        permissions = [("moderate_members", _("Can approve members and see reports"))]

    def __str__(self):
        return _("Member #%(number)s") % {"number": self.pk}

    @property
    def is_approved(self) -> bool:
        return self.status == MembershipStatus.APPROVED

    @property
    def home_area_label(self) -> str:
        return area_label(self.home_area)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        check = URLValidator(schemes=["http", "https"])
        for link in self.link_list:
            try:
                check(link)
            except ValidationError as error:
                raise ValidationError(
                    {"links": _("“%(link)s” is not a web address.") % {"link": link}}
                ) from error


class ProfileLanguage(models.Model):
    """A language a member speaks; one row per language so the directory can filter."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=10, choices=SPOKEN_LANGUAGES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="unique_profile_language")
        ]
        ordering = ["code"]

    def __str__(self):
        return str(LANGUAGE_LABELS.get(self.code, self.code))


class ProgrammeClaim(models.Model):
    """A member's claim to have taken part in a programme; staff confirm it."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="claims")
    programme = models.ForeignKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="member_claims"
    )
    cohort = models.CharField(
        _("cohort"), max_length=60, blank=True, help_text=_("For example “2023–24”.")
    )
    confirmed = models.BooleanField(_("confirmed by staff"), default=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("programme claim")
        verbose_name_plural = _("programme claims")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "programme", "cohort"], name="unique_programme_claim"
            )
        ]

    def __str__(self):
        return f"{self.programme_id} {self.cohort}".strip()
