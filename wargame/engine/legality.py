"""Which moves an actor may order now, and why not the others.

The UI greys out unavailable moves with the reason given here, and the
engine refuses an order for the same reason: one rule, one place.

A move is available when, asked in this order:

1. the scenario has unlocked it (some moves wait for a trigger or inject);
2. the rung is within its range;
3. the actor can pay its costs;
4. an untargeted move's prerequisite holds (``target`` names the actor
   itself); a targeted move has at least one other actor it may aim at:
   a mediator can talk to both sides (mediation moves), the channel to it
   is not severed (moves that need a channel), the channel is not already
   what the move would make it, and the prerequisite holds with ``target``
   naming it.

An available move may still break an agreement in force or cross a red line
declared against the actor: the listing says which, and the order stays legal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from wargame.engine.decisions import Order
from wargame.engine.env import GameEnv
from wargame.engine.phases import TurnPhase
from wargame.errors import IllegalDecision
from wargame.scenario.model import ChannelState, Move
from wargame.scenario.tags import NEEDS_CHANNEL, NEEDS_MEDIATOR

if TYPE_CHECKING:
    from wargame.engine.game import Game
    from wargame.scenario.conditions import Condition

RUNG = frozenset({"rung", "peak"})  # the variables of a condition that a move's rung shift changes


class MoveOption(NamedTuple):
    """A move as offered to one actor this turn (a named tuple: a listing builds some thirty per actor and turn)."""

    move: Move
    targets: tuple[str, ...]
    reason: str = ""
    breaks: tuple[int, ...] = ()  # agreements this move would break
    crosses: tuple[str, ...] = ()  # declared red lines of others it would cross

    @property
    def available(self) -> bool:
        return not self.reason


def options(game: Game, actor: str) -> list[MoveOption]:
    """Every move the actor could ever play here, in library order, with its availability now."""
    moves = game.scenario.moves_for(actor)
    aims = _aims(game, actor)
    breaks = _agreements_broken_by(game, actor)
    crosses = _lines_crossed(game, actor, moves)
    listing = []
    for move in moves:
        reason, targets = _availability(game, actor, move, aims)
        listing.append(MoveOption(move, targets, reason, breaks.get(move.id, ()), crosses.get(move.id, ())))
    return listing


def check_order(game: Game, order: Order) -> None:
    """Refuse an order the rules do not allow, with the reason the orders panel shows."""
    if game.turn_phase != TurnPhase.ORDERS:
        raise IllegalDecision(f"orders are not open: the turn is in its {game.turn_phase} phase")
    if order.actor not in game.actors:
        raise IllegalDecision(f"unknown actor '{order.actor}'")
    move = game.scenario.moves.get(order.move)
    if move is None or move.id in game.scenario.actor(order.actor).withhold:
        raise IllegalDecision(f"{order.actor} has no move '{order.move}'")
    reason, targets = availability(game, order.actor, move)
    if reason:
        raise IllegalDecision(f"{move.name} is not available: {reason}")
    if move.targeted:
        if order.target not in targets:
            raise IllegalDecision(f"{move.name} cannot target {order.target or 'nobody'} now")
    elif order.target is not None:
        raise IllegalDecision(f"{move.name} takes no target")


def availability(game: Game, actor: str, move: Move) -> tuple[str, tuple[str, ...]]:
    """Why ``actor`` cannot play ``move`` now ("" if it can), and whom it may aim it at.

    A targeted move refused at every target gives the reason of the first one.
    """
    return _availability(game, actor, move, _aims(game, actor))


class _Aim(NamedTuple):
    """Another actor as a possible target of the actor's moves now, read once per listing rather than per move."""

    target: str
    channel: str  # the channel between the actor and the target
    env: GameEnv  # where prerequisites are evaluated: ``self`` the actor, ``target`` this target
    verdicts: dict[str, bool]  # prerequisite text -> whether it holds here, as asked in this listing

    def holds(self, condition: Condition) -> bool:
        """Whether ``condition`` holds against this target (once per listing: moves share prerequisites)."""
        verdict = self.verdicts.get(condition.text)
        if verdict is None:
            verdict = self.verdicts[condition.text] = bool(condition.evaluate(self.env))
        return verdict


