"""Organising an event, under /members/events/: an approved member proposes one, and
its organiser (or member staff) edits it, cancels it and reads who replied."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.spreadsheets import csv_writer
from members.decorators import approved_members_only
from members.forms.events import EventProposalForm
from members.models import EventGuest, EventState, ReplyStatus
from members.services import staff_alerts
from members.services.directory import blocked_either_way_q
from members.services.events import moderation as event_moderation
from members.services.events import rsvp
from members.services.events.listing import organised_event_or_404
from members.services.privacy import is_member_staff


@approved_members_only
def propose_event(request):
    """An approved member proposes an event; staff publish or decline it."""
    form = EventProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        event.organiser = request.user
        event.state = EventState.PROPOSED
        event.save()
        staff_alerts.event_waiting(event)
        messages.success(request, _("Thank you. Staff will review your event and email you."))
        return redirect("members:my_events")
    return render(request, "members/events/event_form.html", {"form": form, "event": None})


@approved_members_only
def edit_event(request, public_id):
    """The organiser edits their own event. An edit of a published event goes back to
    staff for review (`event_moderation.event_edited`); staff's own edits do not."""
    event = organised_event_or_404(request.user, public_id)
    before = event_moderation.snapshot(event)
    form = EventProposalForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event = form.save()
        if event_moderation.event_edited(event, before, reviewed=is_member_staff(request.user)):
            messages.success(
                request,
                _(
                    "Your changes are saved and go to staff for review. Until they publish "
                    "the event again it is hidden; everyone who replied is told of any new "
                    "time, place or joining link then."
                ),
            )
        else:
            messages.success(request, _("Your event is saved."))
        return redirect("members:my_events")
    return render(request, "members/events/event_form.html", {"form": form, "event": event})


@approved_members_only
@require_POST
def cancel_own_event(request, public_id):
    """The organiser cancels their event; everyone who replied is emailed."""
    event = organised_event_or_404(request.user, public_id)
    if event.state != EventState.CANCELLED:
        rsvp.cancel_event(event)
        messages.success(request, _("The event is cancelled and everyone who replied is told."))
    return redirect("members:my_events")


@approved_members_only
def event_attendees(request, public_id):
    """The organiser's list of who replied, and its CSV download."""
    event = organised_event_or_404(request.user, public_id)
    # Member organisers see chosen names only; email addresses stay with staff.
    staff = is_member_staff(request.user)
    replies = (
        event.replies.exclude(status=ReplyStatus.CANCELLED)
        .filter(user__isnull=False)  # places kept from deleted accounts name nobody
        .select_related("user__profile")
        .order_by("status", "replied_at")
    )
    if not staff:
        # A block hides each person from the other here too.
        replies = replies.exclude(blocked_either_way_q(request.user))
    # Guests: staff see each one; a member organiser sees how many and first names only.
    guest_rows = list(
        EventGuest.objects.filter(
            reply__event=event, reply__status__in=[ReplyStatus.CONFIRMED, ReplyStatus.WAITLISTED]
        )
        .select_related("reply")
        .order_by("reply__status", "reply__replied_at")
    )
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="attendees.csv"'
        writer = csv_writer(response)
        writer.writerow([_("Name"), _("Status"), _("Replied")] + ([_("Email")] if staff else []))
        for reply in replies:
            row = [
                reply.user.profile.display_name,
                reply.get_status_display(),
                timezone.localtime(reply.replied_at).isoformat(),
            ]
            writer.writerow(row + ([reply.user.email] if staff else []))
        for guest in guest_rows:
            row = [
                _("%(name)s (guest)") % {"name": guest.name if staff else guest.first_name},
                guest.reply.get_status_display(),
                timezone.localtime(guest.reply.replied_at).isoformat(),
            ]
            writer.writerow(row + ([guest.email] if staff else []))
        return response
    return render(
        request,
        "members/events/attendees.html",
        {"event": event, "replies": replies, "show_emails": staff, "guests": guest_rows},
    )
