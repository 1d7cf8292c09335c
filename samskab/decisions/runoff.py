"""Ranked choice, counted by instant-runoff (the alternative vote; one option is chosen).

Plain Python, apart from the database, so it can be tested on examples counted by hand.
The rule (stated on the consultation's page before voting starts):

1. Each ballot ranks some or all options. In every round it counts for its highest-ranked
   option still in the count; a ballot with no ranked option left is *exhausted* and
   counts no more. Abstentions count towards turnout only.
2. An option with more than half of the round's votes (exhausted ballots left out) is
   chosen.
3. Otherwise the option with the fewest votes is eliminated, and the next round begins.
4. Ties for the fewest votes:
   a. *backwards*: the tied option that had fewer votes in the latest earlier round in
      which they differ is eliminated;
   b. tied options that together have fewer votes than any other option are eliminated
      together (the order among them cannot change the outcome);
   c. otherwise the count is made once with each of them eliminated first: when every
      order gives the same outcome, the first order is shown; when the order decides,
      the count ends in a tie between the options that could be chosen, and the network
      decides (as it does for tied approval votes).
5. When all the options left have the same number of votes, the count ends in a tie
   between them. When no ballot ranks any option, nothing is chosen.
"""

from dataclasses import dataclass, field

from .counting import Row, Tally

BRANCH_BUDGET = 500  # counts tried for rule 4c before the tie is declared undecidable


@dataclass
class Round:
    number: int
    counts: dict[int, int]  # option id -> votes, for the options still in the count
    exhausted: int
    # what ended the round: "majority", "eliminated", "tie" (the count ends tied) or "empty"
    event: str = ""
    eliminated: list[int] = field(default_factory=list)
    chosen: int | None = None
    tied_lowest: list[int] = field(default_factory=list)  # tied for the fewest votes
    # how a tie for the fewest votes was resolved: "backwards" (with ``back_round``),
    # "together", "same_outcome" or "" (no tie)
    tie_break: str = ""
    back_round: int | None = None
    could_win: list[int] = field(default_factory=list)  # rule 4c, when the order decides

    @property
    def active(self) -> int:
        return sum(self.counts.values())


@dataclass
class Runoff:
    rounds: list[Round]
    chosen: list[int]
    tied: list[int]


class _Budget:
    def __init__(self, n: int):
        self.left = n

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _clean(option_ids, ranking) -> list[int]:
    valid, seen, out = set(option_ids), set(), []
    for o in ranking:
        if o in valid and o not in seen:
            seen.add(o)
            out.append(o)
    return out


def instant_runoff(option_ids: list[int], rankings: list[list[int]]) -> Runoff:
    """Count ``rankings`` (each a list of option ids, the first preference first) over
    ``option_ids`` (in the order shown, which orders equal rows) by the rule above."""
    rankings = [_clean(option_ids, r) for r in rankings]
    return _count(option_ids, rankings, set(option_ids), [], _Budget(BRANCH_BUDGET))


def _count(option_ids, rankings, continuing, history, budget) -> Runoff:
    rounds = list(history)
    continuing = set(continuing)
    while True:
        counts = {o: 0 for o in option_ids if o in continuing}
        exhausted = 0
        for ranking in rankings:
            top = next((o for o in ranking if o in continuing), None)
            if top is None:
                exhausted += 1
            else:
                counts[top] += 1
        current = Round(number=len(rounds) + 1, counts=counts, exhausted=exhausted)
        rounds.append(current)
        active = current.active
        if active == 0:
            current.event = "empty"
            return Runoff(rounds, [], [])
        best = max(counts.values())
        if 2 * best > active:
            current.event = "majority"
            current.chosen = next(o for o in counts if counts[o] == best)
            return Runoff(rounds, [current.chosen], [])
        low = min(counts.values())
        lowest = [o for o in counts if counts[o] == low]
        if len(lowest) == len(counts):
            current.event = "tie"
            current.tied_lowest = lowest
            return Runoff(rounds, [], lowest)
        out = lowest
        if len(lowest) > 1:
            current.tied_lowest = lowest
            out = _backwards(lowest, rounds[:-1], current)
        if len(out) > 1:
            others = min(v for o, v in counts.items() if o not in out)
            if sum(counts[o] for o in out) < others:
                current.tie_break = "together"
            else:
                return _by_every_order(option_ids, rankings, continuing, rounds, out, budget)
        current.event = "eliminated"
        current.eliminated = out
        continuing -= set(out)


