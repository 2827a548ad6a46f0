"""Highlight figures: the few numbers editors choose to show on the home page.

Highlight figures are always typed: an editor copies them from a programme's figures
or from the staff impact dashboard. So that a number typed in 2017 reads as what it
is, each names the programme it comes from (its period defaults to the programme's
dates) or says its source in words; its optional page is only a "read more" link.
The programme is chosen as a page (by string), so stories import nothing from
programmes.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
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
    programme = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The programme or project the figure counts. The home page names it, and the "
            "period defaults to its first and last day."
        ),
    )
    source_note = models.CharField(
        _("source, in words"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional: where the number comes from, such as “Final report to the "
            "European Commission, September 2017”. Without it the home page says "
            "“reported by the programme team”."
        ),
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
        PageChooserPanel("programme", page_type="programmes.ProgrammePage"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("source_note"),
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
        SynchronizedField("programme"),
        TranslatableField("source_note"),
        SynchronizedField("show_on_home_page"),
    ]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("highlight figure")
        verbose_name_plural = _("highlight figures")
        ordering = ["sort_order", "pk"]

    def period_programme(self):
        """The programme page with its dates: set by the home page section for all
        figures at once, otherwise looked up."""
        if not hasattr(self, "_programme_page"):
            self._programme_page = self.programme.specific if self.programme_id else None
        return self._programme_page

    def set_programme_page(self, page):
        self._programme_page = page

    @property
    def origin_text(self) -> str:
        if self.source_note:
            return self.source_note
        if self.programme_id:
            return gettext("Reported by the programme team")
        return gettext("Typed by an editor")

    @property
    def provenance(self) -> str:
        programme = self.period_programme()
        if programme is None:
            return super().provenance
        return gettext("%(programme)s — %(source)s") % {
            "programme": programme.title,
            "source": super().provenance,
        }

    def clean(self):
        if not self.programme_id and not self.source_note:
            raise ValidationError(
                {
                    "programme": _(
                        "Say where the figure comes from: choose its programme, or type its "
                        "source in words."
                    )
                }
            )
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
