"""Computed outcome figures look their counter up through a Wagtail hook."""

from wagtail import hooks

from home.impact import ImpactSource, count


def test_a_source_without_a_registered_counter_counts_nothing():
    assert count("no_such_source", None, None, None) is None


def test_a_registered_counter_receives_the_programme_and_the_period():
    calls = []

    def counter(programme, start, end):
        calls.append((programme, start, end))
        return 7

    with hooks.register_temporarily(
        "register_impact_counters", lambda: {ImpactSource.EVENTS_HELD: counter}
    ):
        assert count(ImpactSource.EVENTS_HELD, "programme", None, None) == 7
    assert calls == [("programme", None, None)]
