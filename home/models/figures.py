"""Outcome figures: what a programme or project delivered against what it promised.

The abstract model lives in the shared ground so that programmes, stories and later
the member area can each keep their own rows without importing one another. Only
typed figures exist today; a later `source` field may compute `delivered_count` from
the site's own data (events held, members joined) without changing the chart.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeFigure(models.Model):
    """One figure: a label, the number delivered, the target and the unit counted."""

    label = models.CharField(
        _("label"),
        max_length=120,
        help_text=_("What was counted, such as “Workshop participants”."),
    )
    delivered = models.PositiveIntegerField(
        _("delivered"), help_text=_("The number actually achieved.")
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
        max_length=40,
        blank=True,
        help_text=_("A plural word shown after the numbers, such as “people” or “classes”."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    @property
    def delivered_count(self) -> int:
        """The delivered number the chart shows; a computed source may override it later."""
        return self.delivered
