"""Applications made on the site, the cohort they lead to, and who may see them.

Applications hold sensitive data (names, contacts, answers about people's lives), so
they belong to the programme's default-language page whatever language the form was
opened in, only superusers and staff given access to that programme see them, and
they are deleted a configurable number of months after the programme ends.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.areas import AREA_CHOICES, area_label


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short", _("Short text")
    LONG_TEXT = "long", _("Long text")
    CHOICE = "choice", _("Choice from a list")
    YES_NO = "yes-no", _("Yes or no")


class ApplicationQuestion(TranslatableMixin, Orderable):
    """A question editors add to a programme's application form, beside the standard
    fields (name, email, phone, home area, languages)."""

    page = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="application_questions"
    )
    label = models.CharField(_("question"), max_length=255)
    help_text = models.CharField(
        _("help text"),
        max_length=255,
        blank=True,
        help_text=_("Optional: a hint shown under the question."),
    )
    kind = models.CharField(
        _("kind of answer"), max_length=10, choices=QuestionKind.choices, default="short"
    )
    options = models.TextField(
        _("options"),
        blank=True,
        help_text=_("For a choice: one option a line, in the same order in every language."),
    )
    required = models.BooleanField(_("required"), default=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("options"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("options"),
        SynchronizedField("kind"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("application question")
        verbose_name_plural = _("application questions")

    def __str__(self):
        return self.label

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.kind == QuestionKind.CHOICE and len(self.option_list) < 2:
            raise ValidationError({"options": _("A choice needs at least two options.")})


class SelectionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    OFFERED = "offered", _("Offered a place")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WAITLISTED = "waitlisted", _("Waitlisted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


class Application(models.Model):
    """One person's application to one programme (its default-language page)."""

    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_applications",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    home_area = models.CharField(_("home area"), max_length=40, choices=AREA_CHOICES, blank=True)
    languages = models.CharField(_("languages spoken"), max_length=200, blank=True)
    language = models.CharField(
        _("language of the form"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    answers = models.JSONField(_("answers"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SelectionStatus.choices,
        default=SelectionStatus.RECEIVED,
        db_index=True,
    )
    notes = models.TextField(_("staff notes"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    offer_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "programme", Lower("email"), name="one_application_per_email_per_programme"
            )
        ]

    def __str__(self):
        # Log entries and admin titles carry this; never a name or an address.
        return _("Application #%(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def home_area_label(self) -> str:
        return area_label(self.home_area)


class ProgrammeAccess(models.Model):
    """A member of staff allowed to see one programme's applications and cohort.

    Superusers see every programme; everyone else needs a row here, given by a superuser.
    """

    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="staff_access",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member of staff"),
        on_delete=models.CASCADE,
        related_name="programme_access",
        limit_choices_to={"is_staff": True},
    )
    granted_at = models.DateTimeField(_("given"), auto_now_add=True)

    panels = [FieldPanel("programme"), FieldPanel("user")]

    class Meta:
        verbose_name = _("access to applications")
        verbose_name_plural = _("access to applications")
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="unique_programme_access")
        ]

    def __str__(self):
        return f"{self.user} → {self.programme}"


class CohortMember(models.Model):
    """A confirmed participant of a programme's cohort, from an accepted offer."""

    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="cohort_members",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="cohort_memberships",
    )
    application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohort_member",
    )
    display_name = models.CharField(_("name on the register"), max_length=120)
    confirmed_at = models.DateTimeField(_("confirmed"))

    class Meta:
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort members")
        ordering = ["display_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user"],
                name="unique_cohort_member",
                condition=models.Q(user__isnull=False),
            )
        ]

    def __str__(self):
        return self.display_name


class SessionAttendance(models.Model):
    """Whether a cohort member came to a session (its default-language version)."""

    session = models.ForeignKey(
        "programmes.ProgrammeSession", on_delete=models.CASCADE, related_name="attendance"
    )
    cohort_member = models.ForeignKey(
        CohortMember, on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(_("present"), default=False)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "cohort_member"], name="unique_session_attendance"
            )
        ]

    def __str__(self):
        return f"{self.session_id}/{self.cohort_member_id}: {self.present}"
