"""Columns for the admin's generic list views that show dates the way the site's
formats write them (network_site/formats/): "02/12/2026 14:00", "2 December 2026"."""

import datetime

from django.utils import formats, timezone
from wagtail.admin.ui.tables import Column


class ShortDateTimeColumn(Column):
    """A moment in the site's time zone, as day/month/year and the time."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if not isinstance(value, datetime.datetime):
            return value or ""
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


class LongDateColumn(Column):
    """A day, written out: "2 December 2026"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).date()
        if not isinstance(value, datetime.date):
            return value or ""
        return formats.date_format(value, "DATE_FORMAT")
