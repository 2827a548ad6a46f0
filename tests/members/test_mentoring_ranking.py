"""The ranking of suggested mentors, on hand-built cases: shared skills first, then
shared languages, then the same area, then a neighbouring one."""

from members.services.mentoring.pairs import (
    AREA_ELSEWHERE,
    AREA_NEAR,
    AREA_SAME,
    MatchMentor,
    MatchWish,
    area_closeness,
    match_score,
    rank_mentors,
)


def mentor(name, skills=(), languages=(), area=""):
    return MatchMentor(
        key=name, name=name, skills=frozenset(skills), languages=frozenset(languages), area=area
    )


def names(ranked):
    return [item.name for item, _score in ranked]


WISH = MatchWish(
    skills=frozenset({1, 2, 3}), languages=frozenset({"ar", "en"}), area="london-hackney"
)


def test_score_counts_shared_skills_then_languages_then_area():
    assert match_score(WISH, mentor("a", {1, 2, 9}, {"ar", "fr"}, "london-hackney")) == (
        2,
        1,
        AREA_SAME,
    )
    assert match_score(WISH, mentor("b", set(), set(), "")) == (0, 0, AREA_ELSEWHERE)


def test_area_closeness_uses_the_shared_neighbour_map():
    assert area_closeness("london-hackney", "london-hackney") == AREA_SAME
    assert area_closeness("london-hackney", "london-islington") == AREA_NEAR  # borders
    assert area_closeness("london-hackney", "london") == AREA_NEAR  # Greater London
    assert area_closeness("london-hackney", "london-bromley") == AREA_ELSEWHERE
    assert area_closeness("wales", "england-south-west") == AREA_NEAR
    assert area_closeness("wales", "scotland") == AREA_ELSEWHERE
    assert area_closeness("", "wales") == AREA_ELSEWHERE
    assert area_closeness("wales", "") == AREA_ELSEWHERE


def test_one_more_shared_skill_beats_any_number_of_languages_and_the_area():
    ranked = rank_mentors(
        WISH,
        [
            mentor("Languages and area", {1}, {"ar", "en"}, "london-hackney"),
            mentor("Two skills", {1, 2}, set(), "scotland"),
        ],
    )
    assert names(ranked) == ["Two skills", "Languages and area"]


def test_with_equal_skills_more_languages_beat_a_closer_area():
    ranked = rank_mentors(
        WISH,
        [
            mentor("Same area", {1}, {"ar"}, "london-hackney"),
            mentor("Two languages", {1}, {"ar", "en"}, "scotland"),
        ],
    )
    assert names(ranked) == ["Two languages", "Same area"]


def test_with_equal_skills_and_languages_same_area_beats_near_beats_elsewhere():
    ranked = rank_mentors(
        WISH,
        [
            mentor("Elsewhere", {2}, {"en"}, "wales"),
            mentor("Near", {2}, {"en"}, "london-tower-hamlets"),
            mentor("Same", {2}, {"en"}, "london-hackney"),
            mentor("No area", {2}, {"en"}, ""),
        ],
    )
    assert names(ranked) == ["Same", "Near", "Elsewhere", "No area"]


def test_the_full_order_of_a_mixed_list_and_its_scores():
    mentors = [
        mentor("Zara", {9}, {"ar", "en"}, "london-hackney"),  # (0, 2, 2)
        mentor("Yusuf", {1, 2, 3}, set(), ""),  # (3, 0, 0)
        mentor("Xin", {1, 2}, {"en"}, "london-camden"),  # (2, 1, 0)
        mentor("Wiktor", {1, 2}, {"en"}, "london-islington"),  # (2, 1, 1)
        mentor("Vera", {3}, {"ar", "en"}, "wales"),  # (1, 2, 0)
        mentor("Umar", {3}, {"ar"}, "london-hackney"),  # (1, 1, 2)
    ]
    ranked = rank_mentors(WISH, mentors)
    assert [(item.name, score) for item, score in ranked] == [
        ("Yusuf", (3, 0, 0)),
        ("Wiktor", (2, 1, 1)),
        ("Xin", (2, 1, 0)),
        ("Vera", (1, 2, 0)),
        ("Umar", (1, 1, 2)),
        ("Zara", (0, 2, 2)),
    ]


def test_ties_are_ordered_by_name_whatever_the_input_order():
    same = [mentor(name, {1}, {"en"}, "wales") for name in ["carol", "Bob", "alice"]]
    assert names(rank_mentors(WISH, same)) == ["alice", "Bob", "carol"]
    assert names(rank_mentors(WISH, list(reversed(same)))) == ["alice", "Bob", "carol"]


def test_an_empty_wish_keeps_everyone_in_name_order():
    ranked = rank_mentors(MatchWish(), [mentor("b", {1}), mentor("a", {2}, {"en"}, "wales")])
    assert [score for _item, score in ranked] == [(0, 0, 0), (0, 0, 0)]
    assert names(ranked) == ["a", "b"]
