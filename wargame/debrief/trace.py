"""What the final state does not keep: a replay that watches the game as it went.

The history records what was played; an after-action report also needs
what *could* have been played (for off-ramps) and the stats at the end of
each turn (for the credibility ledger). Replaying the decision log on a
fresh game gives both without the engine having to store them.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.engine import Game, Order, Proceed, actor_view


@dataclass(frozen=True)
class Trace:
    calm_options: dict[tuple[int, str], tuple[str, ...]]  # (turn, actor) -> de-escalatory moves open when it ordered
    stats_after: dict[int, dict[str, dict[str, int]]]  # turn -> actor -> stats at the end of its resolution


def trace(game: Game) -> Trace:
    replayed = Game(game.scenario, game.seed)
    calm: dict[tuple[int, str], tuple[str, ...]] = {}
    stats: dict[int, dict[str, dict[str, int]]] = {}
    for decision in game.decisions:
        if isinstance(decision, Order):
            options = actor_view(replayed, decision.actor).options
            calm[(replayed.turn, decision.actor)] = tuple(
                o.move.id for o in options if o.available and o.move.escalation < 0
            )
        replayed.apply(decision)
        if isinstance(decision, Proceed) and decision.phase == "orders":
            stats[replayed.history[-1].turn] = {a: dict(s.stats) for a, s in replayed.actors.items()}
    return Trace(calm, stats)
