"""The public event pages under /<language>/events/: the list with its filters, a
month, the archive, one event with its reply form, its .ics, and the public feed.

A members-only event is answered with 404 for anyone who may not see it, so its
existence does not leak. The joining link is rendered only for a confirmed place.
"""

import calendar
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from home.dates import is_plausible
from home.http import make_private
from home.models import Skill, Topic
from members.forms.events import EventFilterForm, EventReplyForm
from members.forms.guests import GuestReplyForm
from members.models import Event, EventState, ReplyStatus
from members.services.directory import blocked_either_way_q
from members.services.events import calendar as event_calendar
from members.services.events import guests, rsvp
from members.services.events.listing import (
    EventFilters,
    day_bounds,
    event_listings,
    listed_programmes,
    near_areas_of,
    past_events,
    sees_members_events,
    viewable_event_or_404,
)
from members.services.privacy import own_profile

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


def event_detail(request, public_id):
    """One event: details, places, the reply form, and the joining link for a place."""
    event = viewable_event_or_404(request.user, public_id)
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


def event_ics(request, public_id):
    """ "Add to calendar": the event as .ics, with the joining link only for a place."""
    event = viewable_event_or_404(request.user, public_id)
    data = event_calendar.event_ics(event, with_joining_link=rsvp.has_place(event, request.user))
    response = HttpResponse(data, content_type=event_calendar.ICS_TYPE)
    response["Content-Disposition"] = 'attachment; filename="event.ics"'
    return _personal(request, response)


def public_event_feed(request):
    """The public events (never members-only ones) for calendar apps to subscribe to."""
    since = timezone.now() - timedelta(days=30)
    events = Event.objects.filter(
        state=EventState.PUBLISHED, audience="public", ends_at__gte=since
    ).order_by("starts_at")[:500]
    response = HttpResponse(
        event_calendar.public_feed(events), content_type=event_calendar.ICS_TYPE
    )
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response
