"""Pieces for the admin's plain lists on Wagtail's generic report view: columns that
show dates the way the site's formats write them (network_site/formats/):
"02/12/2026 14:00", "2 December 2026"; a column drawn by a template; and the list view
the apps' staff lists share."""

import datetime

from django.utils import formats, timezone
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from home.spreadsheets import FormulaSafeExportMixin


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


class TemplateColumn(Column):
    """A cell drawn by a template of the app (a row's decision buttons, say)."""

    def __init__(self, name, template, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template

    def get_value(self, instance):
        return instance

    def render_cell_html(self, instance, parent_context):
        # With the request, so that the row's decision form carries its CSRF token.
        context = self.get_cell_context_data(instance, parent_context)
        return self.cell_template.render(context, request=context["request"])


class PlainListView(FormulaSafeExportMixin, ReportView):
    """A staff list: searched in the database, 50 to a page, exported formula-safe."""

    paginate_by = 50
    search_backend_name = None  # plain `icontains` over `search_fields`
    is_searchable = True

    def get_filtered_queryset(self):
        return self.search_queryset(self.filter_queryset(self.get_queryset()))
