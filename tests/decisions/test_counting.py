"""Counting by hand-computed examples, ties included."""

from samskab.decisions.counting import tally

A, B, C, D, E = 1, 2, 3, 4, 5


def test_approval_two_of_five_clear_winners():
    ballots = [(False, [A, B]), (False, [A, C]), (False, [B, A]), (False, [D])]
    result = tally([A, B, C, D, E], ballots, seats=2)
    assert [(r.option_id, r.count, r.rank) for r in result.rows] == [
        (A, 3, 1),
        (B, 2, 2),
        (C, 1, 3),
        (D, 1, 3),
        (E, 0, 5),
    ]
    assert result.chosen == [A, B]
    assert result.tied == []
    assert result.ballots == 4


def test_tie_for_the_last_place_is_shown_and_not_chosen():
    # A 3, B 2, C 2: one place left for B and C.
    ballots = [(False, [A, B]), (False, [A, C]), (False, [A, B, C])]
    result = tally([A, B, C], ballots, seats=2)
    assert result.chosen == [A]
    assert result.tied == [B, C]
    assert result.open_seats == 1


def test_tie_that_fits_the_places_chooses_all():
    ballots = [(False, [A, B]), (False, [A, B]), (False, [C])]
    result = tally([A, B, C], ballots, seats=2)
    assert result.chosen == [A, B]
    assert result.tied == []
    assert result.open_seats == 0


def test_abstention_counts_in_turnout_not_for_options():
    ballots = [(True, []), (False, [B]), (True, [])]
    result = tally([A, B], ballots, seats=1)
    assert result.ballots == 3
    assert result.abstentions == 2
    assert result.chosen == [B]


def test_options_without_marks_are_never_chosen():
    result = tally([A, B, C], [(False, [A])], seats=2)
    assert result.chosen == [A]
    assert result.tied == []
    assert tally([A, B], [(True, [])], seats=1).chosen == []


def test_single_choice_tie_at_the_top():
    result = tally(
        [A, B, C], [(False, [A]), (False, [B]), (False, [C]), (False, [A]), (False, [B])], 1
    )
    assert result.chosen == []
    assert result.tied == [A, B]


def test_five_of_eight_as_in_the_seed():
    options = list(range(1, 9))
    # 10 municipalities; counts 9, 8, 7, 7, 6, 5, 5, 3 -> five chosen, no tie at place 5.
    marks = {1: 9, 2: 8, 3: 7, 4: 7, 5: 6, 6: 5, 7: 5, 8: 3}
    ballots = [(False, [o for o, n in marks.items() if i < n]) for i in range(10)]
    result = tally(options, ballots, seats=5)
    assert result.chosen == [1, 2, 3, 4, 5]
    assert [r.count for r in result.rows] == [9, 8, 7, 7, 6, 5, 5, 3]


def test_a_duplicated_mark_counts_once_and_unknown_options_are_ignored():
    result = tally([A, B], [(False, [A, A, 99])], seats=1)
    assert [r.count for r in result.rows] == [1, 0]
