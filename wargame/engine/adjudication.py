"""Turn resolution: every order revealed and resolved together.

The order of steps is fixed, and every random draw comes from the game's
one generator in actor order, so the same decisions give the same game.

1. costs and effects of every move; its escalation as ``weighing`` counts it;
2. perception: each actor reads the others' moves through noise, and a
   move misread as the crossing of the reader's red line raises a false
   alarm (``alarms``; a working channel clears it before the next orders);
3. the ladder moves by the combined escalation, tempered by agreements;
4. agreements are checked (kept builds trust, broken costs it);
5. red lines: crossings raise alerts, answers keep credibility;
6. triggers fire; covert moves come to light; 7. outcome.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from typing import TYPE_CHECKING

from wargame.engine import alarms, hotline, indicators, outcomes, perception
from wargame.engine.env import GameEnv
from wargame.engine.phases import crisis_machine
from wargame.engine.records import WHITE_CELL, Event, RedLineState, StatChange, TurnRecord
from wargame.engine.weighing import REPEAT_WINDOW, counted_escalation
from wargame.errors import IllegalDecision
from wargame.scenario.model import ChannelState, HotlineText, Move, TriggerEffects
from wargame.scenario.tags import GOES_FURTHER, PREEMPTIVE, PREVENTIVE, TRANSPARENCY

if TYPE_CHECKING:
    from wargame.engine.decisions import Order
    from wargame.engine.game import Game

PROVOCATION = {"resolve": 5, "trust": -10}
AGREEMENT_CALM = 0.5
MAX_STEP = 3
BROKEN_TRUST, BROKEN_CREDIBILITY, KEPT_TRUST = -20, -10, 2
HONOURED, IGNORED = {"credibility": 5, "resolve": 3}, {"credibility": -15, "support": -5}
HARDSHIP_BELOW = 35  # an economy below this costs support and resolve every turn (sanctions bite through it)


def start_turn(game: Game) -> None:
    """Called by the turn machine on next_turn: a new briefing."""
    game.turn += 1
    game.orders = {}
    hotline.deliver_delayed(game)
    hotline.expire_stale_proposals(game)
    alarms.clarify(game)
    game.note("briefing", f"{game.turn_label()}: the crisis stands at rung {game.rung}, {game.rung_names[game.rung]}.",
              WHITE_CELL)


def resolve_turn(game: Game) -> None:
    rung_before = game.rung
    game.stat_snapshots.append({a: dict(s.stats) for a, s in game.actors.items()})
    first_event, first_change = len(game.events), len(game.stat_changes)
    orders = {actor: game.orders[actor] for actor in game.actors}  # scenario order, not submission order
    escalation: dict[str, float] = {}
    for actor, order in orders.items():
        move = game.scenario.moves[order.move]
        escalation[actor] = _apply_move(game, actor, move, order.target)
        game.played.setdefault((actor, move.id), []).append(game.turn)
        game.last_played[move.id] = game.turn
    seen = perception.perceive(game, orders, escalation)
    alarms.raise_alarms(game, seen)
    _move_ladder(game, escalation)
    perception.update_perceived_rungs(game, seen, escalation)
    _check_agreements(game, orders)
    hotline.expire_ultimatums(game)
    _check_red_lines(game, orders)
    _run_triggers(game)
    _reveal_covert(game)
    _drift(game)
    sync_band(game)
    record = TurnRecord(
        turn=game.turn,
        label=game.turn_label(),
        rung_before=rung_before,
        rung_after=game.rung,
        orders=orders,
        escalation=escalation,
        perceptions=seen,
        perceived_rung={a: s.perceived_rung for a, s in game.actors.items()},
    )
    game.history.append(record)
    outcomes.check_end(game)
    record.events = game.events[first_event:]
    record.changes = game.stat_changes[first_change:]
    record.indicators = indicators.compute(game.history, game.scenario)


# ------------------------------------------------------------------ moves


def _apply_move(game: Game, actor: str, move: Move, target: str | None) -> float:
    """Pay, apply effects, and return the move's escalation after the tag rules."""
    tags, effects = game.scenario.move_tags[move.id], move.effects
    for stat, amount in move.cost.items():
        _shift(game, actor, stat, -amount, f"the cost of your {move.name.lower()}")
    for stat, amount in effects.self_.items():
        _shift(game, actor, stat, amount, f"your {move.name.lower()}")
    preemptive = not PREEMPTIVE.isdisjoint(tags)
    unprovoked = target is not None and preemptive and not _escalated_last_turn(game, target)
    weight = counted_escalation(
        float(move.escalation),
        game.rung,
        preventive=not PREVENTIVE.isdisjoint(tags),
        mediation=not GOES_FURTHER.isdisjoint(tags),
        mediator_involved=actor in game.mediator_ids or target in game.mediator_ids,
        target_trust=game.actors[target].trust[actor] if target else None,
        repeats=_played_within(game, actor, move.id, REPEAT_WINDOW),
        unprovoked_preemption=unprovoked,
    )
    if target:
        other = game.actors[target]
        by_whom = ("something you did not see" if move.visibility == "covert"
                   else f"{game.name(actor)}'s {move.name.lower()}")
        for stat, amount in effects.target.items():
            _shift(game, target, stat, amount, by_whom)
        _add(other.trust, actor, effects.trust)
        if effects.channel:
            game.channels[_pair(actor, target)] = effects.channel
        if not TRANSPARENCY.isdisjoint(tags):
            game.transparency_until[_pair(actor, target)] = game.turn + 3
        if preemptive:
            _shift(game, target, "resolve", PROVOCATION["resolve"], f"provoked by {by_whom}")
            _add(other.trust, actor, PROVOCATION["trust"])
            if unprovoked:
                game.note("provocation", f"{game.name(actor)}'s unprovoked {move.name.lower()} hardens {game.name(target)}'s resolve.",
                          (actor,) if move.visibility == "covert" else (), (actor, target))
    return weight


