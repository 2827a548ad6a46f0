"""URLs of the staff impact views, mounted under /admin/impact/ by wagtail_hooks."""

from django.urls import path

from programmes import impact_admin_views

app_name = "programmes_impact"

urlpatterns = [
    path("", impact_admin_views.impact_dashboard, name="dashboard"),
    path("export.csv", impact_admin_views.impact_csv, name="export_csv"),
]
