"""What a programme or project achieved: outcome figures against their targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import OutcomeFigure


class ProgrammeOutcomeFigure(TranslatableMixin, OutcomeFigure, Orderable):
    """One figure a programme reports, such as "24 workshops (target 20)"."""

    page = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="outcome_figures"
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("delivered"), FieldPanel("target"), FieldPanel("unit")]),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("unit"),
        SynchronizedField("delivered"),
        SynchronizedField("target"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("outcome figure")
        verbose_name_plural = _("outcome figures")
