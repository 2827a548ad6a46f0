"""URLs of the staff views, mounted under /admin/members/ by wagtail_hooks. The lists are
Wagtail report views; each has a `…_results` twin that its filters and search refresh."""

from django.urls import path

from members.views.admin import events as admin_events
from members.views.admin import invitations as admin_invitations
from members.views.admin import lists
from members.views.admin import membership as admin_views
from members.views.admin import mentoring as mentoring_admin_views
from members.views.admin.audit import AuditTrailView
from members.views.admin.membership import member_staff_only

app_name = "members_admin"


def list_paths(route, view_class, name):
    """The list at `route` and its results fragment, both for member staff only."""
    return [
        path(route, member_staff_only(view_class.as_view()), name=name),
        path(
            f"{route}results/",
            member_staff_only(view_class.as_view(results_only=True)),
            name=f"{name}_results",
        ),
    ]


urlpatterns = [
    *list_paths("pending/", lists.PendingMembersView, "pending"),
    path("pending/decide/", admin_views.decide_memberships, name="decide_bulk"),
    path("pending/<int:pk>/", admin_views.decide_membership, name="decide"),
    *list_paths("claims/", lists.ProgrammeClaimsView, "claims"),
    path("claims/<int:pk>/", admin_views.confirm_claim, name="confirm_claim"),
    *list_paths("reports/", lists.ReportsView, "reports"),
    path("reports/<int:pk>/", admin_views.resolve_report, name="resolve_report"),
    *list_paths("events/proposed/", admin_events.ProposedEventsView, "proposed_events"),
    path("events/<int:pk>/decide/", admin_views.decide_event, name="decide_event"),
    *list_paths("invitations/", admin_invitations.InvitationsView, "invitations"),
    *list_paths("audit/", AuditTrailView, "audit"),
    path("mentoring/", mentoring_admin_views.mentoring_overview, name="mentoring"),
    path(
        "mentoring/<int:pk>/",
        mentoring_admin_views.decide_mentorship,
        name="decide_mentorship",
    ),
    path("export.csv", admin_views.export_members_csv, name="export_csv"),
]
