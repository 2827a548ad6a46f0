"""Small-number suppression over crafted tables: no count under 5 is shown, and no
count hidden as "fewer than 5" can be worked out from the total and the others."""

import pytest

from programmes.services.suppression import HIDDEN, SHOWN, SMALL, WITHHELD, suppress


def states(*counts):
    return suppress(counts).states


def test_counts_of_five_or_more_and_zeros_show():
    assert states(12, 5, 0) == [SHOWN, SHOWN, SHOWN]


def test_counts_from_one_to_four_show_as_fewer_than_five():
    assert states(2, 2, 10) == [SMALL, SMALL, SHOWN]


def test_the_only_other_non_zero_cell_beside_a_total_is_suppressed_too():
    # 3 "yes", 9 "no", 0 "prefer not to say", total 12: "no" would reveal "yes" = 3.
    assert states(3, 9, 0) == [SMALL, HIDDEN, SHOWN]


def test_the_smallest_count_still_shown_is_the_one_hidden():
    assert states(3, 9, 6) == [SMALL, SHOWN, HIDDEN]


def test_two_small_counts_that_could_only_be_one_each_hide_another_cell():
    # Total 12, 10 shown: the two hidden counts add up to 2, so both would be 1.
    assert states(1, 1, 10) == [SMALL, SMALL, HIDDEN]


def test_a_hidden_count_known_to_be_five_or_more_still_gives_nothing_away():
    # Hiding only the 5 would leave 1 + (at least 5) = 6: both exact. The 6 goes too.
    assert states(1, 5, 6) == [SMALL, HIDDEN, HIDDEN]


def test_a_table_that_cannot_be_protected_is_withheld():
    # 4 and 4 beside a total of 8, nothing else to hide: both would be 4.
    assert states(4, 4, 0) == [WITHHELD] * 3


def test_a_total_under_five_withholds_the_whole_table():
    result = suppress([2, 1, 0])
    assert result.withheld and result.total == 3


@pytest.mark.parametrize(
    "counts",
    [(3, 9, 0), (1, 1, 10), (1, 5, 6), (2, 3, 7, 0), (4, 1, 1, 20), (1, 2, 3, 4, 10), (3, 12)],
)
def test_no_small_count_can_be_worked_out_exactly(counts):
    """Brute force: every table consistent with what is shown gives each small cell
    more than one possible value."""
    import itertools

    result = suppress(counts)
    if result.withheld:
        return
    total = sum(counts)
    hidden = [i for i, s in enumerate(result.states) if s in (SMALL, HIDDEN)]
    ranges = [range(1, 5) if result.states[i] == SMALL else range(5, total + 1) for i in hidden]
    rest = total - sum(c for c, s in zip(counts, result.states, strict=True) if s == SHOWN)
    possible = [combo for combo in itertools.product(*ranges) if sum(combo) == rest]
    for position, index in enumerate(hidden):
        if result.states[index] == SMALL:
            assert len({combo[position] for combo in possible}) > 1, (counts, index)