def _backwards(tied, earlier_rounds, current) -> list[int]:
    for earlier in reversed(earlier_rounds):
        votes = {o: earlier.counts[o] for o in tied}
        fewest = min(votes.values())
        fewer = [o for o in tied if votes[o] == fewest]
        if len(fewer) < len(tied):
            current.tie_break = "backwards"
            current.back_round = earlier.number
            tied = fewer
            if len(tied) == 1:
                break
    return tied


def _by_every_order(option_ids, rankings, continuing, rounds, tied, budget) -> Runoff:
    """Rule 4c: count once with each tied option eliminated first."""
    current = rounds[-1]
    results = []
    for o in tied:
        if not budget.spend():
            results = None
            break
        branch_round = Round(
            number=current.number,
            counts=current.counts,
            exhausted=current.exhausted,
            event="eliminated",
            eliminated=[o],
            tied_lowest=current.tied_lowest,
            tie_break="same_outcome",
            back_round=current.back_round,
        )
        results.append(
            _count(option_ids, rankings, continuing - {o}, rounds[:-1] + [branch_round], budget)
        )
    if results is not None:
        outcomes = {(tuple(r.chosen), tuple(sorted(r.tied))) for r in results}
        if len(outcomes) == 1:
            return results[0]
        could_win = sorted({o for r in results for o in r.chosen + r.tied}, key=option_ids.index)
    else:
        could_win = sorted(current.counts, key=option_ids.index)
    current.event = "tie"
    current.tie_break = ""
    current.could_win = could_win
    return Runoff(rounds, [], could_win)


def ranked_tally(option_ids: list[int], ballots: list[tuple[bool, list[int]]]) -> Tally:
    """A :class:`Tally` of ranked ballots (each ``(abstain, ranking)``): a row per option
    with its first preferences, ordered and ranked by how far it came in the count (the
    chosen or tied options first, then the last eliminated), and the rounds."""
    abstentions = sum(1 for abstain, _ in ballots if abstain)
    runoff = instant_runoff(option_ids, [r for abstain, r in ballots if not abstain])
    first = runoff.rounds[0].counts if runoff.rounds else dict.fromkeys(option_ids, 0)
    out_in = {}
    for rnd in runoff.rounds:
        for o in rnd.eliminated:
            out_in[o] = rnd.number
    last = runoff.rounds[-1] if runoff.rounds else None
    top = set(runoff.chosen) | set(runoff.tied)
    nobody = last is None or last.event == "empty"

    def reach(o):
        if o in top:
            return (0, 0)
        if o in out_in:
            # eliminated later ranks higher; within a round, more votes ranks higher
            rnd = runoff.rounds[out_in[o] - 1]
            return (1, -out_in[o], -rnd.counts.get(o, 0))
        return (1, -len(runoff.rounds) - 1, -(last.counts.get(o, 0) if last else 0))

    order = sorted(option_ids, key=lambda o: (reach(o), option_ids.index(o)))
    rows, place, previous = [], 0, None
    for i, o in enumerate(order):
        key = (0,) if nobody else reach(o)
        if key != previous:
            place, previous = i + 1, key
        outcome = "chosen" if o in runoff.chosen else "tied" if o in runoff.tied else ""
        rows.append(Row(o, first.get(o, 0), place, outcome))
    result = Tally(rows=rows, ballots=len(ballots), abstentions=abstentions)
    result._seats = 1
    result.rounds = runoff.rounds
    return result
