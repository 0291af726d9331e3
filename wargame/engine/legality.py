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

Every view lists options (some ninety listings a Cuban game), so what never
changes during a game is read off the scenario once per actor (``_Rule``:
costs, flags, worded reasons, a prerequisite's value by channel state when
the channel alone decides it), and one listing (``_Listing``) answers each
prerequisite and each way of aiming once for all the moves that share it.
Nothing is kept from one listing to the next.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from wargame.engine.decisions import Order
from wargame.engine.env import GameEnv
from wargame.engine.phases import TurnPhase
from wargame.errors import IllegalDecision
from wargame.scenario.condition_words import Names, in_words
from wargame.scenario.model import ChannelState, Move
from wargame.scenario.tags import NEEDS_CHANNEL, NEEDS_MEDIATOR

if TYPE_CHECKING:
    from wargame.engine.game import Game
    from wargame.scenario.conditions import Condition
    from wargame.scenario.loader import LoadedScenario

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
    rules = _rules(game.scenario, actor)
    listing = _Listing(game, actor)
    breaks = _agreements_broken_by(game, actor)
    crosses = _lines_crossed(game, actor, rules)
    options = []
    for rule in rules:
        reason, targets = listing.availability(rule)
        if breaks or crosses:
            move_id = rule.move.id
            options.append(MoveOption(rule.move, targets, reason, breaks.get(move_id, ()), crosses.get(move_id, ())))
        else:  # most listings: nothing in force to break, no line to cross
            options.append(MoveOption(rule.move, targets, reason))
    return options


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
    rule = next((rule for rule in _rules(game.scenario, actor) if rule.move is move), None)
    return _Listing(game, actor).availability(rule or _rule(game.scenario, move, {}, Names.of(game.scenario)))


class _Rule(NamedTuple):
    """One move as legality reads it: what never changes during a game of its scenario, worked out once."""

    move: Move
    locked: bool  # waits for a trigger or inject to unlock it
    costs: tuple[tuple[str, int], ...]  # its positive costs
    condition: Condition | None  # its prerequisite, parsed
    per_target: bool  # the prerequisite names ``target``, so it is asked of each target
    needs_mediator: bool  # mediation moves: a mediator must talk to both sides
    needs_channel: bool  # refused over a severed channel
    makes: str | None  # the channel state the move brings about
    too_low: str  # the reasons the rung gives below and above the move's range
    too_high: str
    unmet: str  # the reason an unmet prerequisite gives, in words
    unmet_at: dict[str, str]  # the same against each possible target, naming it (read-only)
    rung_shift: int  # how far playing it is taken to raise the rung when red lines are weighed
    aim: int  # what decides whom it may aim at, numbered among the actor's moves: moves sharing it share targets