def _played_within(game: Game, actor: str, move_id: str, window: int) -> int:
    """How often ``actor`` played the move in the last ``window`` turns (its turns are kept in order, so a bisection)."""
    turns = game.played.get((actor, move_id), ())
    return len(turns) - bisect_left(turns, game.turn - window)


def _escalated_last_turn(game: Game, actor: str) -> bool:
    return bool(game.history) and game.history[-1].escalation.get(actor, 0) > 0


def _move_ladder(game: Game, escalation: dict[str, float]) -> None:
    raw = sum(escalation.values())
    raw -= AGREEMENT_CALM * min(3, len(game.agreements_in_force()))
    if sum(1 for value in escalation.values() if value > 0) >= 2:
        raw += 0.5  # a spiral: both sides pushing feeds on itself
    step = raw / 2
    whole = math.floor(step)
    step = whole + (1 if game.rng.random() < step - whole else 0)
    step = max(-MAX_STEP, min(MAX_STEP, step))
    before = game.rung
    game.rung = max(0, min(game.top_rung, game.rung + step))
    game.rung_change = game.rung - before
    game.peak = max(game.peak, game.rung)
    if game.rung != before:
        direction = "climbs" if game.rung > before else "descends"
        game.note("ladder", f"The crisis {direction} to rung {game.rung}: {game.rung_names[game.rung]}.", WHITE_CELL)


