"""Small, deterministic statistics for the balance report: five-number spreads and lift."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FiveNumbers:
    """Mean plus minimum, quartiles and maximum (quartiles interpolated, as in a box plot)."""

    mean: float
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float

    @classmethod
    def of(cls, values: Sequence[float]) -> FiveNumbers:
        if not values:
            return cls(0.0, 0, 0, 0, 0, 0)
        if len(values) == 1:
            v = values[0]
            return cls(float(v), v, v, v, v, v)
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        return cls(statistics.fmean(values), min(values), q1, median, q3, max(values))


@dataclass(frozen=True)
class Lift:
    """How much more often a move was played in games with one outcome than in all games."""

    actor: str
    move: str
    outcome: str
    in_outcome: float  # share of that outcome's games in which the move was played
    overall: float  # share of all games in which it was played

    @property
    def lift(self) -> float:
        return self.in_outcome / self.overall if self.overall else 0.0


MIN_OUTCOME_GAMES = 5  # fewer games than this with an outcome say nothing about it
MIN_MOVE_GAMES = 3  # a move must appear in at least this many of the outcome's games
MIN_SHARE = 0.10  # ... and in at least this share of them: a rare move explains little
MIN_LIFT = 1.2
TOP = 3


def lifts(games: Sequence[tuple[str, frozenset]], outcomes: Sequence[str]) -> dict[str, list[Lift]]:
    """The moves most associated with each outcome: ``games`` are (outcome, moves played) pairs.

    Only outcomes with at least ``MIN_OUTCOME_GAMES`` games get a list; a move
    qualifies when played in at least ``MIN_SHARE`` of the outcome's games
    with a lift of at least ``MIN_LIFT``. Ties are broken by name,
    so the result is the same for the same games.
    """
    total = len(games)
    overall = Counter(move for _, moves in games for move in moves)
    found: dict[str, list[Lift]] = {}
    for outcome in outcomes:
        subset = [moves for kind, moves in games if kind == outcome]
        if len(subset) < MIN_OUTCOME_GAMES:
            continue
        here = Counter(move for moves in subset for move in moves)
        rows = [
            Lift(actor, move, outcome, count / len(subset), overall[(actor, move)] / total)
            for (actor, move), count in here.items()
            if count >= MIN_MOVE_GAMES
        ]
        rows = [row for row in rows if row.lift >= MIN_LIFT and row.in_outcome >= MIN_SHARE]
        rows.sort(key=lambda row: (-round(row.lift, 6), -row.in_outcome, row.actor, row.move))
        found[outcome] = rows[:TOP]
    return found
