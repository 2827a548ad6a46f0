"""The admin's "Suppressed addresses" report, and the dashboard's notice of addresses
suppressed lately: staff see which addresses get no more newsletters or digests, and
why (home/suppression.py). Account emails still go to them."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from home.email_report import RecipientColumn, may_see_recipients
from home.models import SuppressedAddress

NOTICE_DAYS = 30


class SuppressedAddressesView(ReportView):
    """Every suppressed address, newest first."""

    page_title = gettext_lazy("Suppressed addresses")
    header_icon = "mail"
    index_url_name = "suppressed_addresses"
    index_results_url_name = "suppressed_addresses_results"
    model = SuppressedAddress

    def get_queryset(self):
        return SuppressedAddress.objects.order_by("-created_at", "-pk")

    @property
    def columns(self):
        return [
            RecipientColumn(
                "email",
                label=gettext_lazy("Email address"),
                show=may_see_recipients(self.request.user),
            ),
            Column("reason", label=gettext_lazy("Reason"), accessor="get_reason_display"),
            Column("source", label=gettext_lazy("Reported by")),
            Column("detail", label=gettext_lazy("Detail")),
            DateColumn("created_at", label=gettext_lazy("Suppressed")),
        ]


class RecentlySuppressedPanel(Component):
    """On the dashboard: how many addresses were suppressed in the last month."""

    name = "recently_suppressed"
    order = 160
    template_name = "home/admin/recently_suppressed_panel.html"

    def get_context_data(self, parent_context):
        since = timezone.now() - timedelta(days=NOTICE_DAYS)
        return {
            "count": SuppressedAddress.objects.filter(created_at__gte=since).count(),
            "days": NOTICE_DAYS,
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["count"]:
            return ""
        return super().render_html(parent_context)
