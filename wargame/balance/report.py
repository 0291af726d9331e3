"""The balance report as plain data: every table and chart series, worked out once.

The renderers (``markdown``, ``html``) only format what is here, so both
say the same thing. Aggregates that ``wargame simulate`` also shows
(red lines, triggers, hotline red lines, game length) come from
``simulation.Report``, so the two commands count alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from wargame.balance.pairings import Pairing
from wargame.balance.runner import PlayedGame
from wargame.balance.stats import FiveNumbers, Lift, lifts
from wargame.engine.outcomes import possible
from wargame.engine.phases import OUTCOMES
from wargame.scenario.loader import LoadedScenario
from wargame.simulation import Report, Spread


@dataclass(frozen=True)
class PairingRow:
    pairing: Pairing
    games: int
    outcomes: dict[str, int]
    mean_scores: dict[str, float]


@dataclass(frozen=True)
class ActorRow:
    actor: str
    name: str
    role: str  # party | ally | mediator
    scores: FiveNumbers
    wins: int  # games in which it had the strictly highest score
    wins_by_outcome: dict[str, tuple[int, int]]  # outcome -> (wins, games with that outcome)
    by_doctrine: dict[str, float]  # mean score when it played each doctrine


@dataclass(frozen=True)
class RedLineRow:
    id: str
    owner: str
    against: str
    declared: bool
    crossed: int
    honoured: int
    ignored: int


@dataclass(frozen=True)
class BalanceReport:
    scenario_id: str
    title: str
    seed: int
    runs: int  # games per pairing
    doctrines: tuple[str, ...]
    pairing_rule: str
    games: int
    pairings: list[PairingRow]
    outcomes: dict[str, int]
    endings: tuple[str, ...]  # the outcomes the scenario can end in (``outcomes.possible``)
    turns: Spread
    turn_limit: int
    peaks: dict[int, int]  # rung -> games that peaked there
    rungs: list[tuple[str, str]]  # (rung name, band colour) for every rung
    war_rung: int
    actors: list[ActorRow]
    triggers: dict[str, int]  # trigger -> games in which it fired
    red_lines: list[RedLineRow]
    hotline_red_lines: dict[str, dict]
    lifts: dict[str, list[Lift]]
    move_names: dict[str, str]
    verdicts: list[str]  # one per actor
    flags: list[str]  # scenario-wide concerns

    def share(self, count: int, total: int | None = None) -> float:
        total = self.games if total is None else total
        return count / total if total else 0.0


def build(
    scenario: LoadedScenario,
    pairings: list[Pairing],
    pairing_rule: str,
    played: list[PlayedGame],
    runs: int,
    seed: int,
    doctrines: tuple[str, ...],
) -> BalanceReport:
    """Aggregate the played games; verdicts and flags are added by ``verdicts.judge``."""
    from wargame.balance.verdicts import judge

    spec = scenario.spec
    summaries = [game.summary for game in played]
    overall = Report(scenario, seed, tuple(summaries))
    ladder = scenario.ladder
    rungs = [(name, band.color) for band in ladder.bands for name in band.rungs]
    report = BalanceReport(
        scenario_id=spec.id,
        title=spec.title,
        seed=seed,
        runs=runs,
        doctrines=doctrines,
        pairing_rule=pairing_rule,
        games=len(played),
        pairings=_pairing_rows(scenario, pairings, played),
        outcomes=overall.outcomes(),
        endings=possible(spec.outcomes),
        turns=overall.turns(),
        turn_limit=spec.turns,
        peaks=_peaks(played, len(rungs)),
        rungs=rungs,
        war_rung=len(rungs) - len(ladder.bands[-1].rungs),
        actors=_actor_rows(scenario, pairings, played),
        triggers=overall.triggers(),
        red_lines=[RedLineRow(line_id, **row) for line_id, row in overall.red_lines().items()],
        hotline_red_lines=overall.hotline_red_lines(),
        lifts=lifts([(g.summary.outcome, frozenset(g.moves)) for g in played], OUTCOMES),
        move_names={move_id: move.name for move_id, move in scenario.moves.items()},
        verdicts=[],
        flags=[],
    )
    verdicts, flags = judge(report)
    report.verdicts.extend(verdicts)
    report.flags.extend(flags)
    return report


def _pairing_rows(scenario: LoadedScenario, pairings: list[Pairing], played: list[PlayedGame]) -> list[PairingRow]:
    rows = []
    for index, pairing in enumerate(pairings):
        games = [g.summary for g in played if g.pairing == index]
        counts = Counter(g.outcome for g in games)
        means = {
            actor: sum(dict(g.scores)[actor] for g in games) / len(games) if games else 0.0
            for actor in scenario.actor_ids
        }
        rows.append(PairingRow(pairing, len(games), {kind: counts.get(kind, 0) for kind in OUTCOMES}, means))
    return rows


def _peaks(played: list[PlayedGame], rungs: int) -> dict[int, int]:
    counts = Counter(g.summary.peak for g in played)
    return {rung: counts.get(rung, 0) for rung in range(rungs)}


def _actor_rows(scenario: LoadedScenario, pairings: list[Pairing], played: list[PlayedGame]) -> list[ActorRow]:
    winners = [game.winner() for game in played]
    by_outcome = Counter(g.summary.outcome for g in played)
    rows = []
    for actor in scenario.spec.actors:
        scores = [dict(g.summary.scores)[actor.id] for g in played]
        wins_by_outcome = {}
        for kind in OUTCOMES:
            wins = sum(1 for g, w in zip(played, winners) if w == actor.id and g.summary.outcome == kind)
            wins_by_outcome[kind] = (wins, by_outcome.get(kind, 0))
        doctrine_scores: dict[str, list[int]] = {}
        for game, score in zip(played, scores):
            doctrine = pairings[game.pairing].as_dict()[actor.id]
            doctrine_scores.setdefault(doctrine, []).append(score)
        rows.append(ActorRow(
            actor=actor.id,
            name=actor.name,
            role=actor.role,
            scores=FiveNumbers.of(scores),
            wins=sum(1 for w in winners if w == actor.id),
            wins_by_outcome=wins_by_outcome,
            by_doctrine={d: sum(v) / len(v) for d, v in doctrine_scores.items()},
        ))
    return rows
