"""Outcome figures: what a programme or project delivered against what it promised.

The abstract model lives in the shared ground so that programmes, stories and later
the member area can each keep their own rows without importing one another.

A figure is either typed (an editor types `delivered`, as for the seeds' historic
projects) or computed: its `source` names one of `home.impact.ImpactSource`, and
`delivered_count` asks the app that owns the data for the current number every time
it is read. Nothing computed is stored, so the number is never stale.

The period counted is the figure's own first and last day when given, otherwise the
programme's first and last day (`period_for`); a figure with no programme and no
period counts without bounds.

Every figure says where it comes from and for which period (`provenance`): "Counted
from this site, 1 Oct 2015 – 30 Sep 2017" or "Reported by the programme team, …", so a
typed number from 2017 never reads as today's.
The unit holds every plural form of its language, separated by "|" ("session |
sessions"); the chart picks the form each number needs (home/plurals.py).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.impact import ImpactSource, count
from home.l10n import format_date
from home.plurals import needs_forms

_NOT_COUNTED = object()


class OutcomeFigure(models.Model):
    """One figure: a label, the number delivered (typed or counted), the target and the unit."""

    label = models.CharField(
        _("label"),
        max_length=120,
        help_text=_("What was counted, such as “Workshop participants”."),
    )
    source = models.CharField(
        _("counted from"),
        max_length=40,
        choices=ImpactSource.choices,
        default=ImpactSource.TYPED,
        blank=True,
        help_text=_(
            "Leave as typed to enter the number yourself. Choose a source to have the site "
            "count it from its own data, always up to date."
        ),
    )
    delivered = models.PositiveIntegerField(
        _("delivered"),
        null=True,
        blank=True,
        help_text=_("The number actually achieved. Only for typed figures."),
    )
    target = models.PositiveIntegerField(
        _("target"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("The number promised to funders. Leave empty if there was no target."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=120,
        blank=True,
        help_text=_(
            "The word shown after the numbers, in every form the language needs, "
            "separated by “|”: in English the singular and the plural, such as "
            "“person | people” or “class | classes”."
        ),
    )
    period_start = models.DateField(
        _("counted from (first day)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count from the programme's first day."),
    )
    period_end = models.DateField(
        _("counted until (last day)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count until the programme's last day."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        errors = {}
        if not self.is_computed and self.delivered is None:
            errors["delivered"] = _("Type the number delivered, or choose a source that counts it.")
        if self.is_computed and self.delivered is not None:
            errors["delivered"] = _("This figure is counted by the site: leave “delivered” empty.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The last day counted cannot be before the first day.")
        if needs_forms(self.unit, self.unit_language()):
            errors["unit"] = _(
                "Give every form of the unit, separated by “|”, so that one reads right: "
                "“session | sessions” reads “1 session” and “12 sessions”."
            )
        if errors:
            raise ValidationError(errors)

    def unit_language(self) -> str:
        """The language the unit is written in: the row's locale, else the default."""
        from home.i18n import locale_codes
        from home.localized import default_language

        locale_id = getattr(self, "locale_id", None)
        return (
            locale_codes().get(locale_id, default_language()) if locale_id else (default_language())
        )

    # Counting -------------------------------------------------------------------------

    @property
    def is_computed(self) -> bool:
        return bool(self.source)

    @property
    def source_label(self) -> str:
        return str(ImpactSource(self.source).label) if self.source in ImpactSource.values else ""

    def impact_programme(self):
        """The programme page (default language) a computed figure counts for, if any."""
        return None

    @property
    def impact_subject(self):
        """What a source that counts per subject counts for (see `home.impact`)."""
        return None

    def period_programme(self):
        """The programme whose first and last day bound the figure, if any."""
        return None

    @property
    def origin_text(self) -> str:
        if self.is_computed:
            return gettext("Counted from this site")
        return gettext("Reported by the programme team")

    @property
    def period_text(self) -> str:
        return period_text(*self.period_for(self.period_programme()))

    @property
    def provenance(self) -> str:
        """Where the number comes from and the period it covers, in one line."""
        return ", ".join(part for part in (self.origin_text, self.period_text) if part)

    def period_for(self, programme) -> tuple[date | None, date | None]:
        """First and last day counted: the figure's own, else the programme's."""
        start = self.period_start or getattr(programme, "start_date", None)
        end = self.period_end or getattr(programme, "end_date", None)
        return start, end

    def set_live_count(self, value: int | None):
        """Remember a number counted for this request (see `home.impact.count_figures`)."""
        self._live_count = value

    @property
    def delivered_count(self) -> int | None:
        """The number the table and chart show: typed, or counted now.

        None for a computed figure whose source no installed app counts yet.
        """
        if not self.is_computed:
            return self.delivered
        value = getattr(self, "_live_count", _NOT_COUNTED)
        if value is _NOT_COUNTED:
            programme = self.impact_programme()
            value = count(
                self.source, programme, *self.period_for(programme), subject=self.impact_subject
            )
        return value


def period_text(start: date | None, end: date | None) -> str:
    """ "1 Oct 2015 – 30 Sep 2017" in the reader's language; "" without either day."""
    if start and end:
        return f"{format_date(start, 'medium')} – {format_date(end, 'medium')}"
    if start:
        return gettext("from %(day)s") % {"day": format_date(start, "medium")}
    if end:
        return gettext("until %(day)s") % {"day": format_date(end, "medium")}
    return ""
