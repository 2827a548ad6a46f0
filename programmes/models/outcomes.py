"""What a programme or project achieved: outcome figures against their targets.

A figure is typed or counted live from the site's data (see `home.models.figures`);
a computed figure counts for the programme's default-language page, so every
translation shows the same number.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.i18n import default_locale_version
from home.impact import ImpactSource
from home.models import OutcomeFigure


class ProgrammeOutcomeFigure(TranslatableMixin, OutcomeFigure, Orderable):
    """One figure a programme reports, such as "24 workshops (target 20)"."""

    page = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="outcome_figures"
    )
    skill = models.ForeignKey(
        "home.Skill",
        verbose_name=_("skill"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Only for “participants reporting growth in a skill”: the skill whose "
            "self-assessment is counted, from the programme's skills."
        ),
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("skill")]),
        FieldRowPanel([FieldPanel("delivered"), FieldPanel("target"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("unit"),
        SynchronizedField("source"),
        SynchronizedField("skill"),
        SynchronizedField("delivered"),
        SynchronizedField("target"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("outcome figure")
        verbose_name_plural = _("outcome figures")

    def impact_programme(self):
        """The default-language version of the figure's programme page."""
        return default_locale_version(self.page)

    def period_programme(self):
        return self.page

    @property
    def impact_subject(self):
        return self.skill_id

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.source == ImpactSource.SKILL_GROWTH and self.skill_id is None:
            errors["skill"] = [_("Choose the skill whose growth is counted.")]
        elif self.skill_id is not None and self.source != ImpactSource.SKILL_GROWTH:
            errors["skill"] = [
                _("A skill is only for the source “Participants reporting growth in a skill”.")
            ]
        if errors:
            raise ValidationError(errors)
