"""A member's own side of events, under /members/events/: taking or giving up a place,
the list of their replies and organised events, and their personal calendar feed."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.http import make_private
from members.decorators import approved_members_only
from members.forms.events import EventReplyForm
from members.models import Event, EventCalendar, EventReply, EventState, ReplyStatus
from members.services.events import rsvp
from members.services.events.calendar import ICS_TYPE, personal_feed
from members.services.events.listing import viewable_event_or_404
from members.services.privacy import is_approved_member


@approved_members_only
@require_POST
def reply_to_event(request, public_id):
    """Take a place, or join the waitlist when the event is full."""
    event = viewable_event_or_404(request.user, public_id)
    form = EventReplyForm(request.POST)
    form.is_valid()
    try:
        outcome = rsvp.reserve_place(event, request.user, show_name=form.cleaned_data["show_name"])
    except rsvp.ReplyRefused:
        messages.error(request, _("This event is not taking replies."))
    else:
        if outcome.reply.status == ReplyStatus.CONFIRMED:
            messages.success(request, _("You have a place. We have emailed you the details."))
        else:
            messages.success(request, _("The event is full: you are on the waitlist."))
    return redirect("events:detail", public_id=event.public_id)


@approved_members_only
@require_POST
def give_up_event(request, public_id):
    """Give up a place or leave the waitlist."""
    event = viewable_event_or_404(request.user, public_id)
    rsvp.give_up_place(event, request.user)
    messages.success(request, _("You have given up your reply."))
    return redirect("events:detail", public_id=event.public_id)


def personal_event_feed(request, token):
    """A member's own feed: the events they have a place at. The token is the key, and
    it opens nothing once its owner is deactivated or no longer an approved member."""
    calendar_row = get_object_or_404(
        EventCalendar.objects.select_related("user__profile"), token=token
    )
    if not is_approved_member(calendar_row.user):
        raise Http404
    events = Event.objects.filter(
        replies__user=calendar_row.user,
        replies__status=ReplyStatus.CONFIRMED,
        state=EventState.PUBLISHED,
        ends_at__gte=timezone.now() - timedelta(days=30),
    ).order_by("starts_at")
    return make_private(HttpResponse(personal_feed(events), content_type=ICS_TYPE), noindex=True)


@approved_members_only
def my_events(request):
    """The member's replies, the events they organise and their personal feed address."""
    calendar_row, _created = EventCalendar.objects.get_or_create(user=request.user)
    replies = (
        EventReply.objects.filter(user=request.user, event__ends_at__gte=timezone.now())
        .exclude(status=ReplyStatus.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )
    organised = Event.objects.filter(organiser=request.user).order_by("-starts_at")
    feed_url = request.build_absolute_uri(reverse("members:event_feed", args=[calendar_row.token]))
    return render(
        request,
        "members/events/my_events.html",
        {"replies": replies, "organised": organised, "feed_url": feed_url},
    )


@approved_members_only
@require_POST
def reset_event_feed(request):
    """A new secret feed address; the old one stops working at once."""
    EventCalendar.objects.filter(user=request.user).delete()
    EventCalendar.objects.create(user=request.user)
    messages.success(
        request, _("Your calendar address has changed. Subscribe again with the new one.")
    )
    return redirect("members:my_events")
