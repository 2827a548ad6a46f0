"""The member area's audit trail for staff: Wagtail's log, filtered to the member
area's actions, with each member named as staff may see them (the log keeps numbers)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry

from home.admin_tables import ShortDateTimeColumn
from home.spreadsheets import FormulaSafeExportMixin
from members.models import AuditAction
from members.services.audit_display import name_entries


class AuditTrailFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("What"), choices=AuditAction.choices)
    timestamp = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = ["action", "timestamp"]


class AuditTrailView(FormulaSafeExportMixin, ReportView):
    """Newest first, 100 to a page, filtered by action and date, exportable."""

    page_title = _("Audit trail")
    header_icon = "history"
    index_url_name = "members_admin:audit"
    index_results_url_name = "members_admin:audit_results"
    filterset_class = AuditTrailFilterSet
    paginate_by = 100
    export_filename = "audit-trail"
    columns = [
        ShortDateTimeColumn("timestamp", label=_("When")),
        Column("action_label", label=_("What")),
        Column("members_display", label=_("Member")),
        Column("by_display", label=_("By")),
    ]
    list_export = ["timestamp", "action_label", "members_display", "by_display"]
    export_headings = {
        "timestamp": _("When"),
        "action_label": _("What"),
        "members_display": _("Member"),
        "by_display": _("By"),
    }

    def get_queryset(self):
        return ModelLogEntry.objects.filter(action__in=AuditAction.values).order_by(
            "-timestamp", "-pk"
        )

    def get_table(self, object_list):
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def decorate_paginated_queryset(self, object_list):
        # Called for the table and again for the response: the names are looked up once.
        if not hasattr(self, "_named_entries"):
            labels = dict(AuditAction.choices)
            self._named_entries = name_entries(object_list)
            for entry in self._named_entries:
                entry.action_label = labels.get(entry.action, entry.action)
        return self._named_entries
