"""Mentoring for staff in the Wagtail admin: the counts, the requests to confirm or
decline, and the pairs with how many meetings each held. Staff never see a meeting's
note: this page reads counts and dates only."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.decorators import member_staff_only
from members.forms.mentoring import ConfirmPairForm
from members.models import Mentorship, MentorshipStatus
from members.services.mentoring import pairs as mentoring

REQUESTS_SHOWN = 50
ACTIVE_PER_PAGE = 50
RECENTLY_CLOSED_SHOWN = 50


@member_staff_only
def mentoring_overview(request):
    """Open requests (the oldest first, so none waits for ever), active pairs a page at a
    time, and the last pairs closed: the page costs the same with 10 pairs or 10,000."""
    pairs = Mentorship.objects.select_related(
        "mentor__profile", "mentee__profile", "programme"
    ).annotate(meeting_count=Count("meetings"), last_met=Max("meetings__met_on"))
    counts = mentoring.staff_counts()
    active = Paginator(
        pairs.filter(status=MentorshipStatus.ACTIVE).order_by("-confirmed_at", "-pk"),
        ACTIVE_PER_PAGE,
    )
    active.count = counts["active_pairs"]  # counted already, with the other numbers
    return render(
        request,
        "members/mentoring/admin_overview.html",
        {
            "counts": counts,
            "requests": pairs.filter(status=MentorshipStatus.REQUESTED).order_by(
                "requested_at", "pk"
            )[:REQUESTS_SHOWN],
            "requests_hidden": max(0, counts["open_requests"] - REQUESTS_SHOWN),
            "active": active.get_page(request.GET.get("page")),
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
