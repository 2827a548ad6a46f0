"""Events: the public discovery pages under /<language>/events/ and the member actions
(replies, personal feed, organising) under /members/events/.

A members-only event is answered with 404 for anyone who may not see it, so its
existence does not leak. The joining link is rendered only for a confirmed place.
"""

import calendar
from datetime import date, timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.dates import is_plausible
from home.http import make_private
from home.models import Skill, Topic
from home.spreadsheets import csv_writer
from members.decorators import approved_members_only
from members.forms.guests import GuestReplyForm
from members.forms.profile import EventFilterForm, EventProposalForm, EventReplyForm
from members.models import (
    Event,
    EventCalendar,
    EventGuest,
    EventReply,
    EventState,
    ReplyStatus,
)
from members.services import staff_alerts
from members.services.directory import blocked_either_way_q
from members.services.events import guests, rsvp
from members.services.events import moderation as event_moderation
from members.services.events.calendar import ICS_TYPE, event_ics, personal_feed, public_feed
from members.services.events.listing import (
    EventFilters,
    day_bounds,
    event_listings,
    listed_programmes,
    near_areas_of,
    past_events,
    sees_members_events,
    visible_events,
)
from members.services.privacy import is_approved_member, is_member_staff, own_profile

PER_PAGE = 25


def _personal(request, response):
    """Pages that differ per viewer are never kept by a shared cache."""
    if request.user.is_authenticated:
        make_private(response)
    return response


def _filter_form(request, programmes):
    return EventFilterForm(
        request.GET or None,
        topics=Topic.objects.values_list("slug", "name"),
        skills=Skill.objects.values_list("slug", "name"),
        programmes=programmes.order_by("title").values_list("pk", "title"),
        can_use_near_me=bool(own_profile(request.user) and own_profile(request.user).home_area),
    )


def _filters_from(form, request) -> tuple[EventFilters, object, object]:
    """The chosen filters and the date window they set (since, until)."""
    filters = EventFilters()
    since, until = None, None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("near_me"):
            filters.near = near_areas_of(request.user)
        filters.area = data["area"]
        filters.format = data["format"]
        filters.topic = data["topic"]
        filters.skill = data["skill"]
        filters.programme = data["programme"]
        filters.query = data["q"].strip()
        today = timezone.localdate()
        if data["when"] == "week":
            since, until = day_bounds(today, today + timedelta(days=6 - today.weekday()))
        elif data["when"] == "month":
            last = calendar.monthrange(today.year, today.month)[1]
            since, until = day_bounds(today, today.replace(day=last))
        elif data["when"] == "range":
            since, until = day_bounds(
                data["start"] or today, data["end"] or date.max.replace(year=9000)
            )
        if since is not None:
            since = max(since, timezone.now())
    return filters, since, until


def event_list(request):
    """Upcoming events and programme sessions, with filters that need no JavaScript."""
    programmes = listed_programmes()
    form = _filter_form(request, programmes)
    filters, since, until = _filters_from(form, request)
    rows = event_listings(request.user, filters, since=since, until=until, programmes=programmes)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    response = render(
        request,
        "members/events/event_list.html",
        {"form": form, "page_obj": page, "filter_query": query.urlencode()},
    )
    return _personal(request, response)


