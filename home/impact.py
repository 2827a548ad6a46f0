"""Live impact: outcome figures counted from the site's own data.

An outcome figure is either typed by an editor (historic projects, like the seeds'
EU-funded one) or computed from one of the sources below. The sources are fixed here,
in the shared ground, so that a figure can store which one it uses; the counting is done
by the app that owns the data, which registers a counter with Wagtail's hook
`register_impact_counters`:

    @hooks.register("register_impact_counters")
    def impact_counters():
        return {ImpactSource.MENTORING_MEETINGS: count_mentoring_meetings}

A counter receives the programme page (its default-language version), the first and
last day of the period counted (either may be None: no bound) and returns an int.
`home/` imports no other app; `programmes/` counts sessions and attendance,
`members/` counts mentoring, members and events.
"""

from collections.abc import Callable
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

Counter = Callable[[object, date | None, date | None], int]


class ImpactSource(models.TextChoices):
    """Where a figure's delivered number comes from."""

    TYPED = "", _("Typed by an editor")
    SESSIONS_DELIVERED = "sessions_delivered", _("Sessions delivered (register taken)")
    PARTICIPANTS_ATTENDED = "participants_attended", _("Participants who attended a session")
    MENTORING_MEETINGS = "mentoring_meetings", _("Mentoring meetings held")
    MENTORING_PEOPLE = "mentoring_people", _("People in mentoring pairs")
    NETWORK_MEMBERS = "network_members", _("Members of the network")
    EVENTS_HELD = "events_held", _("Network events held")


def impact_counters() -> dict[str, Counter]:
    """Every registered counter, by source."""
    counters: dict[str, Counter] = {}
    for register in hooks.get_hooks("register_impact_counters"):
        counters.update(register())
    return counters


def count(source: str, programme, start: date | None, end: date | None) -> int | None:
    """The current number for a computed source, or None when nothing counts it."""
    counter = impact_counters().get(source)
    if counter is None:
        return None
    return counter(programme, start, end)
