"""Instant-runoff on examples counted by hand (no database)."""

from samskab.decisions.runoff import instant_runoff, ranked_tally

A, B, C, D = 1, 2, 3, 4


def test_a_first_round_majority_ends_the_count():
    r = instant_runoff([A, B, C], [[A, B]] * 6 + [[B]] * 3 + [[C, A]] * 2)
    assert r.chosen == [A] and r.tied == []
    assert len(r.rounds) == 1
    assert r.rounds[0].counts == {A: 6, B: 3, C: 2}
    assert r.rounds[0].event == "majority"


def test_transfers_decide_against_the_first_preference_leader():
    # A 4, B 3, C 2: C out, its two ballots go to B: A 4, B 5 of 9, B wins.
    r = instant_runoff([A, B, C], [[A, B]] * 4 + [[B, A]] * 3 + [[C, B]] * 2)
    assert r.chosen == [B]
    assert [x.counts for x in r.rounds] == [{A: 4, B: 3, C: 2}, {A: 4, B: 5}]
    assert r.rounds[0].eliminated == [C]


def test_exhausted_ballots_leave_the_majority_threshold():
    # A 4, B 3, C 2 (C ranks nothing else): C out, 2 exhausted; A 4 of 7 > half.
    r = instant_runoff([A, B, C], [[A]] * 4 + [[B]] * 3 + [[C]] * 2)
    assert r.chosen == [A]
    assert r.rounds[1].exhausted == 2
    assert r.rounds[1].active == 7


def test_a_tie_for_fewest_broken_backwards():
    # Round 1: A 6, B 4, C 3, D 1. D out -> C: A 6, B 4, C 4. B had more in round 1,
    # so C goes. C's ballots go to A: A 9 of 13 (one ballot D,C exhausted).
    r = instant_runoff([A, B, C, D], [[A]] * 6 + [[B]] * 4 + [[C, A]] * 3 + [[D, C]])
    second = r.rounds[1]
    assert second.tied_lowest == [B, C]
    assert second.tie_break == "backwards" and second.back_round == 1
    assert second.eliminated == [C]
    assert r.chosen == [A]
    assert r.rounds[2].counts == {A: 9, B: 4} and r.rounds[2].exhausted == 1


def test_tied_options_with_fewer_votes_than_any_other_go_together():
    # A 5, B 4, C 1, D 1: C and D together (2) have fewer than B (4).
    r = instant_runoff([A, B, C, D], [[A]] * 5 + [[B]] * 4 + [[C, B]] + [[D, B]])
    first = r.rounds[0]
    assert first.tie_break == "together" and sorted(first.eliminated) == [C, D]
    assert r.rounds[1].counts == {A: 5, B: 6}
    assert r.chosen == [B]


def test_an_order_that_does_not_matter_is_counted_either_way():
    # A 5, D 4, B 3, C 3: B and C tied (6 >= D's 4), no earlier round. Both orders
    # give A a majority in the next round (8 of 15).
    r = instant_runoff([A, B, C, D], [[A]] * 5 + [[B, A]] * 3 + [[C, A]] * 3 + [[D]] * 4)
    assert r.chosen == [A] and r.tied == []
    assert r.rounds[0].tie_break == "same_outcome"
    assert r.rounds[0].eliminated == [B]


def test_an_order_that_decides_ends_in_a_tie():
    # A 5, B 3, C 3. B out first -> C gets 3: C 6 of 11 wins. C out first -> A gets 3:
    # A 8 wins. The count cannot choose: A and C are tied, the network decides.
    r = instant_runoff([A, B, C], [[A]] * 5 + [[B, C]] * 3 + [[C, A]] * 3)
    assert r.chosen == []
    assert r.tied == [A, C]
    assert r.rounds[-1].event == "tie" and r.rounds[-1].could_win == [A, C]


def test_the_last_two_with_equal_votes_tie():
    r = instant_runoff([A, B, C], [[A]] * 3 + [[B]] * 3 + [[C, A]])
    # C out -> A 4, B 3: A wins; now make it equal
    assert r.chosen == [A]
    r = instant_runoff([A, B], [[A], [B]])
    assert r.chosen == [] and r.tied == [A, B]
    assert r.rounds[0].event == "tie"


def test_no_ranked_ballots_choose_nothing():
    r = instant_runoff([A, B], [[], []])
    assert r.chosen == [] and r.tied == []
    assert r.rounds[0].event == "empty" and r.rounds[0].exhausted == 2


def test_unknown_and_repeated_options_are_ignored():
    r = instant_runoff([A, B], [[99, A, A, B], [B]] + [[A]])
    assert r.rounds[0].counts == {A: 2, B: 1}


def test_ranked_tally_rows_rank_by_how_far_an_option_came():
    ballots = [(False, [A, B])] * 4 + [(False, [B, A])] * 3 + [(False, [C, B])] * 2
    ballots += [(True, [])]
    t = ranked_tally([A, B, C, D], ballots)
    assert t.ballots == 10 and t.abstentions == 1
    # B chosen; A was eliminated last; C before; D (no votes) first.
    assert [(r.option_id, r.count, r.rank, r.outcome) for r in t.rows] == [
        (B, 3, 1, "chosen"),
        (A, 4, 2, ""),
        (C, 2, 3, ""),
        (D, 0, 4, ""),
    ]
    assert t.chosen == [B] and t.open_seats == 0
    assert len(t.rounds) == 3


def test_ranked_tally_of_a_tie_shares_the_first_rank():
    t = ranked_tally([A, B, C], [(False, [A])] * 5 + [(False, [B, C])] * 3 + [(False, [C, A])] * 3)
    assert t.tied == [A, C] and t.chosen == []
    ranks = {r.option_id: r.rank for r in t.rows}
    assert ranks[A] == ranks[C] == 1 and ranks[B] == 3
    assert t.open_seats == 1
