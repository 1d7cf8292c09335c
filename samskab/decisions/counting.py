"""Counting, in plain Python, apart from the database so it can be tested by hand.

Approval voting and single choice are counted here; ranked choice in ``runoff.py``.

These methods count one mark per chosen option on each ballot (approval voting and
single choice alike); an abstaining ballot counts towards turnout and marks nothing.

The tie rule (stated on the consultation's page before voting starts): the options with
the most marks are chosen, as many as the consultation chooses (``seats``). When options
with the same number of marks compete for the last places, none of them is chosen
automatically: they are shown as tied and the network decides between them (its board
or a new round). An option with no marks is never chosen.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    option_id: int
    count: int
    rank: int  # 1 for the most marks; equal counts share a rank
    outcome: str  # "chosen", "tied" or ""


@dataclass
class Tally:
    rows: list[Row] = field(default_factory=list)
    ballots: int = 0
    abstentions: int = 0
    rounds: list = field(default_factory=list)  # ranked choice: the runoff's rounds

    @property
    def chosen(self) -> list[int]:
        return [r.option_id for r in self.rows if r.outcome == "chosen"]

    @property
    def tied(self) -> list[int]:
        return [r.option_id for r in self.rows if r.outcome == "tied"]

    @property
    def open_seats(self) -> int:
        """Places left for the network to fill between the tied options."""
        return self._seats - len(self.chosen) if self.tied else 0

    _seats: int = 0


def tally(option_ids: list[int], ballots: list[tuple[bool, list[int]]], seats: int) -> Tally:
    """Count ``ballots`` (each ``(abstain, chosen option ids)``) over ``option_ids`` (in the
    order shown) and choose ``seats`` options by the tie rule above."""
    counts = dict.fromkeys(option_ids, 0)
    abstentions = 0
    for abstain, chosen in ballots:
        if abstain:
            abstentions += 1
            continue
        for option_id in set(chosen):
            if option_id in counts:
                counts[option_id] += 1
    order = sorted(option_ids, key=lambda o: (-counts[o], option_ids.index(o)))
    distinct = sorted(set(counts.values()), reverse=True)
    rank_of = {}
    place = 1
    for value in distinct:
        rank_of[value] = place
        place += sum(1 for c in counts.values() if c == value)
    outcome = dict.fromkeys(option_ids, "")
    remaining = seats
    for value in distinct:
        if remaining <= 0 or value == 0:
            break
        group = [o for o in order if counts[o] == value]
        if len(group) <= remaining:
            for o in group:
                outcome[o] = "chosen"
            remaining -= len(group)
        else:
            for o in group:
                outcome[o] = "tied"
            break
    result = Tally(
        rows=[Row(o, counts[o], rank_of[counts[o]], outcome[o]) for o in order],
        ballots=len(ballots),
        abstentions=abstentions,
    )
    result._seats = seats
    return result
