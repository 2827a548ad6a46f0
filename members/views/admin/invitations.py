"""The invitations staff sent, below the form that sends one (Wagtail's report view,
with a filter, search and CSV/XLSX export)."""

import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from home.admin_tables import LongDateColumn, PlainListView
from members.forms.invitations import InvitationForm
from members.models import Invitation
from members.services import invitations


class InvitationFilterSet(WagtailFilterSet):
    accepted = django_filters.BooleanFilter(
        label=_("Accepted"), field_name="accepted_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Invitation
        fields = ["accepted"]


class InvitationsView(PlainListView):
    """The invitations sent, newest first, below the form that sends one."""

    page_title = _("Invitations")
    header_icon = "mail"
    index_url_name = "members_admin:invitations"
    index_results_url_name = "members_admin:invitations_results"
    template_name = "members/admin/invitations.html"
    filterset_class = InvitationFilterSet
    search_fields = ["email"]
    export_filename = "invitations"
    columns = [
        Column("email", label=_("Email")),
        LongDateColumn("created_at", label=_("Sent")),
        LongDateColumn("expires_at", label=_("Expires")),
        LongDateColumn("accepted_at", label=_("Accepted")),
    ]
    list_export = ["email", "created_at", "expires_at", "accepted_at"]
    export_headings = {
        "email": _("Email"),
        "created_at": _("Sent"),
        "expires_at": _("Expires"),
        "accepted_at": _("Accepted"),
    }

    def get_queryset(self):
        return Invitation.objects.order_by("-created_at", "-pk")

    def post(self, request, *args, **kwargs):
        self.invitation_form = InvitationForm(request.POST)
        if self.invitation_form.is_valid():
            invitations.invite(self.invitation_form.cleaned_data["email"], by=request.user)
            messages.success(request, _("Invitation sent."))
            return redirect("members_admin:invitations")
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitation_form"] = getattr(self, "invitation_form", None) or InvitationForm()
        return context
