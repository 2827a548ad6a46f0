"""What a load run must leave behind, as plain functions over what the clients saw and
what the database holds (no Django here, so they are unit-tested cheaply).

The clients keep, for each thing they change, the set of values it may end up with:
a request the client saw succeed narrows the set to what it sent; a request whose
outcome it could not see (an error page, a dropped connection during the drill) adds
what it sent, because the server may or may not have saved it. The database must then
hold one of the possible values, and never anything nobody sent.
"""

from collections import Counter

IN, OUT = "in", "out"  # an event reply held (confirmed or waitlisted), or none held
HELD = {"confirmed", "waitlisted"}


def after(possible: set, sent, succeeded: bool) -> set:
    """The possible final values once a request that sent `sent` has returned."""
    return {sent} if succeeded else possible | {sent}


def bio_for(headline: str) -> str:
    """The profile edit writes two fields together, to catch a half-written row."""
    return f"Bio written with {headline}"


def check_messages(sent: dict[str, bool], stored: Counter) -> list[str]:
    """`sent`: body -> whether the client saw it succeed; `stored`: body -> rows."""
    problems = []
    for body, succeeded in sent.items():
        count = stored.get(body, 0)
        if succeeded and count != 1:
            problems.append(f"message {body!r} succeeded but is stored {count} times")
        elif not succeeded and count > 1:
            problems.append(f"message {body!r} is stored {count} times")
    for body, count in stored.items():
        if body not in sent:
            problems.append(f"message {body!r} is stored ({count}) but nobody sent it")
    return problems


def check_replies(possible: dict[str, set], rows: list[tuple[str, str]], capacity: int):
    """`possible`: member -> {IN, OUT}; `rows`: (member, status) of the event's replies."""
    problems = []
    per_member = Counter(member for member, _status in rows)
    for member, count in per_member.items():
        if count > 1:
            problems.append(f"{member} has {count} replies to the event")
    status = dict(rows)
    confirmed = sum(1 for _member, state in rows if state == "confirmed")
    waitlisted = sum(1 for _member, state in rows if state == "waitlisted")
    if confirmed > capacity:
        problems.append(f"{confirmed} confirmed places for a capacity of {capacity}")
    if waitlisted and confirmed < capacity:
        problems.append(f"{waitlisted} waiting while only {confirmed}/{capacity} places are taken")
    for member, states in possible.items():
        actual = IN if status.get(member) in HELD else OUT
        if actual not in states:
            problems.append(f"{member}: reply is {actual!r}, the client last saw {states}")
    certain_in = {member for member, states in possible.items() if states == {IN}}
    held = {member for member, state in rows if state in HELD}
    uncertain = {member for member, states in possible.items() if len(states) > 1}
    if held - uncertain != certain_in:
        problems.append(
            f"{len(held - uncertain)} members hold a reply, "
            f"{len(certain_in)} last took a place successfully"
        )
    return problems


def check_profiles(possible: dict[str, set], stored: dict[str, tuple[str, str]]) -> list[str]:
    """`possible`: member -> headlines; `stored`: member -> (headline, bio)."""
    problems = []
    for member, headlines in possible.items():
        headline, bio = stored.get(member, (None, None))
        if headline not in headlines:
            problems.append(f"{member}: headline {headline!r} is none of {sorted(headlines)}")
        if bio != bio_for(headline or ""):
            problems.append(f"{member}: half-written profile ({headline!r} / {bio!r})")
    return problems


def check_statuses(statuses: Counter, unfriendly: int, connection_errors: int, *, drill: bool):
    """No server error in a load run; in the drill, only the friendly 503 page."""
    problems = []
    errors = {code: n for code, n in statuses.items() if code >= 500}
    if not drill and errors:
        problems.append(f"server errors: {errors}")
    if drill and any(code != 503 for code in errors):
        problems.append(f"server errors other than 503: {errors}")
    if unfriendly:
        problems.append(f"{unfriendly} error responses were not the friendly 503 page")
    if connection_errors:
        problems.append(f"{connection_errors} requests got no HTTP answer at all")
    return problems
