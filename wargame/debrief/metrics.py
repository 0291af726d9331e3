"""Crisis metrics in the terms analysts use, counted from the moves' tags.

- diplomatic engagements: hotline messages sent, plus moves tagged
  ``engagement`` (talks, dialogue) and ``summit``;
- military escalation incidents: moves tagged ``strike`` or ``buildup``;
- agreements and ceasefires signed: accepted proposals (two or more
  parties) and calls for a ceasefire;
- confidence-building measures: moves tagged ``cbm`` or ``transparency``;
- military spending: economy paid for military moves;
- sanctions imposed: moves tagged ``sanction``;
- mediation efforts: moves tagged ``mediation``, and the engagement and
  summit moves of an actor whose role is mediator (its talks are mediation);
- calming moves, at face value and as the ladder counted them (a gesture
  repeated, made to a friend or through a go-between counts for less).
"""

from __future__ import annotations

from dataclasses import fields

from wargame.debrief.model import Metrics
from wargame.engine import Game

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

    def tagged(*tags: str) -> int:
        return sum(1 for move in moves if set(tags) & set(move.tags))

    return Metrics(
        actor=actor,
        messages=sum(1 for e in game.envelopes if e.message.sender == actor),
        meetings=sum(1 for m in moves if "engagement" in m.tags and "summit" not in m.tags),
        summits=tagged("summit"),
        escalation_incidents=tagged("strike", "buildup"),
        agreements=sum(1 for a in game.agreements if actor in a.parties and len(set(a.parties)) >= 2),
        ceasefires=sum(1 for m in moves if m.id in CEASEFIRE_MOVES),
        confidence_measures=tagged("cbm", "transparency"),
        military_spending=sum(max(0, m.cost.economy) for m in moves if m.category == "military"),
        sanctions=tagged("sanction"),
        mediation=tagged("mediation", *(("engagement", "summit") if mediator else ())),
        calming_weight=float(sum(weight for weight, _ in calming)),
        calming_counted=round(sum(counted for _, counted in calming), 2),
    )
