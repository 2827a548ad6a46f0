"""Live impact: outcome figures counted from the site's own data.

An outcome figure is either typed by an editor (historic projects, like the seeds'
EU-funded one) or computed from one of the sources below. The sources are fixed here,
in the shared ground, so that a figure can store which one it uses; the counting is done
by the app that owns the data, which registers a counter with the project hook
`REGISTER_IMPACT_COUNTERS` (home/hooks.py):

    @hooks.register(REGISTER_IMPACT_COUNTERS)
    def impact_counters():
        return {ImpactSource.MENTORING_MEETINGS: count_mentoring_meetings}

A counter receives the programme page (its default-language version), the first and
last day of the period counted (either may be None: no bound) and returns an int.

A counter may also carry a `count_many` attribute: a function taking a list of
`(programme, start, end)` and returning the numbers in the same order, with a fixed
number of queries. Pages and the staff dashboard count through `count_many()` below,
so a page with many figures, or the dashboard with many programmes, costs one call
per source rather than one per figure.
A source in `SUBJECT_SOURCES` counts for one subject chosen on the figure (the skill of
"participants reporting growth in <skill>"): its counter takes the subject as a fourth
argument, `(programme, start, end, subject)`, and its `count_many` receives such
4-tuples. The figure names its subject through `impact_subject`.
`home/` imports no other app; `programmes/` counts sessions, attendance and skills,
`members/` counts mentoring, members and events.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.hooks import REGISTER_IMPACT_COUNTERS

Counter = Callable[[object, date | None, date | None], int]
Query = tuple[object, date | None, date | None]


class ImpactSource(models.TextChoices):
    """Where a figure's delivered number comes from."""

    TYPED = "", _("Typed by an editor")
    SESSIONS_DELIVERED = "sessions_delivered", _("Sessions delivered (register taken)")
    PARTICIPANTS_ATTENDED = "participants_attended", _("Participants who attended a session")
    MENTORING_MEETINGS = "mentoring_meetings", _("Mentoring meetings held")
    MENTORING_PEOPLE = "mentoring_people", _("People in mentoring pairs")
    NETWORK_MEMBERS = "network_members", _("Members of the network")
    EVENTS_HELD = "events_held", _("Network events held")
    PROGRAMME_EVENTS = "programme_events", _("Events of this programme held")
    SKILL_GROWTH = "skill_growth", _("Participants reporting growth in a skill")


# Sources whose figure also chooses what is counted (see the module's docstring).
SUBJECT_SOURCES = frozenset({ImpactSource.SKILL_GROWTH})


def impact_counters() -> dict[str, Counter]:
    """Every registered counter, by source; a later hook (higher order) wins, and a
    source mapped to None counts nothing."""
    counters: dict[str, Counter | None] = {}
    for register in hooks.get_hooks(REGISTER_IMPACT_COUNTERS):
        counters.update(register())
    return counters


def count(source: str, programme, start: date | None, end: date | None, subject=None) -> int | None:
    """The current number for a computed source, or None when nothing counts it."""
    counter = impact_counters().get(source)
    if counter is None:
        return None
    if source in SUBJECT_SOURCES:
        return counter(programme, start, end, subject)
    return counter(programme, start, end)


def count_many(source: str, queries: list[Query]) -> list[int | None]:
    """The numbers for several (programme, start, end) at once, in the order given.

    Uses the counter's `count_many` when it has one (a fixed number of queries),
    otherwise calls the counter once per distinct query.
    """
    counter = impact_counters().get(source)
    if counter is None:
        return [None] * len(queries)
    batch = getattr(counter, "count_many", None)
    if batch is not None:
        return list(batch(list(queries)))
    seen: dict = {}
    values = []
    for query in queries:
        programme, *rest = query
        key = (getattr(programme, "pk", id(programme)), *rest)
        if key not in seen:
            seen[key] = counter(*query)
        values.append(seen[key])
    return values


def count_figures(figures_with_programmes: Iterable[tuple[object, object]]) -> None:
    """Give each computed figure its current number, one `count_many` call per source.

    Takes `(figure, programme)` pairs (the programme in its default language) and sets
    the number on the figure for this request only, so `delivered_count` reads it
    without counting again. Nothing is stored: the next request counts afresh.
    """
    pending: dict[str, list] = defaultdict(list)
    for figure, programme in figures_with_programmes:
        if figure.is_computed:
            start, end = figure.period_for(programme)
            query = (programme, start, end)
            if figure.source in SUBJECT_SOURCES:
                query += (figure.impact_subject,)
            pending[figure.source].append((figure, query))
    for source, items in pending.items():
        values = count_many(source, [query for _figure, query in items])
        for (figure, _query), value in zip(items, values, strict=True):
            figure.set_live_count(value)
