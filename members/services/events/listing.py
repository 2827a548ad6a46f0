"""Which events a viewer may see, and the one list of upcoming events that merges
published events with programme sessions (typed once, on the programme page).

Members-only events reach approved members and member staff only; everyone else,
including feeds and search, never receives them. Every list is built with a fixed
number of queries, whatever the number of events.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant

from home.areas import area_label, areas_near, local_areas
from home.frame import public
from members.models import Event, EventAudience, EventFormat, EventState, ReplyStatus
from members.services.privacy import is_approved_member, is_member_staff, own_profile
from programmes.models import ProgrammePage, ProgrammeSession

# How a programme session's place maps onto an event's format.
SESSION_FORMAT = {"in-person": EventFormat.IN_PERSON, "online": EventFormat.ONLINE}
FORMAT_SESSION = {
    EventFormat.IN_PERSON: "in-person",
    EventFormat.ONLINE: "online",
    EventFormat.HYBRID: "both",
}


def sees_members_events(user) -> bool:
    return is_approved_member(user) or is_member_staff(user)


def visible_events(user):
    """Published events this viewer may see."""
    events = Event.objects.filter(state=EventState.PUBLISHED)
    if not sees_members_events(user):
        events = events.filter(audience=EventAudience.PUBLIC)
    return events


def near_areas_of(user) -> set[str]:
    profile = own_profile(user)
    return local_areas(profile.home_area) if profile else set()


@dataclass
class Listing:
    """One row of the events list: an event, or a programme session shown as one."""

    title: str
    starts_at: datetime
    ends_at: datetime
    format: str
    area: str
    url: str
    event: Event | None = None
    programme_title: str = ""
    places_taken: int = 0

    @property
    def area_label(self) -> str:
        return area_label(self.area)

    @property
    def is_session(self) -> bool:
        return self.event is None

    @property
    def is_full(self) -> bool:
        return bool(self.event and self.event.capacity and self.places_taken >= self.event.capacity)


@dataclass
class EventFilters:
    """What the viewer chose in the filter form (all optional)."""

    near: set[str] | None = None
    area: str = ""
    format: str = ""
    start: date | None = None
    end: date | None = None
    topic: str = ""
    skill: str = ""
    programme: int | None = None
    query: str = ""


def _event_queryset(user, filters: EventFilters, *, since, until):
    events = visible_events(user).filter(ends_at__gte=since)
    if until is not None:
        events = events.filter(starts_at__lt=until)
    if filters.near is not None:
        events = events.filter(
            Q(area__in=filters.near) | Q(format__in=[EventFormat.ONLINE, EventFormat.HYBRID])
        )
    if filters.area:
        events = events.filter(area__in=areas_in(filters.area))
    if filters.format:
        events = events.filter(format=filters.format)
    if filters.topic:
        events = events.filter(topics__slug=filters.topic)
    if filters.skill:
        events = events.filter(skills__slug=filters.skill)
    if filters.programme:
        events = events.filter(programme_id=filters.programme)
    if filters.query:
        events = events.filter(
            Q(title__icontains=filters.query) | Q(description__icontains=filters.query)
        )
    return events.annotate(
        taken=Count("replies", filter=Q(replies__status=ReplyStatus.CONFIRMED))
    ).select_related("programme")


def areas_in(area: str) -> set[str]:
    """An area and what it contains: London includes its boroughs."""
    if area == "london":
        return areas_near("london") - {
            "england-east",
            "england-south-east",
        }
    return {area}


def listed_programmes():
    """Live, public programme pages in the default language, whose sessions are listed.
    (`public()` costs one query; build this once per request and pass it along.)"""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return public(ProgrammePage.objects.live()).filter(locale__language_code=default)


def _session_queryset(filters: EventFilters, pages, *, since, until):
    sessions = ProgrammeSession.objects.filter(page__in=pages, date__gte=since.date())
    if until is not None:
        sessions = sessions.filter(date__lt=until.date())
    if filters.near is not None:
        sessions = sessions.filter(
            Q(page__region__in=filters.near) | Q(place__in=["online", "both"])
        )
    if filters.area:
        sessions = sessions.filter(page__region__in=areas_in(filters.area))
    if filters.format:
        sessions = sessions.filter(place=FORMAT_SESSION[filters.format])
    if filters.topic:
        sessions = sessions.filter(page__topics__slug=filters.topic)
    if filters.skill:
        sessions = sessions.filter(page__skills__slug=filters.skill)
    if filters.programme:
        sessions = sessions.filter(page_id=filters.programme)
    if filters.query:
        sessions = sessions.filter(
            Q(title__icontains=filters.query) | Q(page__title__icontains=filters.query)
        )
    return sessions.select_related("page").distinct()


def event_listings(
    user,
    filters: EventFilters | None = None,
    *,
    since=None,
    until=None,
    programmes=None,
    limit: int | None = None,
):
    """Events and programme sessions from `since` (now) to `until`, soonest first;
    with `limit`, only the first so many."""
    from members.services.events.calendar import event_page_path

    filters = filters or EventFilters()
    programmes = listed_programmes() if programmes is None else programmes
    since = since or timezone.now()
    events = _event_queryset(user, filters, since=since, until=until).distinct()
    sessions = _session_queryset(filters, programmes, since=since, until=until)
    if limit is not None:
        events = events[:limit]
        sessions = sessions.order_by("date", "start_time")[: limit + 1]
    rows = [
        Listing(
            title=event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            format=event.format,
            area=event.area,
            url=event_page_path(event),
            event=event,
            programme_title=event.programme.title if event.programme else "",
            places_taken=event.taken,
        )
        for event in events
    ]
    for session in sessions:
        if session.ends_at < since:
            continue
        rows.append(
            Listing(
                title=session.title,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                format=SESSION_FORMAT.get(session.place, EventFormat.HYBRID),
                area=session.page.region,
                url=session.page.url,
                programme_title=session.page.title,
            )
        )
    rows.sort(key=lambda row: row.starts_at)
    return rows[:limit] if limit is not None else rows


def past_events(user):
    """Published events that have ended, latest first."""
    return (
        visible_events(user)
        .filter(ends_at__lt=timezone.now())
        .order_by("-starts_at", "-pk")
        .select_related("programme")
    )


def day_bounds(start: date, end: date):
    """Aware datetimes from the start of `start` to the end of `end` (London time)."""
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def viewable_event_or_404(viewer, public_id) -> Event:
    """The event if this viewer may see it: published and in their audience, or their
    own, or any event for member staff. Any other answers 404, so that a members-only
    event's existence does not leak."""
    event = get_object_or_404(Event.objects.select_related("programme"), public_id=public_id)
    if visible_events(viewer).filter(pk=event.pk).exists():
        return event
    if viewer.is_authenticated and (event.organiser_id == viewer.pk or is_member_staff(viewer)):
        return event
    raise Http404


def organised_event_or_404(user, public_id) -> Event:
    """The event if `user` organises it or is member staff (edit, cancel, attendees,
    the organiser's message); 404 for anyone else."""
    event = get_object_or_404(Event, public_id=public_id)
    if event.organiser_id != user.pk and not is_member_staff(user):
        raise Http404
    return event
