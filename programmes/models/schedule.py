"""A programme's schedule: dated sessions and notices for periods not yet fixed."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.dates import validate_plausible_date


class SessionKind(models.TextChoices):
    TRAINING = "training", _("Training session")
    ACTION = "action", _("Action")
    PLANNING = "planning", _("Planning day")
    MENTORING = "mentoring", _("Mentoring")
    SOCIAL = "social", _("Social")


class SessionPlace(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    BOTH = "both", _("In person and online")


class ProgrammeSession(TranslatableMixin, Orderable):
    """One session of a programme: a date, a time slot and what happens in it.

    A day may hold several sessions, such as two afternoon slots on a Saturday.
    """

    page = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(_("date"), validators=[validate_plausible_date])
    start_time = models.TimeField(_("starts at"), help_text=_("UK time, for example 14:00."))
    end_time = models.TimeField(_("ends at"), help_text=_("UK time, for example 15:30."))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Optional: what participants will do or need to bring."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.TRAINING
    )
    place = models.CharField(
        _("where"),
        max_length=20,
        choices=SessionPlace.choices,
        default=SessionPlace.IN_PERSON,
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("Only if it differs from the programme's venue."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("place")]),
        FieldPanel("venue"),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("venue"),
        SynchronizedField("date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_time"),
        SynchronizedField("kind"),
        SynchronizedField("place"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.start_time:%H:%M} {self.title}"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("A session must end after it begins.")})

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.end_time))

    def is_past(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())


class ProgrammeScheduleNote(TranslatableMixin, Orderable):
    """A period of the schedule whose dates are not fixed yet, such as
    "January to May: tailored support, dates to be confirmed"."""

    page = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="schedule_notes"
    )
    starts_on = models.DateField(
        _("period starts"),
        help_text=_("Places the notice in the schedule."),
        validators=[validate_plausible_date],
    )
    ends_on = models.DateField(
        _("period ends"), null=True, blank=True, validators=[validate_plausible_date]
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("For example: January to May 2017.")
    )
    text = models.TextField(
        _("notice"), help_text=_("What happens in this period and what is still to be fixed.")
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("title"),
        FieldPanel("text"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("text"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("schedule notice")
        verbose_name_plural = _("schedule notices")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The period must end after it starts.")})


@dataclass
class ScheduleDay:
    """The sessions of one date, in time order, as the schedule shows them."""

    date: date
    sessions: list = field(default_factory=list)
    is_past: bool = False
