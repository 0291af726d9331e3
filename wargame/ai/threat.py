"""Reading hostility: how threatening each other actor looks from one view.

The engine's ``intent`` counts every move alike; here a move aimed at a
third party counts for less, so an ally's pressure on my adversary does not
make the ally my enemy. Threat adds the standing quarrel of the scenario
(red lines drawn between us, initial distrust) to the hostility perceived.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.ai.facts import Stakes
from wargame.engine.perception import FRESH_WEIGHT, INTENT_MEMORY
from wargame.engine.views import ActorView

MEMORY = 6  # turns of history read for hostility (older readings weigh under 5%)
ASIDE = 0.3  # weight of a move aimed at a third party when reading hostility toward me


@dataclass(frozen=True)
class Readings:
    """Per other actor: hostility toward me (remembered as the engine remembers intent) and last turn's reading."""

    hostility: dict[str, float]
    last_seen: dict[str, float]


def read_hostility(view: ActorView) -> Readings:
    """What the view's history says of each other actor's hostility toward me."""
    hostility = {o.id: 0.0 for o in view.others}
    last_seen = dict.fromkeys(hostility, 0.0)
    me, last_turn = view.actor, view.turn - 1
    for turn, readings in view.perceived_history[-MEMORY:]:
        latest = turn == last_turn
        for p in readings:
            seen = (p.perceived if p.target in (None, me) else ASIDE * p.perceived) if p.seen else 0.0
            hostility[p.actor] = INTENT_MEMORY * hostility[p.actor] + FRESH_WEIGHT * seen
            if latest:
                last_seen[p.actor] = seen
    return Readings(hostility, last_seen)


@dataclass(frozen=True)
class Threats:
    """Threat per other actor, the most threatening one, and the escalation I expect from the others."""

    threat: dict[str, float]
    adversary: str | None
    push: float


def read_threats(view: ActorView, stakes: Stakes, hostility: dict[str, float]) -> Threats:
    threat = {other: hostility[other] + stakes.quarrel.get(other, 0.0) for other in hostility}
    adversary = max(threat, key=threat.__getitem__) if threat else None
    push = sum(max(-1.0, min(3.0, o.intent)) for o in view.others)
    return Threats(threat, adversary, push)