def _rule(scenario: LoadedScenario, move: Move, aims: dict[tuple[bool, bool, str | None, str | None], int],
          names: Names) -> _Rule:
    """The rule of ``move``; ``aims`` numbers the ways of aiming met so far among the moves of one actor; ``names``
    word its prerequisite."""
    rung_names = [name for band in scenario.ladder.bands for name in band.rungs]
    tags = scenario.move_tags[move.id]
    condition = scenario.condition("move", move.id) if move.requires else None
    needs_mediator, needs_channel = not NEEDS_MEDIATOR.isdisjoint(tags), not NEEDS_CHANNEL.isdisjoint(tags)
    return _Rule(
        move=move,
        locked=move.id in scenario.locked,
        costs=tuple((stat, amount) for stat, amount in scenario.move_costs[move.id] if amount > 0),
        condition=condition,
        per_target=condition is not None and "target" in condition.references.aliases,
        needs_mediator=needs_mediator,
        needs_channel=needs_channel,
        makes=move.effects.channel,
        too_low=f"only from rung {move.min_rung} ({rung_names[min(move.min_rung, len(rung_names) - 1)]})",
        too_high=f"only up to rung {move.max_rung}; the crisis is past it",
        unmet=f"needs {in_words(condition.tree, names)}" if condition and condition.tree else "",
        unmet_at={other: f"needs {in_words(condition.tree, names.aiming_at(other))}"
                  for other in scenario.actor_ids} if condition and condition.tree and move.targeted else {},
        rung_shift=max(0, (move.escalation + 1) // 2),
        aim=aims.setdefault((needs_mediator, needs_channel, move.effects.channel, move.requires), len(aims)),
    )


@lru_cache(maxsize=64)
def _rules(scenario: LoadedScenario, actor: str) -> tuple[_Rule, ...]:
    """The rules of every move ``actor`` may ever play, in library order: a pure function of the immutable
    scenario, read by every listing (about 90 a Cuban game).

    Removing it (building them in each listing): 15.4 -> 9.6 Cuban games/s (CPU time, one process
    alternating with and without it, 8 rounds of 12 seeded games each, medians).
    """
    aims: dict[tuple[bool, bool, str | None, str | None], int] = {}
    names = Names.of(scenario)
    return tuple(_rule(scenario, move, aims, names) for move in scenario.moves_for(actor))


class _Target(NamedTuple):
    """Another actor as a possible target of the actor's moves now, read once per listing rather than per move."""

    id: str
    channel: str  # the channel between the actor and the target
    env: GameEnv  # where prerequisites naming ``target`` are evaluated: ``self`` the actor, ``target`` this one
    verdicts: dict[str, bool]  # prerequisite text -> whether it holds against this target, as asked so far


class _Listing:
    """What the moves of one actor share while their availability is asked: built once per listing.

    ``verdicts`` and ``aims`` keep answers only while this listing lasts: moves share prerequisites and
    ways of aiming, and the game does not change while its options are listed.
    """

    __slots__ = ("actor", "aims", "env", "game", "mediated", "rung", "stats", "targets", "unlocked", "verdicts")

    def __init__(self, game: Game, actor: str):
        self.game, self.actor = game, actor
        self.rung, self.unlocked, self.stats = game.rung, game.unlocked, game.actors[actor].stats
        self.env = GameEnv(game, {"self": actor, "target": actor})  # for prerequisites that name no target
        self.targets = [_Target(other, game.channel(actor, other), GameEnv(game, {"self": actor, "target": other}), {})
                        for other in game.others(actor)]
        self.verdicts: dict[str, bool] = {}  # prerequisite text -> whether it holds, for those that name no target
        self.aims: dict[int, tuple[str, tuple[str, ...]]] = {}  # a rule's aim -> its reason and targets
        self.mediated: dict[str, bool] = {}  # target -> whether some mediator talks to both sides

    def holds(self, condition: Condition, target: _Target | None) -> bool:
        verdicts, text = (target.verdicts if target else self.verdicts), condition.text
        verdict = verdicts.get(text)
        if verdict is None:
            verdict = verdicts[text] = bool(condition.evaluate(target.env if target else self.env))
        return verdict

    def availability(self, rule: _Rule) -> tuple[str, tuple[str, ...]]:
        reason = self.static_reason(rule)
        if reason:
            return reason, ()
        if not rule.move.targeted:
            holds = rule.condition is None or self.holds(rule.condition, None)
            return ("" if holds else rule.unmet), ()
        aim = rule.aim
        answer = self.aims.get(aim)
        if answer is None:
            answer = self.aims[aim] = self._aim(rule)
        return answer

    def _aim(self, rule: _Rule) -> tuple[str, tuple[str, ...]]:
        """Whom a targeted move may aim at now, and the first target's refusal if none."""
        condition, makes = rule.condition, rule.makes
        targets: tuple[str, ...] = ()
        first_refusal = ""
        for target in self.targets:
            channel = target.channel
            if rule.needs_mediator and not self._mediated(target.id):
                why = "no mediator in this crisis can talk to both sides"
            elif rule.needs_channel and channel == ChannelState.SEVERED:
                why = f"the channel to {target.id} is severed"
            elif makes and channel == makes:
                why = f"the channel to {target.id} is already {makes}"
            elif condition is not None and not self.holds(condition, target if rule.per_target else None):
                why = rule.unmet_at.get(target.id, rule.unmet)
            else:
                targets += (target.id,)
                continue
            first_refusal = first_refusal or why
        return ("" if targets else first_refusal or "no possible target"), targets

    def static_reason(self, rule: _Rule) -> str:
        """Why the move cannot be played now whatever its target: still locked, the rung, its costs ("" if none)."""
        move, rung = rule.move, self.rung
        if rule.locked and move.id not in self.unlocked:
            return "not yet available in this crisis"
        if rung < move.min_rung:
            return rule.too_low
        if rung > move.max_rung:
            return rule.too_high
        stats = self.stats
        for stat, amount in rule.costs:
            if stats[stat] < amount:
                return f"costs {amount} {stat}; you have {stats[stat]}"
        return ""

    def _mediated(self, target: str) -> bool:
        mediated = self.mediated.get(target)
        if mediated is None:
            mediated = self.mediated[target] = bool(mediators(self.game, self.actor, target))
        return mediated


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


def _agreements_broken_by(game: Game, actor: str) -> dict[str, tuple[int, ...]]:
    """Move id -> the agreements in force that the actor would break by playing it."""
    broken: dict[str, tuple[int, ...]] = {}
    for agreement in game.agreements_in_force():
        for commitment in agreement.commitments:
            if commitment.party == actor:
                for move_id in commitment.forbids:
                    broken[move_id] = broken.get(move_id, ()) + (agreement.id,)
    return broken


def _lines_crossed(game: Game, actor: str, rules: tuple[_Rule, ...]) -> dict[str, tuple[str, ...]]:
    """Move id -> the standing red lines declared against the actor that playing it would cross.

    A line drawn against one move (a threat) is crossed by that move. A line
    with a condition is crossed when the condition, false now, would hold
    were the move played and the rung raised by the move's ``rung_shift``
    (half its escalation, rounded up): so only a move the condition names,
    or an escalating one when the condition reads the rung, can cross it;
    and escalating moves it does not name cross it alike when they shift
    the rung alike.
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
            by_shift: dict[int, bool] = {}  # rung shift -> whether the condition would hold, for moves it does not name
            crossing = []
            for rule in rules:
                move_id, shift = rule.move.id, rule.rung_shift
                if move_id in named:
                    holds = condition.evaluate(GameEnv(game, hypothetical=(actor, move_id), rung_shift=shift))
                elif reads_rung and rule.move.escalation > 0:
                    if shift not in by_shift:
                        by_shift[shift] = bool(condition.evaluate(GameEnv(game, rung_shift=shift)))
                    holds = by_shift[shift]
                else:
                    continue
                if holds:
                    crossing.append(move_id)
        for move_id in crossing:
            crossed[move_id] = crossed.get(move_id, ()) + (line.id,)
    return crossed

