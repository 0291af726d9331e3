"""Crisis metrics in the terms analysts use, counted from the moves' tags.

Which tags count toward which metric is part of each tag's meaning
(``Meaning.metric`` in ``scenario/tags.py``); the rules here are:

- diplomatic engagements: hotline messages sent, plus talks (moves
  counted as meetings, a summit not counted twice) and summits;
- military escalation incidents, confidence-building measures, sanctions:
  the moves whose tags count toward each;
- agreements and ceasefires signed: accepted proposals (two or more
  parties) and calls for a ceasefire;
- military spending: economy paid for military moves;
- mediation efforts: mediation moves, and the talks of an actor whose role
  is mediator (``Meaning.talks``: its talks are mediation);
- the escalation score of Rivera et al. 2024 (``study.escalation``);
- calming moves, at face value and as the ladder counted them (a gesture
  repeated, made to a friend or through a go-between counts for less).
"""

from __future__ import annotations

from dataclasses import fields

from wargame.debrief.model import Metrics
from wargame.engine import Game
from wargame.scenario.model import Category
from wargame.scenario.tags import TALKS, counted_as
from wargame.study.escalation import escalation_class

CEASEFIRE_MOVES = frozenset({"ceasefire_call"})


def crisis_metrics(game: Game) -> tuple[Metrics, ...]:
    """One row per actor, then the total (an agreement counts once, not once per party)."""
    rows = [_for_actor(game, actor) for actor in game.actor_ids]
    sums = {f.name: sum(getattr(row, f.name) for row in rows) for f in fields(Metrics) if f.name != "actor"}
    sums["agreements"] = sum(1 for a in game.agreements if len(set(a.parties)) >= 2)
    return (*rows, Metrics(actor=None, **sums))


def _for_actor(game: Game, actor: str) -> Metrics:
    records = [r for r in game.history if actor in r.orders]
    moves = [game.scenario.moves[r.orders[actor].move] for r in records]
    calming = [(-m.escalation, max(0.0, -r.escalation.get(actor, 0.0))) for r, m in zip(records, moves) if m.escalation < 0]
    mediator = game.scenario.actor(actor).role == "mediator"

    def tagged(metric: str, also: frozenset[str] = frozenset()) -> int:
        tags = counted_as(metric) | also
        return sum(1 for move in moves if not tags.isdisjoint(move.tags))

    summit = counted_as("summits")

    return Metrics(
        actor=actor,
        messages=sum(1 for e in game.envelopes if e.message.sender == actor),
        meetings=sum(1 for m in moves if not counted_as("meetings").isdisjoint(m.tags) and summit.isdisjoint(m.tags)),
        summits=tagged("summits"),
        escalation_incidents=tagged("escalation_incidents"),
        agreements=sum(1 for a in game.agreements if actor in a.parties and len(set(a.parties)) >= 2),
        ceasefires=sum(1 for m in moves if m.id in CEASEFIRE_MOVES),
        confidence_measures=tagged("confidence_measures"),
        military_spending=sum(max(0, m.cost.economy) for m in moves if m.category == Category.MILITARY),
        sanctions=tagged("sanctions"),
        mediation=tagged("mediation", TALKS if mediator else frozenset()),
        escalation_score=sum(escalation_class(move).weight for move in moves),
        calming_weight=float(sum(weight for weight, _ in calming)),
        calming_counted=round(sum(counted for _, counted in calming), 2),
    )
