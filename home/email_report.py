"""The admin's "Failed emails" report: emails the worker gave up on, why, and a way to
send one again. Any member of staff may see it; only staff who may see members' details
(`MEMBER_DETAILS_PERMISSION`) see to whom each email was addressed."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.views.reports import ReportView

from home import emails
from home.models import EmailStatus, OutgoingEmail

# The permission that lets staff see members' details (members/models/profile.py),
# named rather than imported: the ground imports no other app.
MEMBER_DETAILS_PERMISSION = "members.moderate_members"


def may_see_recipients(user) -> bool:
    return user.has_perm(MEMBER_DETAILS_PERMISSION)


class RecipientColumn(Column):
    def get_value(self, instance):
        if self.show:
            return super().get_value(instance)
        return _("hidden")

    def __init__(self, *args, show: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.show = show


class RetryColumn(BaseColumn):
    cell_template_name = "home/admin/failed_email_retry.html"


class FailedEmailsView(ReportView):
    """Emails that were not delivered after every attempt, or refused for good."""

    page_title = gettext_lazy("Failed emails")
    header_icon = "mail"
    index_url_name = "failed_emails"
    index_results_url_name = "failed_emails_results"
    model = OutgoingEmail

    def get_queryset(self):
        return OutgoingEmail.objects.filter(status=EmailStatus.FAILED).order_by("-failed_at", "-pk")

    @property
    def columns(self):
        return [
            RecipientColumn(
                "recipient",
                label=gettext_lazy("Recipient"),
                show=may_see_recipients(self.request.user),
            ),
            Column("subject", label=gettext_lazy("Subject")),
            Column("reason", label=gettext_lazy("Reason")),
            Column("attempts", label=gettext_lazy("Attempts")),
            DateColumn("created_at", label=gettext_lazy("Queued")),
            DateColumn("failed_at", label=gettext_lazy("Failed")),
            RetryColumn("retry", label=gettext_lazy("Send again")),
        ]


@require_admin_access
@require_POST
def retry_failed_email(request, pk):
    """Send one failed email again, with a fresh round of attempts."""
    email = get_object_or_404(OutgoingEmail, pk=pk, status=EmailStatus.FAILED)
    if emails.retry(email):
        messages.success(request, _("The email will be sent again."))
    return redirect("failed_emails")
