"""Which moves an actor may order now, and why not the others.

The UI greys out unavailable moves with the reason given here, and the
engine refuses an order for the same reason: one rule, one place.

Listing options is the hottest path of a simulated game (every move of
every actor, against every target, every turn), so the fixed facts of each
move are worked out once per scenario (``_Rule``), what every move shares
in one listing is worked out once per listing (``_Context``), moves that
aim alike are answered together (``_Aim``), and a listing is looked up by
what decides it rather than worked out move by move whenever that was met
before (the tables of ``_Rules``). Every table is filled by the same
one-move rules ``check_order`` uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from wargame.engine.decisions import Order
from wargame.engine.env import GameEnv
from wargame.errors import IllegalDecision
from wargame.scenario.conditions import Condition, by_channel, reads_only_pair
from wargame.scenario.model import Move

if TYPE_CHECKING:
    from wargame.engine.game import Game
    from wargame.scenario.loader import LoadedScenario

NEEDS_CHANNEL = {"engagement", "summit", "cbm", "transparency", "hotline"}


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


@dataclass(frozen=True, eq=False)
class _Aim:
    """Everything that decides whom a targeted move may aim at now.

    Moves of a scenario that aim alike share one ``_Aim`` (hashed by
    identity), and a listing answers each aim once for all its moves.
    """

    mediation: bool  # needs a mediator who can talk to both sides
    needs_channel: bool  # refused over a severed channel
    channel: str | None  # the channel state the move brings about: refused where the channel is so already
    requires: str | None  # the prerequisite's text, as reasons quote it
    condition: Condition | None  # the prerequisite, parsed
    same_for_every_target: bool  # the prerequisite does not name ``target``: asked once, not per target
    by_channel: dict[str, bool] | None  # the prerequisite's value by channel state, when only that channel decides it
    by_pair: bool  # only the channel and the trust between the two decide the prerequisite (``pair_verdicts``)
    # The prerequisite's value by (channel state, trust of the actor in the target, of the target in the actor),
    # as met so far: a pure function of those facts, so never stale.
    pair_verdicts: dict[tuple[str, float, float], bool] = field(default_factory=dict, compare=False)

    @property
    def channel_decides(self) -> bool:
        """The channel to a target alone decides whether the move may aim at it."""
        return not self.mediation and (self.condition is None or self.by_channel is not None)

    @property
    def all_or_none(self) -> bool:
        """Nothing but a prerequisite that names no target decides: every target or none."""
        return not (self.mediation or self.needs_channel or self.channel) and self.same_for_every_target


@dataclass(frozen=True)
class _Rule:
    """What legality needs to know of one move that never changes during a game of its scenario."""

    move: Move
    locked: bool  # locked until a trigger or inject unlocks it
    costs: tuple[tuple[str, int], ...]  # the positive costs, in the move's order
    condition: Condition | None  # the prerequisite, parsed
    aim: _Aim


@dataclass(frozen=True, eq=False)
class _Gate:
    """What is left to ask of the moves of one actor that the rung, the unlocked moves and its means leave open."""

    aims: tuple[_Aim, ...]  # of the open targeted moves
    conditions: tuple[Condition, ...]  # the prerequisites of the open untargeted moves


class _Rules(tuple):
    """The rules of one actor's moves in library order, with the tables that spare a listing most of its work.

    The tables hold pure functions of what they are keyed by, so they never go stale:

    - ``channel_answers``: the targets of the aims the channels alone decide
      (``channel_aims``), by the channel state to each possible target;
    - ``gates``: the ``_Gate`` of each static key (``_static_key``);
    - ``listings``: the options without agreements or red lines, by gate and
      the answers to what it leaves to ask: most turns, a state met before.
    """

    moves: dict[str, Move]
    positions: dict[str, int]  # move id -> its place in the listing
    locked: frozenset[str]  # its moves locked until a trigger or inject unlocks them
    caps: tuple[tuple[str, int], ...]  # each stat its moves cost, with the dearest cost in it
    channel_aims: tuple[_Aim, ...]
    channel_answers: dict[tuple[tuple[str, str], ...], dict[_Aim, tuple[tuple[str, ...], str]]]
    gates: dict[tuple, _Gate]
    listings: dict[tuple, tuple[MoveOption, ...]]


@lru_cache(maxsize=256)
def _rules(scenario: LoadedScenario, actor: str) -> _Rules:
    """The rules of every move ``actor`` may ever play, in library order (scenarios are immutable)."""
    index = _rule_index(scenario)
    rules = _Rules(index[move.id] for move in scenario.moves_for(actor))
    rules.moves = {rule.move.id: rule.move for rule in rules}
    rules.channel_aims = tuple({rule.aim: None for rule in rules if rule.move.targeted and rule.aim.channel_decides})
    rules.positions = {rule.move.id: position for position, rule in enumerate(rules)}
    rules.locked = frozenset(rule.move.id for rule in rules if rule.locked)
    caps: dict[str, int] = {}
    for rule in rules:
        for stat, amount in rule.costs:
            caps[stat] = max(amount, caps.get(stat, 0))
    rules.caps = tuple(caps.items())
    rules.channel_answers, rules.gates, rules.listings = {}, {}, {}
    return rules


def _rule_of(scenario: LoadedScenario, move: Move) -> _Rule:
    """The rule of one move (from the cache when it is the scenario's own move object)."""
    rule = _rule_index(scenario).get(move.id)
    return rule if rule is not None and rule.move is move else _rule(scenario, move, {})


@lru_cache(maxsize=64)
def _rule_index(scenario: LoadedScenario) -> dict[str, _Rule]:
    aims: dict[tuple, _Aim] = {}
    return {move.id: _rule(scenario, move, aims) for move in scenario.moves.values()}


def _rule(scenario: LoadedScenario, move: Move, aims: dict[tuple, _Aim]) -> _Rule:
    """The rule of ``move``, its aim taken from ``aims`` when a move that aims alike is there already."""
    tags = scenario.move_tags[move.id]
    condition = scenario.condition("move", move.id) if move.requires else None
    key = ("mediation" in tags, not NEEDS_CHANNEL.isdisjoint(tags), move.effects.channel, move.requires)
    aim = aims.get(key)
    if aim is None:
        aim = aims[key] = _Aim(
            *key,
            condition=condition,
            same_for_every_target=condition is not None and "target" not in condition.references.aliases,
            by_channel=by_channel(condition, "self", "target") if condition is not None else None,
            by_pair=condition is not None and reads_only_pair(condition, "self", "target"),
        )
    return _Rule(
        move=move,
        locked=move.id in scenario.locked,
        costs=tuple((stat, amount) for stat, amount in scenario.move_costs[move.id] if amount > 0),
        condition=condition,
        aim=aim,
    )


class _Target:
    """One possible target as every move of a listing sees it."""

    __slots__ = ("_env", "_mediated", "actor", "channel", "game", "id")

    def __init__(self, game: Game, actor: str, other: str):
        self.game, self.actor, self.id = game, actor, other
        self.channel = game.channel(actor, other)
        self._env: GameEnv | None = None
        self._mediated: bool | None = None

    @property
    def env(self) -> GameEnv:
        """Where prerequisites naming the target are evaluated (made on first use: most listings never do)."""
        if self._env is None:
            self._env = GameEnv(self.game, {"self": self.actor, "target": self.id})
        return self._env

    @property
    def mediated(self) -> bool:
        """Whether a mediator can carry a message to this target (asked only by mediation moves)."""
        if self._mediated is None:
            self._mediated = bool(mediators(self.game, self.actor, self.id))
        return self._mediated


class _Line:
    """A standing declared red line against the actor, with its condition and whether that holds already."""

    __slots__ = ("condition", "holds", "line")

    def __init__(self, game: Game, line):
        self.line = line
        self.condition = None if line.trigger_move else game.scenario.condition("red_line", line.id)
        self.holds = bool(self.condition and self.condition.evaluate(GameEnv(game)))


class _Context:
    """What every move of one actor shares while its options are listed: built once, not per move.

    The parts only some moves need (targets, the agreements moves would
    break, the red lines they would cross) are worked out on first use, so
    checking one order does not pay for the rest.
    """

    __slots__ = (
        "_breaks",
        "_lines",
        "_self_env",
        "_targets",
        "actor",
        "aims",
        "crossings",
        "game",
        "rules",
        "stats",
        "verdicts",
    )

    def __init__(self, game: Game, actor: str):
        self.game = game
        self.actor = actor
        self.rules = _rules(game.scenario, actor)
        self.stats = game.actors[actor].stats
        self._targets: tuple[_Target, ...] | None = None
        self._self_env: GameEnv | None = None
        self._breaks: dict[str, tuple[int, ...]] | None = None
        self._lines: list[_Line] | None = None
        self.verdicts: dict[tuple[str, str], bool] = {}
        self.aims: dict[tuple, tuple[tuple[str, ...], str]] = {}
        self.crossings: dict[str, tuple[str, ...]] | None = None  # every own move's crossed lines, on first use

    @property
    def targets(self) -> tuple[_Target, ...]:
        if self._targets is None:
            self._targets = tuple(_Target(self.game, self.actor, other) for other in self.game.others(self.actor))
        return self._targets

    @property
    def target_ids(self) -> tuple[str, ...]:
        return self.game.others(self.actor)

    @property
    def self_env(self) -> GameEnv:
        """Where prerequisites of untargeted moves are evaluated (``target`` is the actor itself)."""
        if self._self_env is None:
            self._self_env = GameEnv(self.game, {"self": self.actor, "target": self.actor})
        return self._self_env

    @property
    def breaks(self) -> dict[str, tuple[int, ...]]:
        """Move id -> the agreements in force that playing it would break."""
        if self._breaks is None:
            self._breaks = {}
            for agreement in self.game.agreements_in_force():
                for c in agreement.commitments:
                    if c.party == self.actor:
                        for move_id in c.forbids:
                            self._breaks[move_id] = self._breaks.get(move_id, ()) + (agreement.id,)
        return self._breaks

    @property
    def lines(self) -> list[_Line]:
        """The standing declared red lines drawn against the actor."""
        if self._lines is None:
            self._lines = [_Line(self.game, line) for line in self.game.red_lines
                           if line.against == self.actor and line.declared and line.status == "standing"]
        return self._lines


def options(game: Game, actor: str) -> list[MoveOption]:
    """Every move the actor could ever play here, with availability now.

    Looked up when the moves' gate and the answers it leaves to ask were
    met before (``_Rules.listings``); agreements and red lines are added after.
    """
    context = _Context(game, actor)
    rules = context.rules
    gate = _gate(context)
    answers = tuple(context.aims.get(aim) or _targets(aim, context) for aim in gate.aims) + tuple(
        _holds(condition, actor, context.self_env, context.verdicts) for condition in gate.conditions)
    listing = rules.listings.get((gate, answers))
    if listing is None:
        listing = _remember(rules.listings, (gate, answers), tuple(_option(rule, context) for rule in rules))
    return _with_breaches(list(listing), context)


def _gate(context: _Context) -> _Gate:
    """The gate of the actor's moves now, from ``_Rules.gates`` when its static key was met before."""
    rules = context.rules
    key = _static_key(context)
    gate = rules.gates.get(key)
    if gate is None:
        game, stats = context.game, context.stats
        open_rules = [rule for rule in rules if not _static_reason(game, rule, stats)]
        gate = _remember(rules.gates, key, _Gate(
            aims=tuple({rule.aim: None for rule in open_rules if rule.move.targeted}),
            conditions=tuple({rule.condition: None for rule in open_rules
                              if not rule.move.targeted and rule.condition is not None}),
        ))
    return gate


def _static_key(context: _Context) -> tuple:
    """Everything ``_static_reason`` reads for the actor's moves: the rung, which of its locked moves are
    unlocked, and its stats, each capped at the dearest cost in it (above that the exact value changes nothing)."""
    game, stats = context.game, context.stats
    return (game.rung, context.rules.locked.intersection(game.unlocked),
            tuple(stats[stat] if stats[stat] < cap else cap for stat, cap in context.rules.caps))


def _with_breaches(listing: list[MoveOption], context: _Context) -> list[MoveOption]:
    """The listing with the agreements each move would break and the declared red lines it would cross."""
    breaks = context.breaks
    crossings = context.crossings = _crossings(context) if context.lines else {}
    for move_id in breaks.keys() | crossings.keys():
        position = context.rules.positions.get(move_id)
        if position is not None:
            listing[position] = listing[position]._replace(breaks=breaks.get(move_id, ()),
                                                           crosses=crossings.get(move_id, ()))
    return listing


_MAX_REMEMBERED = 1024  # entries of a table before it starts afresh (a game meets a few dozen)


def _remember(table: dict, key, value):
    """Store ``value`` under ``key``, emptying ``table`` first when it is full (keeps a long simulation's memory flat)."""
    if len(table) >= _MAX_REMEMBERED:
        table.clear()
    table[key] = value
    return value


def option_for(game: Game, actor: str, move: Move, context: _Context | None = None) -> MoveOption:
    context = context or _Context(game, actor)
    option = _option(_rule_of(game.scenario, move), context)
    return option._replace(breaks=context.breaks.get(move.id, ()), crosses=_crosses(context, move))


def _option(rule: _Rule, context: _Context) -> MoveOption:
    """The move's option, without the agreements it would break or the red lines it would cross."""
    reason, targets = _availability(rule, context)
    return MoveOption(rule.move, targets, reason)


def _availability(rule: _Rule, context: _Context) -> tuple[str, tuple[str, ...]]:
    """Why the move cannot be played now ("" if it can), and whom it may target."""
    reason = _static_reason(context.game, rule, context.stats)
    if reason:
        return reason, ()
    if rule.move.targeted:
        targets, first_reason = context.aims.get(rule.aim) or _targets(rule.aim, context)
        return ("" if targets else first_reason or "no possible target"), targets
    if rule.condition is not None and not _holds(rule.condition, context.actor, context.self_env, context.verdicts):
        return "its prerequisite does not hold: " + rule.move.requires, ()
    return "", ()


def _targets(aim: _Aim, context: _Context) -> tuple[tuple[str, ...], str]:
    """Whom a targeted move may aim at now, and why not the first one refused.

    Remembered in ``context.aims``, where callers look first: moves that aim
    alike share the answer, and the first move whose aim the channels decide
    brings the answers of every such aim.
    """
    aims = context.aims
    if aim.channel_decides:
        answers = _channel_answers(context)
        aims.update(answers)
        if aim in answers:  # else a move that is not the actor's own, asked of by ``option_for``
            return answers[aim]
    if aim.all_or_none and context.targets:
        holds = _holds(aim.condition, context.actor, context.self_env, context.verdicts)
        found = aims[aim] = (context.target_ids, "") if holds else ((), _unmet(aim))
        return found
    found = aims[aim] = _sift(context.targets, lambda target: _target_reason(aim, target, context.verdicts))
    return found


def _sift(targets: tuple[_Target, ...], reason) -> tuple[tuple[str, ...], str]:
    """The targets ``reason`` finds nothing against, and the first reason it gave."""
    allowed: tuple[str, ...] = ()
    first_reason = ""
    for target in targets:
        why = reason(target)
        if not why:
            allowed += (target.id,)
        elif not first_reason:
            first_reason = why
    return allowed, first_reason


def _channel_answers(context: _Context) -> dict[_Aim, tuple[tuple[str, ...], str]]:
    """Aim -> its targets and first refusal, for every aim of the actor that the channels alone decide.

    Looked up by the channel to each possible target, so a listing answers
    all these aims with one lookup once the states have been met before.
    """
    rules, targets = context.rules, context.targets
    key = tuple((target.id, target.channel) for target in targets)
    answers = rules.channel_answers.get(key)
    if answers is None:
        answers = _remember(rules.channel_answers, key, {
            aim: _sift(targets, lambda target, aim=aim: _channel_reason(aim, target.id, target.channel))
            for aim in rules.channel_aims
        })
    return answers


def static_reason(game: Game, actor: str, move: Move) -> str:
    """Reasons that do not depend on the target."""
    return _static_reason(game, _rule_of(game.scenario, move), game.actors[actor].stats)


def _static_reason(game: Game, rule: _Rule, stats: dict[str, int]) -> str:
    move = rule.move
    if rule.locked and move.id not in game.unlocked:
        return "not yet available in this crisis"
    if game.rung < move.min_rung:
        return f"only from rung {move.min_rung} ({game.rung_names[min(move.min_rung, game.top_rung)]})"
    if game.rung > move.max_rung:
        return f"only up to rung {move.max_rung}; the crisis is past it"
    for stat, amount in rule.costs:
        if stats[stat] < amount:
            return f"costs {amount} {stat}; you have {stats[stat]}"
    return ""


def target_reason(game: Game, actor: str, move: Move, target: str) -> str:
    """Reasons that depend on the target."""
    return _target_reason(_rule_of(game.scenario, move).aim, _Target(game, actor, target), {})


def _target_reason(aim: _Aim, target: _Target, verdicts: dict) -> str:
    if aim.mediation and not target.mediated:
        return "no mediator in this crisis can talk to both sides"
    why = _channel_reason(aim, target.id, target.channel)
    if why or aim.condition is None or aim.by_channel is not None:
        return why
    if aim.by_pair:
        holds = _pair_holds(aim, target)
    else:
        who = target.actor if aim.same_for_every_target else target.id  # a verdict shared by every target
        holds = _holds(aim.condition, who, target.env, verdicts)
    return "" if holds else _unmet(aim)


def _pair_holds(aim: _Aim, target: _Target) -> bool:
    """A prerequisite on the pair alone, from ``aim.pair_verdicts`` when its facts were met before."""
    game, actor, other = target.game, target.actor, target.id
    facts = (target.channel, game.actors[actor].trust.get(other, 100), game.actors[other].trust.get(actor, 100))
    verdict = aim.pair_verdicts.get(facts)
    if verdict is None:
        verdict = _remember(aim.pair_verdicts, facts, bool(aim.condition.evaluate(target.env)))
    return verdict


def _channel_reason(aim: _Aim, target: str, state: str) -> str:
    """The reasons the channel to the target gives (all of them when ``aim.channel_decides``)."""
    if aim.needs_channel and state == "severed":
        return f"the channel to {target} is severed"
    if aim.channel and state == aim.channel:
        return f"the channel to {target} is already {aim.channel}"
    if aim.by_channel is not None and not aim.by_channel[state]:
        return _unmet(aim)
    return ""


def _unmet(aim: _Aim) -> str:
    return "its prerequisite does not hold: " + aim.requires


def _holds(condition: Condition, who: str, env: GameEnv, verdicts: dict[tuple[str, str], bool]) -> bool:
    """A prerequisite's value for one target (``who``: the target, or the actor when it names no target);
    moves whose prerequisites have the same text share it."""
    key = (condition.text, who)
    verdict = verdicts.get(key)
    if verdict is None:
        verdict = verdicts[key] = bool(condition.evaluate(env))
    return verdict


def _crosses(context: _Context, move: Move) -> tuple[str, ...]:
    """The declared red lines against the actor that playing ``move`` would cross."""
    if move is not context.rules.moves.get(move.id):  # not one of the actor's own moves (never in play)
        return tuple(_crossed_by(context, move)) if context.lines else ()
    crossings = context.crossings
    if crossings is None:
        crossings = context.crossings = _crossings(context)
    return crossings.get(move.id, ())


def _crossings(context: _Context) -> dict[str, tuple[str, ...]]:
    """Move id -> the lines it would cross, for every own move of the actor that crosses any.

    The same answers as ``_crossed_by`` asked move by move, but a line is
    only tested for the moves exposed to it (``_exposure``), and once per
    rung shift for the moves its condition does not name.
    """
    actor, scenario = context.actor, context.game.scenario
    crossed: dict[str, tuple[str, ...]] = {}
    for entry in context.lines:
        line, condition = entry.line, entry.condition
        if line.trigger_move is not None:
            hits: list[str] = [line.trigger_move]
        elif condition is None or entry.holds:
            continue
        else:
            named, by_shift = _exposure(scenario, actor, line.id)
            hits = [move.id for move in named if _would_hold(context, condition, move, _shift(move))]
            for shift, moves in by_shift:
                if _would_hold(context, condition, moves[0], shift):
                    hits += [move.id for move in moves]
        for move_id in hits:
            crossed[move_id] = crossed.get(move_id, ()) + (line.id,)
    return crossed


@lru_cache(maxsize=1024)
def _exposure(scenario: LoadedScenario, actor: str, line_id: str) -> tuple[tuple[Move, ...], tuple]:
    """The actor's moves that could cross a scenario red line: those its condition names (each tested alone),
    and the other escalating ones grouped by rung shift, ``((shift, moves), ...)``.

    A move the condition does not name changes only the rung it sees, so if
    the condition reads neither the rung nor the peak, such a move cannot
    make it hold (it is only tested when it does not hold already).
    """
    references = scenario.condition("red_line", line_id).references
    sees_rung = not references.variables.isdisjoint({"rung", "peak"})
    named, by_shift = [], {}
    for move in _rules(scenario, actor).moves.values():
        if move.id in references.moves:
            named.append(move)
        elif move.escalation > 0 and sees_rung:
            by_shift.setdefault(_shift(move), []).append(move)
    return tuple(named), tuple((shift, tuple(moves)) for shift, moves in by_shift.items())


def _shift(move: Move) -> int:
    """How far playing ``move`` is taken to raise the rung when red lines are weighed."""
    return max(0, (move.escalation + 1) // 2)


def _crossed_by(context: _Context, move: Move):
    """The rule move by move: which declared red lines playing ``move`` would cross.

    A move can only cross a line that names it or by escalating (its rung
    shift may make a condition on the rung hold).
    """
    for entry in context.lines:
        line, condition = entry.line, entry.condition
        if line.trigger_move is not None:
            if line.trigger_move == move.id:
                yield line.id
        elif condition is not None and not entry.holds and (move.escalation > 0 or move.id in condition.references.moves):
            if _would_hold(context, condition, move, _shift(move)):
                yield line.id


def _would_hold(context: _Context, condition: Condition, move: Move, shift: int) -> bool:
    env = GameEnv(context.game, hypothetical=(context.actor, move.id), rung_shift=shift)
    return bool(condition.evaluate(env))


def mediators(game: Game, actor: str, target: str) -> list[str]:
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


def check_order(game: Game, order: Order) -> None:
    if game.turn_phase != "orders":
        raise IllegalDecision(f"orders are not open: the turn is in its {game.turn_phase} phase")
    if order.actor not in game.actors:
        raise IllegalDecision(f"unknown actor '{order.actor}'")
    move = game.scenario.moves.get(order.move)
    if move is None or move.id in game.scenario.actor(order.actor).withhold:
        raise IllegalDecision(f"{order.actor} has no move '{order.move}'")
    rule = _rule_of(game.scenario, move)
    if _plainly_allowed(game, order, rule):
        return
    reason, targets = _availability(rule, _Context(game, order.actor))
    if reason:
        raise IllegalDecision(f"{move.name} is not available: {reason}")
    if move.targeted:
        if order.target not in targets:
            raise IllegalDecision(f"{move.name} cannot target {order.target or 'nobody'} now")
    elif order.target is not None:
        raise IllegalDecision(f"{move.name} takes no target")


def _plainly_allowed(game: Game, order: Order, rule: _Rule) -> bool:
    """Whether a targeted order may be played at its target, asking of that target alone.

    The usual order: it spares working out whom else the move could aim at,
    which only a refusal's message needs (``check_order`` then asks the full
    rule, so its messages do not change).
    """
    return (rule.move.targeted and order.target in game.others(order.actor)
            and not _static_reason(game, rule, game.actors[order.actor].stats)
            and not _target_reason(rule.aim, _Target(game, order.actor, order.target), {}))
