"""What one game of an experiment contributes: a handful of numbers, each defined here once.

``METRICS`` names them in report order, with their unit ("share": a 0/1
per game, reported as a percentage; "mean": a count or score per game).
``measure`` reads them off a finished game: the outcome, the ladder's peak,
the escalation score of Rivera et al. (``escalation``), the parties' mean
score, red lines crossed, later probes and concessions.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.ai.scripted import SCRIPTED
from wargame.study.escalation import score

TALKS = frozenset({"summit", "mediation", "cbm", "transparency", "hotline", "engagement"})
"""Tags of moves that talk rather than give ground: a de-escalating move with none of them is a concession."""


@dataclass(frozen=True)
class Metric:
    name: str
    label: str
    unit: str  # share | mean
    means: str  # the definition, for the report and docs


def metrics() -> tuple[Metric, ...]:
    """Every number an experiment reads off a game, in report order."""
    return (
        Metric("war", "war", "share", "the game ended in war"),
        Metric("peak", "peak rung", "mean", "the highest rung the ladder reached"),
        Metric("settled", "settlement", "share", "the game ended in a settlement"),
        Metric("escalation", "escalation score", "mean",
               "the escalation score of Rivera et al. 2024, summed over every order of every side"),
        Metric("score", "parties' score", "mean", "the mean final score of the parties (mediators and allies apart)"),
        Metric("side_score", "player's score", "mean",
               "the final score of the side a scripted careful or careless player holds (0 in a game without one)"),
        Metric("crossings", "red lines crossed", "mean", "scenario red lines crossed in the game"),
        Metric("probes", "later probes", "mean",
               "escalating moves (weight above 0) by a red line's challenger at its owner after the line was crossed, "
               "unprovoked: the owner had not pressed the challenger the turn before (an answer in kind is no probe)"),
        Metric("concessions", "concessions", "mean",
               "moves of weight -2 or below that give ground (not talks: no summit, mediation, cbm, transparency, "
               "hotline or engagement tag)"),
    )


@dataclass(frozen=True)
class GameRecord:
    """One game's numbers, in ``metrics()`` order: small, plain and picklable."""

    values: tuple[float, ...]

    def get(self, name: str) -> float:
        return self.values[[metric.name for metric in metrics()].index(name)]


def measure(game) -> GameRecord:
    """The numbers of a finished game."""
    moves = game.scenario.moves
    orders = [(record.turn, order) for record in game.history for order in record.orders.values()]
    parties = [a.id for a in game.scenario.spec.actors if a.role == "party"]
    scores = dict(game.outcome.scores)
    lines = [line for line in game.red_lines if line.source == "scenario"]
    pressed = {(turn, order.actor, order.target) for turn, order in orders if moves[order.move].escalation > 0}
    probes = sum(1 for line in lines if line.crossed_turn is not None for turn, order in orders
                 if turn > line.crossed_turn and order.actor == line.against and order.target == line.owner
                 and moves[order.move].escalation > 0 and (turn - 1, line.owner, line.against) not in pressed)
    concessions = sum(1 for _, order in orders if moves[order.move].escalation <= -2
                      and not set(moves[order.move].tags) & TALKS)
    found = {
        "war": float(game.outcome.kind == "war"),
        "peak": float(game.peak),
        "settled": float(game.outcome.kind == "settled"),
        "escalation": float(sum(score([(o.actor, o.move) for _, o in orders], moves).values())),
        "score": sum(scores[p] for p in parties) / len(parties) if parties else 0.0,
        "side_score": float(sum(scores[a.id] for a in game.scenario.spec.actors if a.doctrine in SCRIPTED)),
        "crossings": float(sum(1 for line in lines if line.crossed_turn is not None)),
        "probes": float(probes),
        "concessions": float(concessions),
    }
    return GameRecord(tuple(found[metric.name] for metric in metrics()))


def play_job(scenario, doctrines: list[dict[str, str]], job: tuple[int, int, int]) -> GameRecord:
    """Game ``index`` of pairing ``pairing``, played with ``seed``: one job of the pool."""
    from wargame.ai.autoplay import play_to_end
    from wargame.engine import Game

    pairing, _, seed = job
    return measure(play_to_end(Game(scenario, seed), doctrines[pairing]))
