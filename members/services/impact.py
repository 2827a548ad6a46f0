"""What the member area counts for programmes' live impact figures.

Registered with the `register_impact_counters` hook (see `home.impact`) in
`members/wagtail_hooks.py`. The first two are of the whole network, as funders read
them ("the network grew to 111 members", "12 network events"): the programme only lends
its period. The third counts the events linked to the programme itself. Each counter
has a `count_many` that answers any number of periods with one query, so the staff
dashboard costs the same with one programme or fifty.

- Network members: accounts that are active and whose membership is approved, counted
  as of the end of the period (approved by the end of its last day, UK time), and
  people who have since deleted their account but were members then: a deleted account
  leaves an anonymous `FormerMember` with its membership period, so a closed period's
  figure does not drop when someone leaves. A deactivated account is not counted.
- Events held: published events (not proposed, declined or cancelled) that began
  within the period and have begun by now: an event in the future has not been held.
- Events of this programme held: the same, among the events linked to the programme
  (to any of its translations: an event may name the Chinese page of a programme).
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from members.models import Event, EventState, FormerMember, MembershipStatus, Profile


def _day_starts(day: date) -> datetime:
    """The first moment of a UK day, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _after(day: date | None) -> datetime | None:
    """The first moment after the last day of a period, or None for no bound."""
    return None if day is None else _day_starts(day + timedelta(days=1))


def _count_by_condition(queryset, conditions: list[Q]) -> list[int]:
    """One query counting `queryset` under each condition; equal conditions counted once."""
    if not conditions:
        return []
    distinct = {}
    for condition in conditions:
        distinct.setdefault(str(condition), (f"n{len(distinct)}", condition))
    totals = queryset.aggregate(
        **{name: Count("pk", filter=condition) for name, condition in distinct.values()}
    )
    return [totals[distinct[str(condition)][0]] for condition in conditions]


def _member_condition(end: date | None) -> Q:
    moment = _after(end)
    if moment is None:
        return Q(pk__isnull=False)
    return Q(status_changed_at__lt=moment) | Q(
        status_changed_at__isnull=True, created_at__lt=moment
    )


def _former_member_condition(end: date | None) -> Q:
    """Deleted accounts that were members at the end of the period; none when the
    period has no end (counted as of now, when they are gone)."""
    moment = _after(end)
    if moment is None:
        return Q(pk__isnull=True)
    return Q(member_since__lt=moment, left_at__gte=moment)


def network_members_many(queries) -> list[int]:
    """Approved, active members at the end of each period, with those who were members
    then and have deleted their account since."""
    members = Profile.objects.filter(status=MembershipStatus.APPROVED, user__is_active=True)
    current = _count_by_condition(members, [_member_condition(end) for _p, _s, end in queries])
    if all(end is None for _p, _s, end in queries):
        return current
    former = _count_by_condition(
        FormerMember.objects.filter(member_since__isnull=False),
        [_former_member_condition(end) for _p, _s, end in queries],
    )
    return [now + then for now, then in zip(current, former, strict=True)]


def count_network_members(programme, start: date | None, end: date | None) -> int:
    return network_members_many([(programme, start, end)])[0]


count_network_members.count_many = network_members_many


def _event_condition(start: date | None, end: date | None) -> Q:
    condition = Q(pk__isnull=False)
    if start is not None:
        condition &= Q(starts_at__gte=_day_starts(start))
    if end is not None:
        condition &= Q(starts_at__lt=_after(end))
    return condition


def events_held_many(queries) -> list[int]:
    """Published events that began within each period, and have begun by now."""
    held = Event.objects.filter(state=EventState.PUBLISHED, starts_at__lte=timezone.now())
    return _count_by_condition(held, [_event_condition(start, end) for _p, start, end in queries])


def count_events_held(programme, start: date | None, end: date | None) -> int:
    return events_held_many([(programme, start, end)])[0]


count_events_held.count_many = events_held_many


def programme_events_many(queries) -> list[int]:
    """Published events linked to each programme that began within its period."""
    held = Event.objects.filter(state=EventState.PUBLISHED, starts_at__lte=timezone.now())
    return _count_by_condition(
        held,
        [
            _event_condition(start, end) & Q(programme__translation_key=programme.translation_key)
            for programme, start, end in queries
        ],
    )


def count_programme_events(programme, start: date | None, end: date | None) -> int:
    return programme_events_many([(programme, start, end)])[0]


count_programme_events.count_many = programme_events_many
