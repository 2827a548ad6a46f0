"""Highlight figures: the few numbers editors choose to show on the home page.

Highlight figures are always typed. A computed figure counts for a programme and its
period, and a highlight belongs to no programme (its optional page is only a "read
more" link), so the home page shows numbers an editor copies from a programme's
figures or from the staff impact dashboard.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import OutcomeFigure


class HighlightFigure(TranslatableMixin, OutcomeFigure, index.Indexed):
    """A figure for the home page, such as "111 network members (target 50)"."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("read more on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the programme or story the figure comes from."),
    )
    show_on_home_page = models.BooleanField(
        _("show on the home page"),
        default=True,
        help_text=_("The home page shows up to six figures, in the order of this list."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0, editable=False)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("delivered"), FieldPanel("target"), FieldPanel("unit")]),
        PageChooserPanel("page"),
        FieldPanel("show_on_home_page"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("unit"),
        SynchronizedField("source"),
        SynchronizedField("delivered"),
        SynchronizedField("target"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("page"),
        SynchronizedField("show_on_home_page"),
    ]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("highlight figure")
        verbose_name_plural = _("highlight figures")
        ordering = ["sort_order", "pk"]

    def clean(self):
        if self.is_computed:
            raise ValidationError(
                {
                    "source": _(
                        "Highlight figures are typed: a counted number belongs to a "
                        "programme. Add it to the programme's outcome figures instead."
                    )
                }
            )
        super().clean()
