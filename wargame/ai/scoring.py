"""Scoring a move: the parts every doctrine weighs the same way, and the choice among moves.

A doctrine reads one ``Situation`` per decision and scores each available
move with its own small function; the helpers here add what every doctrine
weighs alike: red lines it would cross, agreements it would break, what a
move does to its own stats, the risk of war where the ladder would go.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable
from typing import Any

from wargame.ai.facts import Facts, facts
from wargame.ai.situation import Situation
from wargame.engine.adjudication import IGNORED
from wargame.engine.decisions import Order
from wargame.engine.legality import MoveOption
from wargame.engine.perception import WORST_CASE_BIAS, guessed_noise
from wargame.engine.records import MISREAD_GAP, RedLineSnapshot
from wargame.engine.weighing import MEDIATOR_SHARE
from wargame.errors import IllegalDecision
from wargame.scenario.conditions import Condition
from wargame.scenario.model import Move, Objective

ESCALATION_SEEN = 0.5  # a perceived move above this reads as escalation, below minus this as cooperation
FRIENDLY = 0.25  # below this threat an actor is a friend (or neutral), not a target for pressure
FRIENDLY_FIRE = 2.0  # points per escalation point for aiming pressure at a friend


# ---------------------------------------------------------------- shared parts of a move's score


def effective_escalation(f: Facts, sit: Situation, target: str | None) -> float:
    """The escalation the ladder will count, as far as I can tell (``weighing.as_seen_by``)."""
    if not f.adjusted:  # neither calming nor preemptive: of the ladder's rules only the mediator's share applies
        return f.escalation * MEDIATOR_SHARE if sit.weigher.involves_mediator(target) else f.escalation
    return sit.weigher.count(f.id, f.escalation, target)


def own_gain(f: Facts, sit: Situation) -> float:
    """What the move's effects and costs do to my own standing, in score points."""
    w = sit.stat_weight
    gain = 0.0
    for stat, amount in f.net:
        gain += w[stat] * amount
    return gain


def deterrence(option: MoveOption, sit: Situation) -> float:
    """The weight of the declared red lines this move would cross: owner credibility x readiness x response."""
    if not option.crosses:
        return 0.0
    return sum(line_weight(line, sit) for line in sit.view.their_red_lines if line.id in option.crosses)


def line_weight(line: RedLineSnapshot, sit: Situation) -> float:
    """What crossing someone's declared line is worth avoiding: owner credibility x readiness x its harshest answer."""
    moves = sit.view.scenario.moves
    owner = next((o for o in sit.view.others if o.id == line.owner), None)
    stats = owner.public_stats if owner else {}
    belief = stats.get("credibility", 50) / 100 * stats.get("readiness", 50) / 100
    severity = max((moves[m].escalation for m in line.response if m in moves), default=2)
    return belief * (2 + 2 * severity)


def alarm_risk(option: MoveOption, sit: Situation) -> float:
    """What a move risks by looking like the crossing of a declared red line of someone else's.

    The engine's false alarms (``engine.alarms``): an owner who reads my move
    1.5 or more above its weight, as high as a move of the same category that
    would cross its line, takes it for that move and answers. I guess the
    owner's noise from my side of the relation (my trust in it, our channel)
    and weigh the chance of such a reading by what crossing the line would
    cost me (``deterrence``). A declared line lets me avoid the ambiguous
    moves near it; a secret one cannot.
    """
    move = option.move
    scale = sit.view.scenario.spec.perception_noise
    if move.escalation < 1 or option.crosses or not scale:
        return 0.0
    total = 0.0
    for line, feared_moves in sit.feared.items():
        nearest = min((f.escalation for f in feared_moves
                       if f.category == move.category and f.escalation > move.escalation), default=None)
        if nearest is None:
            continue
        owner = next(o for o in sit.view.others if o.id == line.owner)
        sigma = guessed_noise(owner.my_trust, owner.channel, scale)
        gap = max(MISREAD_GAP, nearest - move.escalation)
        chance = 0.5 * math.erfc((gap - WORST_CASE_BIAS * sigma) / (sigma * math.sqrt(2)))  # P(error >= gap)
        total += chance * line_weight(line, sit)
    return total


def ignoring_cost(sit: Situation) -> float:
    """What letting one of my red lines pass unanswered costs me (the adjudicator's penalty)."""
    return sum(sit.stat_weight[stat] * -amount for stat, amount in IGNORED.items())


def breach_cost(option: MoveOption, sit: Situation) -> float:
    """What breaking the agreements this move breaks would cost me: terms lost, credibility, trust."""
    if not option.breaks:
        return 0.0
    terms = {t.id: t for t in sit.view.scenario.spec.terms}
    total = 0.0
    for agreement in sit.view.agreements:
        if agreement.id in option.breaks:
            lost = sum(terms[t].value.get(sit.me, 0) for t in agreement.terms if t in terms)
            total += max(0.0, lost) + 10 * sit.stat_weight["credibility"] + 2
    return total


def war_risk(rung: float, sit: Situation) -> float:
    """Expected points lost to war if the ladder stood at ``rung`` (a steep curve below the war rung)."""
    x = (rung - (sit.marks.war_rung - 1.5)) / 0.9
    return sit.stakes.war_loss / (1 + math.exp(-x))


