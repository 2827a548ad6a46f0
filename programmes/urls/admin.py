"""URLs of the staff views, mounted under /admin/programmes/ by wagtail_hooks."""

from django.urls import path

from programmes.views.admin import applications as admin_views
from programmes.views.admin import assessments as assessment_admin_views

app_name = "programmes_admin"

urlpatterns = [
    path("applications/", admin_views.programme_list, name="programmes"),
    path("<int:programme_id>/applications/", admin_views.application_list, name="applications"),
    path("applications/<int:pk>/", admin_views.application_detail, name="application"),
    path("<int:programme_id>/register/", admin_views.register_sessions, name="sessions"),
    path("sessions/<int:session_id>/register/", admin_views.register, name="register"),
    path(
        "<int:programme_id>/self-assessment/",
        assessment_admin_views.assessment_rounds,
        name="assessments",
    ),
]
