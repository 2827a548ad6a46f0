"""The verdicts of the load test and the fault drill (`loadtest/checks.py`): they must
catch a lost, duplicated or half-written row, and forgive only what a client could not see."""

from collections import Counter

from loadtest import checks
from loadtest.checks import IN, OUT


def test_a_request_seen_to_succeed_settles_the_value_and_an_unseen_one_widens_it():
    assert checks.after({OUT}, IN, succeeded=True) == {IN}
    assert checks.after({OUT}, IN, succeeded=False) == {OUT, IN}
    assert checks.after({OUT, IN}, OUT, succeeded=True) == {OUT}


def test_messages_lost_duplicated_or_unsent_are_reported():
    sent = {"a": True, "b": True, "c": False, "d": False}
    assert checks.check_messages(sent, Counter({"a": 1, "b": 1, "c": 1})) == []
    problems = checks.check_messages(sent, Counter({"a": 2, "d": 2, "x": 1}))
    assert len(problems) == 4  # a duplicated, b lost, d duplicated, x sent by nobody


def test_replies_over_capacity_double_or_contrary_to_the_client_are_reported():
    possible = {"m1": {IN}, "m2": {IN}, "m3": {OUT}, "m4": {IN, OUT}}
    good = [("m1", "confirmed"), ("m2", "waitlisted"), ("m3", "cancelled"), ("m4", "confirmed")]
    assert checks.check_replies(possible, good, capacity=2) == []
    assert checks.check_replies(possible, good, capacity=1)  # two confirmed for one place
    assert checks.check_replies(possible, [*good, ("m1", "cancelled")], capacity=2)
    lost = [("m2", "confirmed"), ("m4", "confirmed")]
    assert any("m1" in problem for problem in checks.check_replies(possible, lost, capacity=2))
    skipped = [("m1", "confirmed"), ("m2", "waitlisted")]  # a free place and someone waiting
    assert checks.check_replies({"m1": {IN}, "m2": {IN}}, skipped, capacity=2)


def test_profiles_must_hold_the_last_saved_value_written_whole():
    possible = {"m1": {"h2"}, "m2": {"h1", "h3"}}
    stored = {"m1": ("h2", checks.bio_for("h2")), "m2": ("h3", checks.bio_for("h3"))}
    assert checks.check_profiles(possible, stored) == []
    stale = {**stored, "m1": ("h1", checks.bio_for("h1"))}
    assert checks.check_profiles(possible, stale)
    half = {**stored, "m2": ("h3", checks.bio_for("h1"))}
    assert checks.check_profiles(possible, half)


def test_only_the_friendly_503_is_allowed_and_only_in_the_drill():
    assert checks.check_statuses(Counter({200: 5, 302: 5}), 0, 0, drill=False) == []
    assert checks.check_statuses(Counter({200: 5, 503: 2}), 0, 0, drill=False)
    assert checks.check_statuses(Counter({200: 5, 503: 2}), 0, 0, drill=True) == []
    assert checks.check_statuses(Counter({500: 1}), 1, 0, drill=True)
    assert checks.check_statuses(Counter({503: 1}), 1, 0, drill=True)  # a 503 with a trace
    assert checks.check_statuses(Counter({200: 1}), 0, 3, drill=True)
