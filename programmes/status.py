"""A programme's application status, computed from its dates and the clock.

Editors never type a status: it follows from when applications open, the deadline,
and the programme's first and last days, read in the site's time zone
(Europe/London). The same rules exist twice: in Python for one page, and as
database filters for listings, and the tests hold the two together.

A deadline such as "23:59 on 20 September" accepts applications until the end of
that minute; applications close at 00:00 the next day.
"""

from datetime import UTC, datetime, timedelta

from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CLOSING_SOON_WINDOW = timedelta(days=7)
DEADLINE_GRACE = timedelta(minutes=1)


class ApplicationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Opening soon")
    OPEN = "open", _("Open for applications")
    CLOSING_SOON = "closing-soon", _("Closing soon")
    CLOSED = "closed", _("Applications closed")
    RUNNING = "running", _("Running now")
    FINISHED = "finished", _("Finished")


class StatusFilter(models.TextChoices):
    """The coarser groups readers filter the programme list by."""

    OPEN = "open", _("Open for applications")
    UPCOMING = "upcoming", _("Starting later")
    RUNNING = "running", _("Running now")
    PAST = "past", _("Past")


def applications_close_at(deadline: datetime) -> datetime:
    """The first moment no application is accepted: the minute after the deadline.

    Arithmetic is done in UTC: Python adds and compares two datetimes that share a
    time zone as wall-clock times, which is an hour out across a clock change.
    """
    return deadline.astimezone(UTC).replace(second=0, microsecond=0) + DEADLINE_GRACE


def compute_status(*, start_date, end_date, opens_at, deadline, now=None) -> ApplicationStatus:
    """The status of a programme with these dates at `now` (default: the current time)."""
    now = (now or timezone.now()).astimezone(UTC)
    today = timezone.localdate(now)
    if end_date and today > end_date:
        return ApplicationStatus.FINISHED
    if start_date and today >= start_date:
        return ApplicationStatus.RUNNING
    if deadline is None:
        return ApplicationStatus.UPCOMING
    closes_at = applications_close_at(deadline)
    if now >= closes_at:
        return ApplicationStatus.CLOSED
    if opens_at and now < opens_at:
        return ApplicationStatus.UPCOMING
    if closes_at - now <= CLOSING_SOON_WINDOW:
        return ApplicationStatus.CLOSING_SOON
    return ApplicationStatus.OPEN


def _not_started(today) -> Q:
    return Q(start_date__gt=today)


def accepting_applications_q(now=None) -> Q:
    """Programmes whose applications are open (including closing soon) at `now`."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return (
        _not_started(today)
        & Q(application_deadline__gt=now - DEADLINE_GRACE)
        & (Q(applications_open_at__isnull=True) | Q(applications_open_at__lte=now))
    )


def status_filter_q(status_filter: str, now=None) -> Q:
    """The database filter for one of the reader-facing `StatusFilter` groups."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if status_filter == StatusFilter.OPEN:
        return accepting_applications_q(now)
    if status_filter == StatusFilter.UPCOMING:
        return _not_started(today) & ~accepting_applications_q(now)
    if status_filter == StatusFilter.RUNNING:
        return Q(start_date__lte=today, end_date__gte=today)
    if status_filter == StatusFilter.PAST:
        return Q(end_date__lt=today)
    return Q()


def order_for_readers(queryset, now=None):
    """Open programmes first by soonest deadline, then those starting later by start
    date, then those running by end date, then past ones, most recent first."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    queryset = queryset.annotate(
        listing_group=Case(
            When(accepting_applications_q(now), then=Value(0)),
            When(_not_started(today), then=Value(1)),
            When(end_date__gte=today, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
    )
    return queryset.order_by(
        "listing_group",
        Case(When(listing_group=0, then=F("application_deadline"))).asc(nulls_last=True),
        Case(When(listing_group=1, then=F("start_date"))).asc(nulls_last=True),
        Case(When(listing_group=2, then=F("end_date"))).asc(nulls_last=True),
        Case(When(listing_group=3, then=F("end_date"))).desc(nulls_last=True),
        "title",
    )
