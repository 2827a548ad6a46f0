"""URLs of the staff impact views, mounted under /admin/impact/ by wagtail_hooks."""

from django.urls import path

from programmes.views.admin import impact as impact_admin_views
from programmes.views.admin import report as report_admin_views

app_name = "programmes_impact"

urlpatterns = [
    path("", impact_admin_views.impact_dashboard, name="dashboard"),
    path("export.csv", impact_admin_views.impact_csv, name="export_csv"),
    path("<int:programme_id>/report/", report_admin_views.report, name="report"),
    path(
        "<int:programme_id>/report/export.csv",
        report_admin_views.report_csv,
        name="report_csv",
    ),
    path(
        "<int:programme_id>/report/export.xlsx",
        report_admin_views.report_xlsx,
        name="report_xlsx",
    ),
]
