"""Staff views in the Wagtail admin: pending members, programme claims, reports,
proposed events, invitations, the audit trail and the consented member export. Open only to staff
with the `members.moderate_members` permission."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic.models import EditView

from home.spreadsheets import csv_writer
from members.decorators import member_staff_only
from members.forms.profile import InvitationForm
from members.models import (
    AuditAction,
    AuditEvent,
    Event,
    EventState,
    Invitation,
    MembershipStatus,
    Profile,
    ProgrammeClaim,
    Report,
)
from members.services import audit, invitations, membership
from members.services.events import moderation as event_moderation


@member_staff_only
def pending_members(request):
    """Accounts that verified their address and wait for a decision."""
    profiles = (
        Profile.objects.filter(status=MembershipStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    )
    return render(request, "members/admin/pending.html", {"profiles": profiles})


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
def programme_claims(request):
    claims = (
        ProgrammeClaim.objects.filter(confirmed=False)
        .select_related("profile", "programme")
        .order_by("programme__title")
    )
    return render(request, "members/admin/claims.html", {"claims": claims})


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
def reports(request):
    items = Report.objects.select_related("profile").order_by("resolved", "-created_at")
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "members/admin/reports.html", {"page_obj": page})


@member_staff_only
@require_POST
def resolve_report(request, pk):
    Report.objects.filter(pk=pk).update(resolved=True)
    return redirect("members_admin:reports")


@member_staff_only
def invitation_list(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitations.invite(form.cleaned_data["email"], by=request.user)
        messages.success(request, _("Invitation sent."))
        return redirect("members_admin:invitations")
    items = Invitation.objects.order_by("-created_at")[:100]
    return render(request, "members/admin/invitations.html", {"form": form, "items": items})


@member_staff_only
def audit_trail(request):
    events = AuditEvent.objects.select_related("actor").order_by("-at", "-pk")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(request, "members/admin/audit.html", {"page_obj": page})


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
def proposed_events(request):
    """Events members proposed, waiting for staff to publish or decline them."""
    events = (
        Event.objects.filter(state=EventState.PROPOSED)
        .select_related("organiser__profile")
        .order_by("starts_at")
    )
    return render(request, "members/admin/proposed_events.html", {"events": events})


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
