"""URLs of the staff views, mounted under /admin/members/ by wagtail_hooks."""

from django.urls import path

from members.views.admin import membership as admin_views
from members.views.admin import mentoring as mentoring_admin_views

app_name = "members_admin"

urlpatterns = [
    path("pending/", admin_views.pending_members, name="pending"),
    path("pending/<int:pk>/", admin_views.decide_membership, name="decide"),
    path("claims/", admin_views.programme_claims, name="claims"),
    path("claims/<int:pk>/", admin_views.confirm_claim, name="confirm_claim"),
    path("reports/", admin_views.reports, name="reports"),
    path("reports/<int:pk>/", admin_views.resolve_report, name="resolve_report"),
    path("events/proposed/", admin_views.proposed_events, name="proposed_events"),
    path("events/<int:pk>/decide/", admin_views.decide_event, name="decide_event"),
    path("invitations/", admin_views.invitation_list, name="invitations"),
    path("audit/", admin_views.audit_trail, name="audit"),
    path("mentoring/", mentoring_admin_views.mentoring_overview, name="mentoring"),
    path(
        "mentoring/<int:pk>/",
        mentoring_admin_views.decide_mentorship,
        name="decide_mentorship",
    ),
    path("export.csv", admin_views.export_members_csv, name="export_csv"),
]
