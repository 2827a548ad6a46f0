"""Small-number suppression for counts of people, so that no table identifies anyone.

A table is a list of counts that add up to a total shown beside them (every answer,
"prefer not to say" and "not answered" included). The rules:

1. A count from 1 to 4 is shown as "fewer than 5" (a zero describes nobody and shows).
2. A reader who knows the total, the counts shown and that each hidden small count is
   between 1 and 4 must not be able to work out any small count exactly. Whenever they
   could (one small count beside a total; or two that can only be 1 and 1, or 4 and 4),
   the smallest count still shown is hidden too ("not shown"), and again until they
   cannot. A hidden complementary count is known only to be 5 or more.
3. When that is impossible (nothing left to hide), or the total itself is under 5, the
   whole table is withheld.

`suppress()` is a pure function over plain integers, so the rules are tested over
crafted tables.
"""

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5

SHOWN = "shown"
SMALL = "small"  # 1 to 4: "fewer than 5"
HIDDEN = "hidden"  # a larger count hidden so that a small one cannot be worked out
WITHHELD = "withheld"  # the whole table is not shown


@dataclass(frozen=True)
class Suppressed:
    states: list[str]
    total: int

    @property
    def withheld(self) -> bool:
        return bool(self.states) and self.states[0] == WITHHELD


def suppress(counts: Sequence[int], threshold: int = THRESHOLD) -> Suppressed:
    """The state of each count ("shown", "small", "hidden" or "withheld")."""
    counts = [int(count) for count in counts]
    total = sum(counts)
    if 0 < total < threshold:
        return Suppressed([WITHHELD] * len(counts), total)
    states = [SMALL if 0 < count < threshold else SHOWN for count in counts]
    while _some_small_count_is_exact(counts, states, total, threshold):
        still_shown = [index for index, state in enumerate(states) if state == SHOWN]
        candidates = [index for index in still_shown if counts[index] > 0]
        if not candidates:
            return Suppressed([WITHHELD] * len(counts), total)
        states[min(candidates, key=lambda index: (counts[index], index))] = HIDDEN
    return Suppressed(states, total)


def _some_small_count_is_exact(counts, states, total, threshold) -> bool:
    """Could a reader of the table work out one small count exactly?"""
    bounds = {}
    for index, state in enumerate(states):
        if state == SMALL:
            bounds[index] = (1, threshold - 1)
        elif state == HIDDEN:
            bounds[index] = (threshold, total)
    if not any(states[index] == SMALL for index in bounds):
        return False
    rest = total - sum(count for count, state in zip(counts, states, strict=True) if state == SHOWN)
    low_sum = sum(low for low, _high in bounds.values())
    high_sum = sum(high for _low, high in bounds.values())
    for index, (low, high) in bounds.items():
        if states[index] != SMALL:
            continue
        least = max(low, rest - (high_sum - high))
        most = min(high, rest - (low_sum - low))
        if least >= most:
            return True
    return False
