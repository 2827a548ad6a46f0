"""Mentoring for staff in the Wagtail admin: the counts, the requests to confirm or
decline, and the pairs with how many meetings each held. Staff never see a meeting's
note: this page reads counts and dates only."""

from django.contrib import messages
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.admin_views import member_staff_only
from members.mentoring_forms import ConfirmPairForm
from members.models import Mentorship, MentorshipStatus
from members.services import mentoring

RECENTLY_CLOSED_SHOWN = 50


@member_staff_only
def mentoring_overview(request):
    """Open requests (oldest first), active pairs, and the last pairs closed."""
    pairs = Mentorship.objects.select_related(
        "mentor__profile", "mentee__profile", "programme"
    ).annotate(meeting_count=Count("meetings"), last_met=Max("meetings__met_on"))
    return render(
        request,
        "members/mentoring/admin_overview.html",
        {
            "counts": mentoring.staff_counts(),
            "requests": pairs.filter(status=MentorshipStatus.REQUESTED).order_by("requested_at"),
            "active": pairs.filter(status=MentorshipStatus.ACTIVE).order_by("-confirmed_at"),
            "closed": pairs.filter(
                status__in=[
                    MentorshipStatus.ENDED,
                    MentorshipStatus.DECLINED,
                    MentorshipStatus.WITHDRAWN,
                ]
            ).order_by("-closed_at")[:RECENTLY_CLOSED_SHOWN],
            "programme_choices": [
                (programme.pk, programme.title)
                for programme in ConfirmPairForm().fields["programme"].queryset
            ],
        },
    )


@member_staff_only
@require_POST
def decide_mentorship(request, pk):
    """Confirm (emailing both), decline, or end a pair."""
    mentorship = get_object_or_404(Mentorship, pk=pk)
    decision = request.POST.get("decision")
    try:
        if decision == "confirm":
            form = ConfirmPairForm(request.POST)
            programme = form.cleaned_data["programme"] if form.is_valid() else None
            mentoring.confirm(mentorship, by=request.user, programme=programme)
            messages.success(request, _("Pair confirmed; both members have been emailed."))
        elif decision == "decline":
            mentoring.decline(mentorship, by=request.user)
            messages.success(request, _("Request declined."))
        elif decision == "end":
            mentoring.end(mentorship, by=request.user)
            messages.success(request, _("Pair ended."))
    except mentoring.MentoringRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("members_admin:mentoring")
