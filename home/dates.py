"""The range of dates the site accepts where people type them (events, programmes,
their sessions and registers), and checks that keep pages working if a row outside it
is already stored.

Python's dates end at year 9999 and begin at year 1: a start in either year made every
calendar feed fail while it added the time zone's rules a year either side, and the
London time of a moment in year 1 does not exist. Nothing the network runs is that far
away, so the forms refuse it with a message on the field.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def is_plausible(value: date | datetime | None) -> bool:
    """Whether a date (or a moment) lies within the range the site accepts."""
    if value is None:
        return True
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST <= day <= LATEST


def validate_plausible_date(value):
    """Field validator: a date or moment between EARLIEST and LATEST."""
    if not is_plausible(value):
        raise ValidationError(
            _("Enter a date between the years %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST.year, "latest": LATEST.year},
        )
