"""What a programme or project achieved: outcome figures against their targets.

A figure is typed or counted live from the site's data (see `home.models.figures`);
a computed figure counts for the programme's default-language page, so every
translation shows the same number.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.i18n import default_locale_version
from home.models import OutcomeFigure


class ProgrammeOutcomeFigure(TranslatableMixin, OutcomeFigure, Orderable):
    """One figure a programme reports, such as "24 workshops (target 20)"."""

    page = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="outcome_figures"
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("source"),
        FieldRowPanel([FieldPanel("delivered"), FieldPanel("target"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("unit"),
        SynchronizedField("source"),
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
