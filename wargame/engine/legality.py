"""Which moves an actor may order now, and why not the others.

The UI greys out unavailable moves with the reason given here, and the
engine refuses an order for the same reason: one rule, one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wargame.engine.decisions import Order
from wargame.engine.env import GameEnv
from wargame.errors import IllegalDecision
from wargame.scenario.model import Move

if TYPE_CHECKING:
    from wargame.engine.game import Game

NEEDS_CHANNEL = {"engagement", "summit", "cbm", "transparency", "hotline"}


@dataclass(frozen=True)
class MoveOption:
    """A move as offered to one actor this turn."""

    move: Move
    targets: tuple[str, ...]
    reason: str = ""
    breaks: tuple[int, ...] = ()  # agreements this move would break
    crosses: tuple[str, ...] = ()  # declared red lines of others it would cross

    @property
    def available(self) -> bool:
        return not self.reason


class _Context:
    """What every move of one actor shares while its options are listed: built once, not per move."""

    __slots__ = ("actor", "others", "envs", "self_env", "breaks", "lines")

    def __init__(self, game: "Game", actor: str):
        self.actor = actor
        self.others = game.others(actor)
        self.envs = {other: GameEnv(game, {"self": actor, "target": other}) for other in self.others}
        self.self_env = GameEnv(game, {"self": actor, "target": actor})
        self.breaks: dict[str, tuple[int, ...]] = {}
        for agreement in game.agreements_in_force():
            for c in agreement.commitments:
                if c.party == actor:
                    for move_id in c.forbids:
                        self.breaks[move_id] = self.breaks.get(move_id, ()) + (agreement.id,)
        self.lines = _lines_against(game, actor)


def options(game: "Game", actor: str) -> list[MoveOption]:
    """Every move the actor could ever play here, with availability now."""
    context = _Context(game, actor)
    return [option_for(game, actor, move, context) for move in game.scenario.moves_for(actor)]


def option_for(game: "Game", actor: str, move: Move, context: _Context | None = None) -> MoveOption:
    context = context or _Context(game, actor)
    reason = static_reason(game, actor, move)
    targets: tuple[str, ...] = ()
    if not reason and move.targeted:
        first_reason = ""
        for other in context.others:
            why = target_reason(game, actor, move, other, context.envs[other])
            if not why:
                targets += (other,)
            elif not first_reason:
                first_reason = why
        if not targets:
            reason = first_reason or "no possible target"
    if not reason and not move.targeted and move.requires:
        if not game.scenario.condition("move", move.id).evaluate(context.self_env):
            reason = "its prerequisite does not hold: " + move.requires
    crosses = tuple(_crossed_by(game, actor, move, context.lines)) if context.lines else ()
    return MoveOption(move, targets, reason, context.breaks.get(move.id, ()), crosses)


def static_reason(game: "Game", actor: str, move: Move) -> str:
    """Reasons that do not depend on the target."""
    if move.id in game.scenario.locked and move.id not in game.unlocked:
        return "not yet available in this crisis"
    if game.rung < move.min_rung:
        return f"only from rung {move.min_rung} ({game.rung_names[min(move.min_rung, game.top_rung)]})"
    if game.rung > move.max_rung:
        return f"only up to rung {move.max_rung}; the crisis is past it"
    stats = game.actors[actor].stats
    for stat, amount in game.scenario.move_costs[move.id]:
        if amount > 0 and stats[stat] < amount:
            return f"costs {amount} {stat}; you have {stats[stat]}"
    return ""


def target_reason(game: "Game", actor: str, move: Move, target: str, env: GameEnv | None = None) -> str:
    tags = game.scenario.move_tags[move.id]
    if "mediation" in tags and not mediators(game, actor, target):
        return "no mediator in this crisis can talk to both sides"
    if not NEEDS_CHANNEL.isdisjoint(tags) and game.channel(actor, target) == "severed":
        return f"the channel to {target} is severed"
    if move.effects.channel and game.channel(actor, target) == move.effects.channel:
        return f"the channel to {target} is already {move.effects.channel}"
    if move.requires:
        env = env or GameEnv(game, {"self": actor, "target": target})
        if not game.scenario.condition("move", move.id).evaluate(env):
            return "its prerequisite does not hold: " + move.requires
    return ""


def _lines_against(game: "Game", actor: str) -> list:
    """Standing declared red lines aimed at ``actor``, with their condition and whether it holds already."""
    lines = []
    for line in game.red_lines:
        if line.against != actor or not line.declared or line.status != "standing":
            continue
        condition = None if line.trigger_move else game.scenario.condition("red_line", line.id)
        holds = bool(condition and condition.evaluate(GameEnv(game)))
        lines.append((line, condition, holds))
    return lines


def _crossed_by(game: "Game", actor: str, move: Move, lines: list):
    """Which of ``lines`` playing ``move`` would cross (a move can only cross what it names or by escalating)."""
    for line, condition, holds in lines:
        if line.trigger_move is not None:
            if line.trigger_move == move.id:
                yield line.id
        elif condition is not None and not holds and (move.escalation > 0 or move.id in condition.references.moves):
            env = GameEnv(game, hypothetical=(actor, move.id), rung_shift=max(0, (move.escalation + 1) // 2))
            if condition.evaluate(env):
                yield line.id


def mediators(game: "Game", actor: str, target: str) -> list[str]:
    """Third parties with the mediator role and working channels to both sides (a mediator may mediate itself)."""
    if actor in game.mediator_ids:
        return [actor] if target not in game.mediator_ids and game.channel(actor, target) != "severed" else []
    return [
        other
        for other in game.mediator_ids
        if other not in (actor, target)
        and game.channel(other, actor) != "severed"
        and game.channel(other, target) != "severed"
    ]


def check_order(game: "Game", order: Order) -> None:
    if game.turn_phase != "orders":
        raise IllegalDecision(f"orders are not open: the turn is in its {game.turn_phase} phase")
    if order.actor not in game.actors:
        raise IllegalDecision(f"unknown actor '{order.actor}'")
    move = game.scenario.moves.get(order.move)
    if move is None or move.id in game.scenario.actor(order.actor).withhold:
        raise IllegalDecision(f"{order.actor} has no move '{order.move}'")
    option = option_for(game, order.actor, move)
    if not option.available:
        raise IllegalDecision(f"{move.name} is not available: {option.reason}")
    if move.targeted:
        if order.target not in option.targets:
            raise IllegalDecision(f"{move.name} cannot target {order.target or 'nobody'} now")
    elif order.target is not None:
        raise IllegalDecision(f"{move.name} takes no target")
