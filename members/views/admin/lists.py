"""The member area's plain lists for staff about members (pending members, programme
claims, reports), on Wagtail's generic report view: filters, search, pagination and
CSV/XLSX export (formula-safe) with a few declarative lines. Deciding (approve, confirm,
mark as dealt with) posts to the views in `membership.py`, which email people as before.
Invitations and proposed events have their own modules beside this one."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column

from home.admin_tables import PlainListView, ShortDateTimeColumn, TemplateColumn
from home.areas import AREA_CHOICES
from members.models import MembershipStatus, Profile, ProgrammeClaim, Report

# Pending members ---------------------------------------------------------------------


class PendingFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Signed up"), widget=DateRangePickerWidget
    )
    home_area = django_filters.ChoiceFilter(label=_("Home area"), choices=AREA_CHOICES)

    class Meta:
        model = Profile
        fields = ["created_at", "home_area"]


class PendingMembersView(PlainListView):
    """Accounts that verified their address and wait for a decision, the oldest first,
    with what a decision needs: what they told us at sign-up, their programme claims
    and when they signed up. Staff tick several and approve or decline them at once."""

    page_title = _("Pending members")
    header_icon = "user"
    index_url_name = "members_admin:pending"
    index_results_url_name = "members_admin:pending_results"
    results_template_name = "members/admin/pending_results.html"
    filterset_class = PendingFilterSet
    search_fields = ["display_name", "user__email", "headline", "interests"]
    export_filename = "pending-members"
    columns = [
        TemplateColumn("select", "members/admin/cells/select.html", label=_("Select")),
        Column("display_name", label=_("Display name")),
        Column("user.email", label=_("Email")),
        ShortDateTimeColumn("created_at", label=_("Signed up")),
        TemplateColumn("answers", "members/admin/cells/answers.html", label=_("Sign-up answers")),
        TemplateColumn("claims", "members/admin/cells/claims.html", label=_("Programme claims")),
        TemplateColumn("decide", "members/admin/cells/decide_member.html", label=_("Decision")),
    ]
    list_export = [
        "display_name",
        "user.email",
        "created_at",
        "home_area_label",
        "headline",
        "interests",
        "privacy_notice_version",
        "claims_text",
    ]
    export_headings = {
        "display_name": _("Display name"),
        "user.email": _("Email"),
        "created_at": _("Signed up"),
        "home_area_label": _("Home area"),
        "headline": _("Headline"),
        "interests": _("Interests"),
        "privacy_notice_version": _("Privacy notice"),
        "claims_text": _("Programme claims"),
    }

    def get_queryset(self):
        return (
            Profile.objects.filter(status=MembershipStatus.PENDING)
            .select_related("user")
            .prefetch_related(
                Prefetch(
                    "claims",
                    queryset=ProgrammeClaim.objects.select_related("programme").order_by("pk"),
                    to_attr="claim_list",
                )
            )
            .order_by("created_at", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        profiles = list(object_list)
        for profile in profiles:
            profile.claims_text = "; ".join(
                f"{claim.programme.title} {claim.cohort}".strip() for claim in profile.claim_list
            )
        return profiles


# Programme claims --------------------------------------------------------------------


class ClaimFilterSet(WagtailFilterSet):
    confirmed = django_filters.BooleanFilter(label=_("Confirmed"))

    class Meta:
        model = ProgrammeClaim
        fields = ["confirmed"]


class ProgrammeClaimsView(PlainListView):
    """Members' claims to have taken part in a programme; unconfirmed ones first."""

    page_title = _("Programme claims to confirm")
    header_icon = "tick"
    index_url_name = "members_admin:claims"
    index_results_url_name = "members_admin:claims_results"
    filterset_class = ClaimFilterSet
    search_fields = ["profile__display_name", "programme__title", "cohort"]
    export_filename = "programme-claims"
    columns = [
        Column("profile.display_name", label=_("Member")),
        Column("programme.title", label=_("Programme")),
        Column("cohort", label=_("Cohort")),
        TemplateColumn("decide", "members/admin/cells/decide_claim.html", label=_("Decision")),
    ]
    list_export = ["profile.display_name", "programme.title", "cohort", "confirmed"]
    export_headings = {
        "profile.display_name": _("Member"),
        "programme.title": _("Programme"),
        "cohort": _("Cohort"),
        "confirmed": _("Confirmed"),
    }

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "confirmed" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["confirmed"] = "false"
        return kwargs

    def get_queryset(self):
        return ProgrammeClaim.objects.select_related("profile", "programme").order_by(
            "confirmed", "programme__title", "pk"
        )


# Reports -----------------------------------------------------------------------------


class ReportFilterSet(WagtailFilterSet):
    resolved = django_filters.BooleanFilter(label=_("Dealt with"))
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Reported"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Report
        fields = ["resolved", "created_at"]


class ReportsView(PlainListView):
    """Members' reports about profiles, those still to deal with first, newest first."""

    page_title = _("Reports about profiles and messages")
    header_icon = "warning"
    index_url_name = "members_admin:reports"
    index_results_url_name = "members_admin:reports_results"
    filterset_class = ReportFilterSet
    search_fields = ["profile__display_name", "reason"]
    export_filename = "reports"
    columns = [
        TemplateColumn("profile", "members/admin/cells/reported_profile.html", label=_("Profile")),
        # Staff read only the message a member reported, never the rest of the thread.
        TemplateColumn(
            "message", "members/admin/cells/reported_message.html", label=_("Reported message")
        ),
        Column("reason", label=_("Reason")),
        ShortDateTimeColumn("created_at", label=_("Reported")),
        TemplateColumn("state", "members/admin/cells/resolve_report.html", label=_("State")),
    ]
    list_export = ["profile.display_name", "reason", "created_at", "resolved"]
    export_headings = {
        "profile.display_name": _("Profile"),
        "reason": _("Reason"),
        "created_at": _("Reported"),
        "resolved": _("Dealt with"),
    }

    def get_queryset(self):
        return Report.objects.select_related("profile", "message").order_by(
            "resolved", "-created_at", "-pk"
        )
