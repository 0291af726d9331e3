"""What a computer player reads of its scenario: facts that hold all game long.

A move's numbers (``Facts``), where the ladder's dangers lie
(``Landmarks``) and who an actor's quarrel is with and which of its
objectives point at what (``Stakes``) follow from the scenario alone; a
decision reads them from its view's scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from wargame.engine.outcomes import OUTCOME_POINTS
from wargame.engine.phases import OutcomeKind
from wargame.scenario.conditions import Condition
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import STATS, Move, Objective
from wargame.scenario.tags import FIRST_BLOW, PREEMPTIVE

MEDIATOR_GOODWILL = 1.0  # how far a mediator's role keeps it off the list of adversaries

Linked = tuple[tuple[Objective, Condition], ...]  # objectives of mine with their compiled conditions


@dataclass(frozen=True, slots=True)
class Facts:
    """A move's numbers, read once from its pydantic model (reading those in a hot loop is slow)."""

    id: str
    escalation: float
    targeted: bool
    tags: frozenset[str]
    net: tuple[tuple[str, int], ...]  # change to my own stats, costs included
    harm: float  # how much it lowers the target's stats in all
    trust: int  # change of the target's trust in me
    strike: bool  # a first blow (tags.FIRST_BLOW)
    adjusted: bool  # calming or preemptive: the ladder may count another escalation than its weight


@lru_cache(maxsize=16)
def facts(scenario: LoadedScenario) -> MappingProxyType[str, Facts]:
    """Facts of every move of the scenario, by move id.

    Kept per scenario: reading forty pydantic moves at each of a game's
    seventy decisions costs more than the rest of the decision (removing
    the cache: 19.6 -> 9.9 Cuban games/s, one process, median of 5).
    """
    return MappingProxyType({move.id: _facts(move) for move in scenario.moves.values()})


def _facts(move: Move) -> Facts:
    net: dict[str, int] = {}
    for stat, amount in move.effects.self_.items():
        net[stat] = net.get(stat, 0) + amount
    for stat, amount in move.cost.items():
        net[stat] = net.get(stat, 0) - amount
    tags = frozenset(move.tags)
    return Facts(
        id=move.id,
        escalation=float(move.escalation),
        targeted=move.targeted,
        tags=tags,
        net=tuple((stat, amount) for stat, amount in net.items() if amount),
        harm=-float(sum(amount for _, amount in move.effects.target.items())),
        trust=move.effects.trust,
        strike=not FIRST_BLOW.isdisjoint(tags),
        adjusted=move.escalation < 0 or not PREEMPTIVE.isdisjoint(tags),
    )


@dataclass(frozen=True)
class Landmarks:
    """Where the ladder's dangers lie, from the scenario's bands."""

    war_rung: int
    brink: int  # first rung of the last band before war
    top_rung: int
    defused_at: int
    capitulation_below: int | None  # None: the scenario has no capitulation


def landmarks(scenario: LoadedScenario) -> Landmarks:
    bands = scenario.ladder.bands
    top = sum(len(b.rungs) for b in bands) - 1
    war = top + 1 - len(bands[-1].rungs)
    brink = war - len(bands[-2].rungs)
    return Landmarks(war, brink, top, scenario.ladder.defused_at, scenario.spec.outcomes.capitulation_below)


@dataclass(frozen=True)
class Stakes:
    """Who an actor's quarrel is with, and which of its objectives point at what."""

    quarrel: dict[str, float]  # prior threat per other actor, from red lines drawn between them
    objectives: Linked
    objective_stats: dict[str, Linked]  # my stat -> objectives that compare it
    objective_terms: dict[str, Linked]  # term id -> objectives that ask whether it is agreed
    objective_moves: dict[str, Linked]  # my move id -> objectives that mention it
    war_loss: float  # what a war would cost me: outcome points and my "keep the peace" objectives


@lru_cache(maxsize=64)
def stakes(scenario: LoadedScenario, actor: str) -> Stakes:
    """``actor``'s stakes in the scenario.

    Kept per scenario and actor: it reads every objective's condition
    (removing the cache: 19.6 -> 16.9 Cuban games/s, one process, median of 5).
    """
    spec = scenario.actor(actor)
    quarrel = dict.fromkeys((a for a in scenario.actor_ids if a != actor), 0.0)
    for line in spec.red_lines:
        quarrel[line.against] += 0.3
    for other_spec in scenario.spec.actors:
        for line in other_spec.red_lines:
            if line.against == actor and line.declared and other_spec.id in quarrel:
                quarrel[other_spec.id] += 0.3
    for other in quarrel:
        quarrel[other] += (50 - spec.trust.get(other, 50)) / 100
        if scenario.actor(other).role == "mediator":
            quarrel[other] -= MEDIATOR_GOODWILL  # the go-between is nobody's enemy
    objectives = tuple((o, _condition(scenario, actor, o.id)) for o in spec.objectives)
    my_moves = {m.id for m in scenario.moves_for(actor)}
    by_stat: dict[str, list[tuple[Objective, Condition]]] = {}
    by_move: dict[str, list[tuple[Objective, Condition]]] = {}
    by_term: dict[str, list[tuple[Objective, Condition]]] = {}
    war_loss = float(-OUTCOME_POINTS[OutcomeKind.WAR])
    for objective, condition in objectives:
        refs = condition.references
        if actor in refs.actors or not refs.actors:
            for stat in refs.stats & set(STATS):
                by_stat.setdefault(stat, []).append((objective, condition))
        for move in refs.moves & my_moves:
            by_move.setdefault(move, []).append((objective, condition))
        for term in refs.terms:
            by_term.setdefault(term, []).append((objective, condition))
        if "peak <=" in condition.text or "peak <" in condition.text:
            war_loss += max(0, objective.weight)
    return Stakes(quarrel, objectives, _grouped(by_stat), _grouped(by_term), _grouped(by_move), war_loss)


def _condition(scenario: LoadedScenario, actor: str, objective: str) -> Condition:
    condition = scenario.condition("objective", actor, objective)
    if condition is None:
        raise KeyError(f"objective {objective!r} of {actor!r} has no compiled condition")
    return condition


def _grouped(groups: dict[str, list[tuple[Objective, Condition]]]) -> dict[str, Linked]:
    return {key: tuple(value) for key, value in groups.items()}
