"""Many headless games of one scenario, summarised: what ``wargame simulate`` and a balance report need.

Game ``i`` of a batch is played with a seed derived from the batch seed and
``i`` alone, and results are gathered in index order, so the report is the
same whether one process plays every game or ``K`` share them
(``wargame.pool``, which ``balance`` uses too).
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from wargame import pool
from wargame.engine.phases import OUTCOMES
from wargame.scenario.loader import LoadedScenario

FORMAT = 1  # of ``Report.to_dict``; documented in docs/cli.md


@dataclass(frozen=True)
class GameSummary:
    """What one finished game contributes to a report: small, plain and picklable."""

    index: int
    seed: int
    outcome: str
    turns: int
    peak: int
    final_rung: int
    capitulated: str | None
    red_lines: tuple[tuple[str, str], ...]  # (scenario red line id, final status)
    hotline_lines: tuple[tuple[str, str], ...]  # (source: threat | ultimatum, final status)
    triggers: tuple[str, ...]  # triggers that fired at least once
    agreements: int
    broken: int
    scores: tuple[tuple[str, int], ...]
    moves: tuple[tuple[str, str], ...]  # (actor, move) of every order, turn by turn; kept out of ``--json``


def game_seed(batch_seed: int, index: int) -> int:
    """The seed of game ``index``: well spread, and independent of how games are shared out."""
    digest = hashlib.sha256(f"wargame/{batch_seed}/{index}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def play_one(scenario: LoadedScenario, index: int, seed: int, doctrines: Mapping[str, str] | None = None) -> GameSummary:
    """Play one game to its end with the computer on every side and summarise it."""
    from wargame.ai.autoplay import play_to_end
    from wargame.engine import Game

    return summarise(play_to_end(Game(scenario, seed), dict(doctrines) if doctrines else None), index, seed)


def summarise(game, index: int, seed: int) -> GameSummary:
    """A finished game as a report counts it; the one place that says how (balance reports reuse it)."""
    outcome = game.outcome
    return GameSummary(
        index=index,
        seed=seed,
        outcome=outcome.kind,
        turns=outcome.turn,
        peak=game.peak,
        final_rung=game.rung,
        capitulated=outcome.actor if outcome.kind == "capitulation" else None,
        red_lines=tuple((line.id, line.status) for line in game.red_lines if line.source == "scenario"),
        hotline_lines=tuple((line.source, line.status) for line in game.red_lines if line.source != "scenario"),
        triggers=tuple(t.id for t in game.scenario.spec.triggers if t.id in game.fired),
        agreements=len(game.agreements),
        broken=sum(1 for a in game.agreements if not a.in_force),
        scores=tuple(outcome.scores),
        moves=tuple((order.actor, order.move) for record in game.history for order in record.orders.values()),
    )


# ------------------------------------------------------------------ running


def play_job(scenario: LoadedScenario, doctrines: Mapping[str, str] | None, job: tuple[int, int]) -> GameSummary:
    """Game ``index`` of a batch, played with ``seed``: what one job of the pool does."""
    index, seed = job
    return play_one(scenario, index, seed, doctrines)


# ------------------------------------------------------------------ the report


@dataclass(frozen=True)
class Spread:
    mean: float
    stdev: float
    min: float
    max: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        values = list(values)
        if not values:
            return cls(0.0, 0.0, 0, 0)
        return cls(statistics.fmean(values), statistics.pstdev(values), min(values), max(values))

    def to_dict(self) -> dict:
        return {"mean": round(self.mean, 4), "stdev": round(self.stdev, 4), "min": self.min, "max": self.max}


@dataclass(frozen=True)
class Report:
    """The aggregate of a batch of games; ``to_dict`` is the stable ``--json`` structure."""

    scenario: LoadedScenario = field(repr=False)
    seed: int
    games: tuple[GameSummary, ...]

    @property
    def runs(self) -> int:
        return len(self.games)

    def outcomes(self) -> dict[str, int]:
        counts = Counter(g.outcome for g in self.games)
        return {kind: counts.get(kind, 0) for kind in OUTCOMES}

    def capitulations(self) -> dict[str, int]:
        counts = Counter(g.capitulated for g in self.games if g.capitulated)
        return {actor: counts.get(actor, 0) for actor in self.scenario.actor_ids}

    def turns(self) -> Spread:
        return Spread.of(g.turns for g in self.games)

    def peak(self) -> Spread:
        return Spread.of(g.peak for g in self.games)

    def final_rung(self) -> Spread:
        return Spread.of(g.final_rung for g in self.games)

    def red_lines(self) -> dict[str, dict]:
        """Per scenario red line: in how many games it was crossed, and then honoured or ignored."""
        rows = {}
        for actor in self.scenario.spec.actors:
            for line in actor.red_lines:
                statuses = Counter(dict(g.red_lines).get(line.id, "standing") for g in self.games)
                rows[line.id] = {
                    "owner": actor.id,
                    "against": line.against,
                    "declared": line.declared,
                    "crossed": self.runs - statuses["standing"],
                    "honoured": statuses["honoured"],
                    "ignored": statuses["ignored"],
                }
        return rows

    def hotline_red_lines(self) -> dict[str, dict]:
        """Red lines drawn during play (threats, expired ultimatums), totalled over all games."""
        rows = {}
        for source in ("threat", "ultimatum"):
            statuses = Counter(status for g in self.games for s, status in g.hotline_lines if s == source)
            total = sum(statuses.values())
            rows[source] = {
                "drawn": total,
                "crossed": total - statuses["standing"],
                "honoured": statuses["honoured"],
                "ignored": statuses["ignored"],
            }
        return rows

    def triggers(self) -> dict[str, int]:
        """Per scenario trigger, in how many games it fired (never-fired ones included, as 0)."""
        counts = Counter(t for g in self.games for t in g.triggers)
        return {t.id: counts.get(t.id, 0) for t in self.scenario.spec.triggers}

    def scores(self) -> dict[str, Spread]:
        return {actor: Spread.of(dict(g.scores)[actor] for g in self.games) for actor in self.scenario.actor_ids}

    def escalation_scores(self) -> dict[str, Spread]:
        """The escalation score of Rivera et al. 2024 per game (``study.escalation``): all sides, then each."""
        from wargame.study.escalation import score

        per_game = [score(g.moves, self.scenario.moves) for g in self.games]
        rows = {"all": Spread.of(sum(game.values()) for game in per_game)}
        rows.update({actor: Spread.of(game.get(actor, 0) for game in per_game) for actor in self.scenario.actor_ids})
        return rows

    def agreements(self) -> dict[str, float]:
        return {
            "made": round(statistics.fmean(g.agreements for g in self.games), 4) if self.games else 0.0,
            "broken": round(statistics.fmean(g.broken for g in self.games), 4) if self.games else 0.0,
        }

    def to_dict(self) -> dict:
        spec = self.scenario.spec
        runs = self.runs
        return {
            "format": FORMAT,
            "scenario": {"id": spec.id, "title": spec.title, "turns": spec.turns, "sha256": self.scenario.digest},
            "runs": runs,
            "seed": self.seed,
            "outcomes": {
                kind: {"count": count, "share": round(count / runs, 4) if runs else 0.0}
                for kind, count in self.outcomes().items()
            },
            "capitulations": self.capitulations(),
            "turns": self.turns().to_dict(),
            "peak_rung": self.peak().to_dict(),
            "final_rung": self.final_rung().to_dict(),
            "red_lines": self.red_lines(),
            "hotline_red_lines": self.hotline_red_lines(),
            "triggers": self.triggers(),
            "agreements": self.agreements(),
            "scores": {actor: spread.to_dict() for actor, spread in self.scores().items()},
            "escalation_score": {who: spread.to_dict() for who, spread in self.escalation_scores().items()},
        }


def simulate(
    scenario: LoadedScenario,
    runs: int,
    seed: int = 0,
    workers: int = 1,
    doctrines: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Play ``runs`` games over ``workers`` processes (``pool``) and aggregate them, in game order.

    ``progress`` is called in this process with the number of games
    finished so far.
    """
    jobs = [(i, game_seed(seed, i)) for i in range(runs)]
    games = pool.play_all(scenario, play_job, dict(doctrines) if doctrines else None, jobs, workers, progress)
    return Report(scenario, seed, tuple(games))