def event_month(request):
    """A month of events as a table (one row per week, one cell per day) and, for
    narrow screens where seven columns cannot fit, as an agenda of the days with events."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        first = date(year, month, 1)
    except ValueError:
        first = today.replace(day=1)
    if not is_plausible(first):  # year 9999 has no following month to link to
        first = today.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    since, until = day_bounds(first, last)
    rows = event_listings(request.user, since=since, until=until)
    by_day = {}
    for row in rows:
        by_day.setdefault(timezone.localtime(row.starts_at).date(), []).append(row)
    weeks = [
        [
            {"day": day, "in_month": day.month == first.month, "rows": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    # The same month as a list of the days that have events, for narrow screens.
    agenda = [{"day": day, "rows": by_day[day]} for day in sorted(by_day) if first <= day <= last]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = last + timedelta(days=1)
    weekdays = [date(2024, 1, day) for day in range(1, 8)]  # 1 January 2024 was a Monday.
    response = render(
        request,
        "members/events/event_month.html",
        {
            "month": first,
            "weeks": weeks,
            "agenda": agenda,
            "weekdays": weekdays,
            "previous": f"{previous:%Y-%m}",
            "following": f"{following:%Y-%m}",
            "today": today,
        },
    )
    return _personal(request, response)


def event_archive(request):
    """Events that have happened, latest first."""
    page = Paginator(past_events(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return _personal(
        request, render(request, "members/events/event_archive.html", {"page_obj": page})
    )


def _event_for(request, public_id) -> Event:
    """The event if this viewer may see it: published and in their audience, or their own."""
    event = get_object_or_404(Event.objects.select_related("programme"), public_id=public_id)
    if visible_events(request.user).filter(pk=event.pk).exists():
        return event
    if request.user.is_authenticated and (
        event.organiser_id == request.user.pk or is_member_staff(request.user)
    ):
        return event
    raise Http404


def event_detail(request, public_id):
    """One event: details, places, the reply form, and the joining link for a place."""
    event = _event_for(request, public_id)
    reply = rsvp.reply_of(event, request.user)
    confirmed = bool(reply and reply.status == ReplyStatus.CONFIRMED)
    taken = rsvp.places_taken(event)
    shown_names = []
    if sees_members_events(request.user):
        shown_names = list(
            event.replies.filter(status=ReplyStatus.CONFIRMED, show_name=True)
            .exclude(blocked_either_way_q(request.user))
            .select_related("user__profile")
            .values_list("user__profile__display_name", flat=True)
        )
    context = {
        "event": event,
        "reply": reply,
        "has_place": confirmed,
        "joining_link": event.joining_link if confirmed and event.is_online else "",
        "places_taken": taken,
        "places_left": None if event.capacity is None else max(event.capacity - taken, 0),
        "shown_names": shown_names,
        "others_coming": max(taken - len(shown_names), 0),
        "can_reply": sees_members_events(request.user) and event.accepts_replies,
        "is_organiser": request.user.is_authenticated and event.organiser_id == request.user.pk,
        "reply_form": EventReplyForm(initial={"show_name": reply.show_name if reply else False}),
        "guest_form": (
            GuestReplyForm()
            if not request.user.is_authenticated and guests.accepts_guests(event)
            else None
        ),
    }
    response = render(request, "members/events/event_detail.html", context)
    if event.is_members_only:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return _personal(request, response)


def event_ics_view(request, public_id):
    """ "Add to calendar": the event as .ics, with the joining link only for a place."""
    event = _event_for(request, public_id)
    data = event_ics(event, with_joining_link=rsvp.has_place(event, request.user))
    response = HttpResponse(data, content_type=ICS_TYPE)
    response["Content-Disposition"] = 'attachment; filename="event.ics"'
    return _personal(request, response)


def public_event_feed(request):
    """The public events (never members-only ones) for calendar apps to subscribe to."""
    since = timezone.now() - timedelta(days=30)
    events = Event.objects.filter(
        state=EventState.PUBLISHED, audience="public", ends_at__gte=since
    ).order_by("starts_at")[:500]
    response = HttpResponse(public_feed(events), content_type=ICS_TYPE)
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


# Member actions, unprefixed under /members/events/.


@approved_members_only
@require_POST
def reply_to_event(request, public_id):
    """Take a place, or join the waitlist when the event is full."""
    event = _event_for(request, public_id)
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
    event = _event_for(request, public_id)
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


def _organised_event(request, public_id) -> Event:
    event = get_object_or_404(Event, public_id=public_id)
    if event.organiser_id != request.user.pk and not is_member_staff(request.user):
        raise Http404
    return event


@approved_members_only
def edit_event(request, public_id):
    """The organiser edits their own event. An edit of a published event goes back to
    staff for review (`event_moderation.event_edited`); staff's own edits do not."""
    event = _organised_event(request, public_id)
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
    event = _organised_event(request, public_id)
    if event.state != EventState.CANCELLED:
        rsvp.cancel_event(event)
        messages.success(request, _("The event is cancelled and everyone who replied is told."))
    return redirect("members:my_events")


@approved_members_only
def event_attendees(request, public_id):
    """The organiser's list of who replied, and its CSV download."""
    event = _organised_event(request, public_id)
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