def _drift(game: Game) -> None:
    """A long crisis high on the ladder wears economies and patience down; a hurt economy wears support and resolve."""
    for state in game.actors.values():
        if game.rung >= 9:
            _shift(game, state.id, "economy", -1, "a long crisis high on the ladder")
            _shift(game, state.id, "support", -1, "a long crisis high on the ladder")
        shortfall = HARDSHIP_BELOW - state.stats["economy"]
        if shortfall > 0 and state.id not in game.mediator_ids:
            loss = -(1 + shortfall // 15)
            _shift(game, state.id, "support", loss, "hardship at home: your economy is hurting")
            _shift(game, state.id, "resolve", loss, "hardship at home: your economy is hurting")


# ------------------------------------------------------------------ agreements


def _check_agreements(game: Game, orders: dict[str, Order]) -> None:
    for agreement in game.agreements_in_force():
        broken = None
        for c in agreement.commitments:
            order = orders.get(c.party)
            if (order and order.move in c.forbids) or (c.requires and c.due is not None and game.turn >= c.due and not _played_since(game, c.party, c.requires, agreement.turn)):
                broken = c
            if broken:
                break
        if broken:
            agreement.status, agreement.broken_by, agreement.broken_turn = "broken", broken.party, game.turn
            _shift(game, broken.party, "credibility", BROKEN_CREDIBILITY, "you broke an agreement")
            for other in game.others(broken.party):
                if other in agreement.parties or len(agreement.parties) == 1:
                    _add(game.actors[other].trust, broken.party, BROKEN_TRUST)
            move = game.scenario.moves[orders[broken.party].move] if orders.get(broken.party) else None
            what = move.name if move and move.visibility == "public" else "its commitment"  # a covert move stays unnamed
            game.note("agreement_broken", f"{game.name(broken.party)} breaks an agreement ({what}).",
                      actors=(broken.party,))
        else:
            agreement.kept_turns += 1
            for a in agreement.parties:
                for b in agreement.parties:
                    if a != b:
                        _add(game.actors[a].trust, b, KEPT_TRUST)
            if len(agreement.parties) == 1:
                for other in game.others(agreement.parties[0]):
                    _add(game.actors[other].trust, agreement.parties[0], 1)


def _played_since(game: Game, actor: str, move: str, turn: int) -> bool:
    return any(t >= turn for t in game.played.get((actor, move), ()))


# ------------------------------------------------------------------ red lines


def _check_red_lines(game: Game, orders: dict[str, Order]) -> None:
    env = GameEnv(game)
    for line in game.red_lines:
        readers = () if line.declared else (line.owner,)  # a secret line is news to its owner only
        if line.status in ("standing", "misread") and _is_crossed(game, line, env, orders):
            line.status, line.crossed_turn, line.alarm_turn, line.misread_move = "crossed", game.turn, None, None
            _shift(game, line.owner, "resolve", 5, f"your red line “{line.description}” was crossed")
            game.note("red_line", f"Red line crossed: {line.description} ({game.name(line.owner)}'s line, crossed by {game.name(line.against)}).",
                      readers, (line.owner, line.against))
        elif line.status == "misread":
            alarms.settle(game, line, orders)
        elif line.status == "crossed" and line.crossed_turn is not None and line.crossed_turn < game.turn:
            order = orders.get(line.owner)
            if order and order.move in line.response and order.target in (None, line.against):
                line.status, line.answered_turn = "honoured", game.turn
                for stat, amount in HONOURED.items():
                    _shift(game, line.owner, stat, amount, f"you answered the crossing of “{line.description}”")
                game.note("red_line_honoured", f"{game.name(line.owner)} answers the crossing of its red line: {line.description}.",
                          readers, (line.owner, line.against))
            elif game.turn - line.crossed_turn >= line.window:
                line.status, line.answered_turn = "ignored", game.turn
                for stat, amount in IGNORED.items():
                    _shift(game, line.owner, stat, amount, f"you did not answer the crossed line “{line.description}”")
                game.note("red_line_ignored", f"{game.name(line.owner)} let its red line pass unanswered; its word counts for less.",
                          readers, (line.owner, line.against))


def _is_crossed(game: Game, line: RedLineState, env: GameEnv, orders: dict[str, Order]) -> bool:
    if line.trigger_move is not None:
        order = orders.get(line.against)
        return bool(order and order.move == line.trigger_move)
    condition = game.scenario.condition("red_line", line.id)
    return bool(condition and condition.evaluate(env))


# ------------------------------------------------------------------ triggers and injects


def _run_triggers(game: Game) -> None:
    env = GameEnv(game)
    for trigger in game.scenario.spec.triggers:
        if trigger.id in game.fired and not trigger.repeat:
            continue
        condition = game.scenario.condition("trigger", trigger.id)
        if condition is not None and not condition.evaluate(env):
            continue
        if trigger.chance < 1 and game.rng.random() >= trigger.chance:
            continue
        game.fired[trigger.id] = game.turn
        _apply_effects(game, trigger.effects, "trigger", trigger.news, trigger.audience, trigger.message)


def fire_inject(game: Game, inject_id: str) -> None:
    inject = next((i for i in game.scenario.spec.injects if i.id == inject_id), None)
    if inject is None:
        raise IllegalDecision(f"unknown inject '{inject_id}'")
    if inject_id in game.fired:
        raise IllegalDecision(f"inject '{inject_id}' was already fired on turn {game.fired[inject_id]}")
    game.fired[inject_id] = game.turn
    _apply_effects(game, inject.effects, "inject", inject.news or inject.title, inject.audience, inject.message)
    if inject.effects.rung:
        sync_band(game)
    outcomes.check_end(game, end_of_turn=False)


def _apply_effects(game: Game, effects: TriggerEffects, kind: str, news: str, audience: str | list[str],
                   message: HotlineText | None) -> None:
    if news:
        game.note(kind, news, _audience(audience))
    if effects.rung:
        before = game.rung
        game.rung = max(0, min(game.top_rung, game.rung + effects.rung))
        game.peak = max(game.peak, game.rung)
        if game.rung != before:
            direction = "climbs" if game.rung > before else "descends"
            game.note("ladder", f"Events push the crisis: it {direction} to rung {game.rung}, {game.rung_names[game.rung]}.",
                      WHITE_CELL)
    for actor, changes in effects.stats.items():
        for stat, amount in changes.items():
            _shift(game, actor, stat, amount, "events in the crisis")
    for actor, row in effects.trust.items():
        for other, amount in row.items():
            if other != actor:
                _add(game.actors[actor].trust, other, amount)
    for a, b, state in effects.channels:
        if a != b:
            game.channels[_pair(a, b)] = ChannelState(state)
    game.unlocked.update(effects.unlock)
    if message:
        readers = (message.sender, message.to) if message.audience is None else _audience(message.audience)
        game.note("hotline", f"{game.name(message.sender)} to {game.name(message.to)}: {message.text}", readers,
                  (message.sender, message.to))


def _audience(audience: str | list[str]) -> tuple[str, ...]:
    """A scenario's audience as an event's: ``everyone`` is the empty tuple."""
    return () if audience == "everyone" else tuple(audience)


def _reveal_covert(game: Game) -> None:
    due = [item for item in game.pending_reveals if item[0] <= game.turn]
    game.pending_reveals = [item for item in game.pending_reveals if item[0] > game.turn]
    for _, event in due:
        game.events.append(Event(game.turn, event.kind, event.text, event.audience, event.actors))


# ------------------------------------------------------------------ helpers


def sync_band(game: Game) -> None:
    """Walk the crisis machine band by band until it matches the rung (each step fires callbacks)."""
    machine = crisis_machine(game.band_ids)
    live = game.band_ids[:-1]
    target = game.band_of_rung[game.rung]
    while game.crisis_phase in live:
        current = live.index(game.crisis_phase)
        if target > current:
            machine.fire(game, "escalate")
        elif target < current:
            machine.fire(game, "deescalate")
        else:
            break


def _add(values: dict[str, int], key: str, amount: float) -> None:
    """Change a stat or trust value, kept a whole number from 0 to 100."""
    value = values[key] + amount
    values[key] = 0 if value < 0 else 100 if value > 100 else int(value)


def _shift(game: Game, actor: str, stat: str, amount: float, cause: str) -> None:
    """Change one of the actor's stats and note why, when it moved (the note is the actor's to read)."""
    stats = game.actors[actor].stats
    before = stats[stat]
    _add(stats, stat, amount)
    if stats[stat] != before:
        game.stat_changes.append(StatChange(actor, stat, stats[stat] - before, cause))


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)

