"""Keeping members safe from each other: blocking a member (neither sees nor messages
the other) and reporting a profile to staff."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.decorators import approved_members_only
from members.forms.profile import ReportForm
from members.models import Profile, Report
from members.services import conversations, staff_alerts
from members.services.directory import visible_profile_or_404


@approved_members_only
@require_POST
def block_member(request, public_id):
    """Block a member, or unblock them again."""
    profile = get_object_or_404(Profile, public_id=public_id)
    if profile.user_id == request.user.pk:
        raise Http404
    if request.POST.get("action") == "unblock":
        conversations.unblock(request.user, profile.user)
        messages.success(request, _("You unblocked this member."))
        return redirect("members:profile", public_id=profile.public_id)
    conversations.block(request.user, profile.user)
    messages.success(
        request, _("You blocked this member. Neither of you will see or message the other.")
    )
    return redirect("members:directory")


@approved_members_only
def report_member(request, public_id):
    """Report a profile the member can see; staff are alerted."""
    profile, view = visible_profile_or_404(request.user, public_id)
    if view.is_self:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = Report.objects.create(
            reporter=request.user, profile=profile, reason=form.cleaned_data["reason"]
        )
        staff_alerts.report_waiting(report)
        messages.success(request, _("Thank you. Staff will look at your report."))
        return redirect("members:directory")
    return render(request, "members/report_form.html", {"form": form, "card": view})