def expected_rung(move_escalation: float, sit: Situation) -> float:
    """Where the ladder goes if I play this and the others keep to their perceived intent."""
    return sit.rung + (move_escalation + sit.others_push) / 2


def objective_gain(f: Facts, sit: Situation) -> float:
    """Objectives of mine that playing this move would meet (or spoil)."""
    linked = sit.stakes.objective_moves.get(f.id)
    if not linked:
        return 0.0
    after = sit.env.with_(my_move=f.id)
    return sum(o.weight * (c.evaluate(after) - _met_now(o, c, sit)) for o, c in linked)


def _met_now(objective: Objective, condition: Condition, sit: Situation) -> bool:
    met = sit.met_now.get(objective.id)
    if met is None:
        met = sit.met_now[objective.id] = condition.evaluate(sit.env)
    return met


# ---------------------------------------------------------------- choosing


Scorer = Callable[[Facts, str | None, float, Situation, Any], float]


def choose(sit: Situation, score: Scorer, plan: Any, rng: random.Random, jitter: float, deterred: float,
           keep_word: float, focus: str | None = None) -> Order:
    """The best-scoring available move, ties and near-ties broken by the generator.

    ``score(facts, target, escalation, sit, plan)`` is the doctrine's own
    valuation, handed the move's ``effective_escalation``; the shared parts
    are added here with the doctrine's weights: ``deterred`` for declared red
    lines the move would cross, ``keep_word`` for agreements it would break;
    and every doctrine shuns aiming pressure at a friend.
    """
    best_value, best_option, best_target = None, None, None
    known = facts(sit.view.scenario)
    by_threat = sorted(sit.threat, key=lambda other: -sit.threat[other])
    pressure_order = _unique((focus, *by_threat))
    gesture_order = _unique((focus, sit.partner, *by_threat))
    friends = {other for other, level in sit.threat.items() if level < FRIENDLY}  # read once, not per move
    aim_pressure: dict[tuple[str, ...], str] = {}  # targets -> the one to aim pressure at
    aim_gesture: dict[tuple[str, ...], str] = {}  # targets -> the one to aim a gesture (escalation below 0) at
    for option in sit.view.options:
        if option.reason:
            continue
        f = known[option.move.id]
        target = None
        if f.targeted:
            targets = option.targets
            aimed, order = (aim_gesture, gesture_order) if f.escalation < 0 else (aim_pressure, pressure_order)
            target = aimed.get(targets)
            if target is None:
                target = aimed[targets] = next(t for t in order if t in targets)
        value = score(f, target, effective_escalation(f, sit, target), sit, plan) + rng.random() * jitter
        if f.escalation > 0 and target in friends:
            value -= FRIENDLY_FIRE * f.escalation  # pressure on a friend or a go-between helps nobody
        if option.crosses:
            value -= deterred * deterrence(option, sit)
        elif sit.feared:
            value -= deterred * alarm_risk(option, sit)
        if option.breaks:
            value -= keep_word * breach_cost(option, sit)
        if best_value is None or value > best_value:
            best_value, best_option, best_target = value, option, target
    if best_option is None:
        raise IllegalDecision(f"{sit.view.name} has no move it may play now")
    return Order(sit.me, best_option.move.id, best_target)


def _unique(actors: Iterable[str | None]) -> tuple[str, ...]:
    """The actors in order, each once, without None."""
    return tuple(dict.fromkeys(actor for actor in actors if actor is not None))


def pick_target(option: MoveOption, sit: Situation, focus: str | None = None) -> str | None:
    """Pressure goes to the focus or the most threatening actor; gestures to the focus, the partner or the adversary."""
    if not option.move.targeted:
        return None
    targets = option.targets
    if focus in targets:
        return focus
    if option.move.escalation < 0 and sit.partner in targets:
        return sit.partner
    return max(targets, key=lambda t: sit.threat.get(t, 0.0))


def answer_alert(sit: Situation, prefer: Callable[[Move], float],
                 may_break: Callable[[MoveOption, Situation], bool]) -> Order | None:
    """Play a response to my most urgent crossed red line, against the actor who crossed it.

    Among the responses available, ``prefer`` picks (a hawk the hardest, a
    dove the mildest); responses that would break an agreement come last, and
    are played only if ``may_break`` allows it.
    """
    alerts: list[RedLineSnapshot] = sorted(sit.view.alerts(), key=lambda l: (l.crossed_turn or 0) + l.window)
    for line in alerts:
        choices = []
        for move_id in line.response:
            option = sit.view.option(move_id)
            if option is None or not option.available:
                continue
            if option.move.targeted and line.against not in option.targets:
                continue
            if option.breaks and not may_break(option, sit):
                continue
            choices.append((bool(option.breaks), -prefer(option.move), move_id, option))
        if choices:
            _, _, _, option = min(choices)
            return Order(sit.me, option.move.id, line.against if option.move.targeted else None)
    return None


def duty_order(sit: Situation) -> Order | None:
    """A move an agreement of mine requires now, if I can play it."""
    for move_id, party in sit.duties.items():
        option = sit.view.option(move_id)
        if option is not None and option.available:
            return Order(sit.me, move_id, pick_target(option, sit, focus=party))
    return None
