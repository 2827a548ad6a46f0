"""Staff views in the Wagtail admin: pending members, programme claims, reports,
proposed events, invitations and the consented member export. Open only to staff
with the `members.moderate_members` permission."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic.models import EditView

from home.spreadsheets import csv_writer
from members.decorators import member_staff_only
from members.models import (
    AuditAction,
    Event,
    MembershipStatus,
    Profile,
    ProgrammeClaim,
    Report,
)
from members.services import audit, membership
from members.services.events import moderation as event_moderation


@member_staff_only
@require_POST
def decide_membership(request, pk):
    profile = get_object_or_404(Profile, pk=pk, status=MembershipStatus.PENDING)
    if request.POST.get("decision") == "approve":
        membership.approve(profile, by=request.user)
        messages.success(request, _("Membership approved; the member has been emailed."))
    elif request.POST.get("decision") == "decline":
        membership.decline(profile, by=request.user)
        messages.success(request, _("Membership declined; the member has been emailed."))
    return redirect("members_admin:pending")


@member_staff_only
@require_POST
def decide_memberships(request):
    """Approve or decline the ticked pending members together: first a page naming them
    to confirm, then each decision as if made one by one (logged, the member emailed)."""
    decision = request.POST.get("decision")
    numbers = [value for value in request.POST.getlist("profile") if value.isdigit()]
    profiles = list(
        Profile.objects.filter(pk__in=numbers, status=MembershipStatus.PENDING)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    if decision not in ("approve", "decline"):
        messages.error(request, _("Choose whether to approve or decline the ticked members."))
        return redirect("members_admin:pending")
    if not profiles:
        messages.error(request, _("Tick at least one pending member first."))
        return redirect("members_admin:pending")
    if request.POST.get("confirmed") != "1":
        return render(
            request,
            "members/admin/pending_confirm.html",
            {"profiles": profiles, "decision": decision},
        )
    decide = membership.approve if decision == "approve" else membership.decline
    for profile in profiles:
        decide(profile, by=request.user)
    if decision == "approve":
        message = ngettext(
            "%(count)s membership approved; the member has been emailed.",
            "%(count)s memberships approved; each member has been emailed.",
            len(profiles),
        )
    else:
        message = ngettext(
            "%(count)s membership declined; the member has been emailed.",
            "%(count)s memberships declined; each member has been emailed.",
            len(profiles),
        )
    messages.success(request, message % {"count": len(profiles)})
    return redirect("members_admin:pending")


@member_staff_only
@require_POST
def confirm_claim(request, pk):
    claim = get_object_or_404(ProgrammeClaim, pk=pk)
    if request.POST.get("decision") == "confirm":
        claim.confirmed = True
        claim.confirmed_at = timezone.now()
        claim.save(update_fields=["confirmed", "confirmed_at"])
    else:
        claim.delete()
    return redirect("members_admin:claims")


@member_staff_only
@require_POST
def resolve_report(request, pk):
    Report.objects.filter(pk=pk).update(resolved=True)
    return redirect("members_admin:reports")


@member_staff_only
def export_members_csv(request):
    """Approved members who agreed to be included in staff exports, and only them."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="members.csv"'
    writer = csv_writer(response)
    writer.writerow([_("Display name"), _("Email"), _("Home area"), _("Member since")])
    profiles = Profile.objects.filter(
        status=MembershipStatus.APPROVED, staff_export_consent=True
    ).select_related("user")
    for profile in profiles.order_by("display_name"):
        writer.writerow(
            [
                profile.display_name,
                profile.user.email,
                profile.home_area_label,
                profile.user.date_joined.date().isoformat(),
            ]
        )
    audit.record(AuditAction.STAFF_EXPORT, actor=request.user)
    return response


@member_staff_only
@require_POST
def decide_event(request, pk):
    event = get_object_or_404(Event.objects.select_related("organiser__profile"), pk=pk)
    if request.POST.get("decision") == "publish":
        if event.organiser_id is None:  # handed to staff when its organiser left
            event.organiser = request.user
            event.save(update_fields=["organiser"])
        event_moderation.publish_event(event)
        messages.success(request, _("Event published; the organiser has been emailed."))
    elif request.POST.get("decision") == "decline":
        event_moderation.decline_event(event, request.POST.get("reason", "").strip()[:1000])
        messages.success(request, _("Event declined; the organiser has been emailed."))
    return redirect("members_admin:proposed_events")


class EventEditView(EditView):
    """Staff's edit of an event in the admin: staff are the reviewers, so a published
    event stays published, and everyone who replied hears of what changed."""

    def save_instance(self):
        before = event_moderation.snapshot(Event.objects.get(pk=self.form.instance.pk))
        event = super().save_instance()
        event_moderation.event_edited(event, before, reviewed=True)
        return event