def _aims(game: Game, actor: str) -> list[_Aim]:
    return [_Aim(other, game.channel(actor, other), GameEnv(game, {"self": actor, "target": other}), {})
            for other in game.others(actor)]


def _availability(game: Game, actor: str, move: Move, aims: list[_Aim]) -> tuple[str, tuple[str, ...]]:
    reason = static_reason(game, actor, move)
    if reason:
        return reason, ()
    condition = game.scenario.condition("move", move.id) if move.requires else None
    if not move.targeted:
        holds = condition is None or condition.evaluate(GameEnv(game, {"self": actor, "target": actor}))
        return ("" if holds else _unmet(move)), ()
    tags = game.scenario.move_tags[move.id]
    needs_mediator, needs_channel = not NEEDS_MEDIATOR.isdisjoint(tags), not NEEDS_CHANNEL.isdisjoint(tags)
    makes = move.effects.channel  # the channel state the move brings about
    targets: tuple[str, ...] = ()
    first_refusal = ""
    for aim in aims:
        target, channel = aim.target, aim.channel
        if needs_mediator and not mediators(game, actor, target):
            why = "no mediator in this crisis can talk to both sides"
        elif needs_channel and channel == ChannelState.SEVERED:
            why = f"the channel to {target} is severed"
        elif makes and channel == makes:
            why = f"the channel to {target} is already {makes}"
        elif condition is not None and not aim.holds(condition):
            why = _unmet(move)
        else:
            targets += (target,)
            continue
        first_refusal = first_refusal or why
    return ("" if targets else first_refusal or "no possible target"), targets


def static_reason(game: Game, actor: str, move: Move) -> str:
    """Why the move cannot be played now whatever its target: still locked, the rung, its costs ("" if none)."""
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


def mediators(game: Game, actor: str, target: str) -> list[str]:
    """Third parties with the mediator role and working channels to both sides (a mediator may mediate itself)."""
    if actor in game.mediator_ids:
        return [actor] if target not in game.mediator_ids and game.channel(actor, target) != ChannelState.SEVERED else []
    return [
        other
        for other in game.mediator_ids
        if other not in (actor, target)
        and game.channel(other, actor) != ChannelState.SEVERED
        and game.channel(other, target) != ChannelState.SEVERED
    ]


def _unmet(move: Move) -> str:
    return f"its prerequisite does not hold: {move.requires}"


def _agreements_broken_by(game: Game, actor: str) -> dict[str, tuple[int, ...]]:
    """Move id -> the agreements in force that the actor would break by playing it."""
    broken: dict[str, tuple[int, ...]] = {}
    for agreement in game.agreements_in_force():
        for commitment in agreement.commitments:
            if commitment.party == actor:
                for move_id in commitment.forbids:
                    broken[move_id] = broken.get(move_id, ()) + (agreement.id,)
    return broken


def _lines_crossed(game: Game, actor: str, moves: list[Move]) -> dict[str, tuple[str, ...]]:
    """Move id -> the standing red lines declared against the actor that playing it would cross.

    A line drawn against one move (a threat) is crossed by that move. A line
    with a condition is crossed when the condition, false now, would hold
    were the move played and the rung raised by the move's ``_rung_shift``:
    so only a move the condition names, or an escalating one when the
    condition reads the rung, can cross it.
    """
    crossed: dict[str, tuple[str, ...]] = {}
    for line in game.red_lines:
        if line.against != actor or not line.declared or line.status != "standing":
            continue
        if line.trigger_move is not None:
            crossing = [line.trigger_move]
        else:
            condition = game.scenario.condition("red_line", line.id)
            if condition is None or condition.evaluate(GameEnv(game)):
                continue
            named, reads_rung = condition.references.moves, not condition.references.variables.isdisjoint(RUNG)
            crossing = [move.id for move in moves
                        if (move.id in named or (reads_rung and move.escalation > 0))
                        and condition.evaluate(GameEnv(game, hypothetical=(actor, move.id), rung_shift=_rung_shift(move)))]
        for move_id in crossing:
            crossed[move_id] = crossed.get(move_id, ()) + (line.id,)
    return crossed


def _rung_shift(move: Move) -> int:
    """How far playing ``move`` is taken to raise the rung when red lines are weighed."""
    return max(0, (move.escalation + 1) // 2)
