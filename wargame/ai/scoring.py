"""What every doctrine needs to score a move: the situation as perceived, and shared costs.

A doctrine builds one ``Situation`` from its view per decision (threat per
opponent, ladder landmarks, what it saw last turn, what it owes under
agreements) and then scores each available move with its own small
function, using the helpers here for the parts every doctrine weighs the
same way: red lines it would cross, agreements it would break, what a move
does to its own stats. Facts that never change during a game (the ladder's
landmarks, who an actor's quarrel is with) are worked out once per scenario
and actor and cached, so a decision is a short loop over the moves.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wargame.ai.beliefs import ViewEnv
from wargame.engine.adjudication import IGNORED
from wargame.engine.decisions import Order
from wargame.engine.lazy import once
from wargame.engine.legality import MoveOption
from wargame.engine.outcomes import OUTCOME_POINTS
from wargame.engine.perception import FRESH_WEIGHT, INTENT_MEMORY
from wargame.engine.records import RedLineState
from wargame.engine.views import ActorView
from wargame.engine.weighing import MEDIATOR_SHARE, Weigher
from wargame.errors import IllegalDecision
from wargame.scenario.conditions import Condition
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import STATS, Move

ESCALATION_SEEN = 0.5  # a perceived move above this reads as escalation, below minus this as cooperation
CAPITULATION_MARGIN = 15  # stats this close to the capitulation line become precious
MEDIATOR_GOODWILL = 1.0  # how far a mediator's role keeps it off the list of adversaries
FRIENDLY = 0.25  # below this threat an actor is a friend (or neutral), not a target for pressure
FRIENDLY_FIRE = 2.0  # points per escalation point for aiming pressure at a friend
MEMORY = 6  # turns of history read for hostility (older readings weigh under 5%)
ASIDE = 0.3  # weight of a move aimed at a third party when reading hostility toward me


# ---------------------------------------------------------------- per scenario, cached


@dataclass(frozen=True)
class Landmarks:
    """Where the ladder's dangers lie, from the scenario's bands."""

    war_rung: int
    brink: int  # first rung of the last band before war
    top_rung: int
    defused_at: int
    capitulation_below: int


@dataclass(frozen=True)
class Stakes:
    """Who an actor's quarrel is with, and which of its objectives point at what."""

    quarrel: dict[str, float]  # prior threat per other actor, from red lines drawn between them
    objectives: tuple  # (objective, Condition) pairs
    objective_stats: dict[str, tuple]  # my stat -> objectives that compare it
    objective_terms: dict[str, tuple]  # term id -> objectives that ask whether it is agreed
    objective_moves: dict[str, tuple]  # my move id -> objectives that mention it
    war_loss: float  # what a war would cost me: outcome points and my "keep the peace" objectives


@dataclass(frozen=True, slots=True)
class Facts:
    """A move's numbers, read once from its pydantic model (reading those in a hot loop is slow)."""

    id: str
    escalation: float
    targeted: bool
    tags: frozenset[str]
    net: tuple[tuple[str, int], ...]  # change to my own stats, costs included
    harm: float  # how much it lowers the target's stats in all
    trust: int  # change of the target's trust in me
    strike: bool
    adjusted: bool  # calming or preemptive: the ladder may count another escalation than its weight


_FACTS: dict[str, dict[str, Facts]] = {}
_LANDMARKS: dict[str, Landmarks] = {}
_STAKES: dict[tuple[str, str], Stakes] = {}


def landmarks(scenario: LoadedScenario) -> Landmarks:
    found = _LANDMARKS.get(scenario.digest)
    if found is None:
        bands = scenario.ladder.bands
        top = sum(len(b.rungs) for b in bands) - 1
        war = top + 1 - len(bands[-1].rungs)
        brink = war - len(bands[-2].rungs)
        found = Landmarks(war, brink, top, scenario.ladder.defused_at, scenario.spec.outcomes.capitulation_below)
        _LANDMARKS[scenario.digest] = found
    return found


def facts(scenario: LoadedScenario) -> dict[str, Facts]:
    """Facts of every move of the scenario, by move id."""
    found = _FACTS.get(scenario.digest)
    if found is None:
        found = _FACTS[scenario.digest] = {move.id: _facts(move) for move in scenario.moves.values()}
    return found


def _facts(move: Move) -> Facts:
    net: dict[str, int] = {}
    for stat, amount in move.effects.self_.items():
        net[stat] = net.get(stat, 0) + amount
    for stat, amount in move.cost.items():
        net[stat] = net.get(stat, 0) - amount
    tags = frozenset(move.tags)
    return Facts(
        id=move.id,
        escalation=float(move.escalation),
        targeted=move.targeted,
        tags=tags,
        net=tuple((stat, amount) for stat, amount in net.items() if amount),
        harm=-float(sum(amount for _, amount in move.effects.target.items())),
        trust=move.effects.trust,
        strike="strike" in tags,
        adjusted=move.escalation < 0 or "preemptive" in tags,
    )


def stakes(scenario: LoadedScenario, actor: str) -> Stakes:
    key = (scenario.digest, actor)
    found = _STAKES.get(key)
    if found is None:
        found = _STAKES[key] = _work_out_stakes(scenario, actor)
    return found


def _work_out_stakes(scenario: LoadedScenario, actor: str) -> Stakes:
    spec = scenario.actor(actor)
    quarrel = dict.fromkeys((a for a in scenario.actor_ids if a != actor), 0.0)
    for line in spec.red_lines:
        quarrel[line.against] += 0.3
    for other in scenario.spec.actors:
        for line in other.red_lines:
            if line.against == actor and line.declared and other.id in quarrel:
                quarrel[other.id] += 0.3
    for other in quarrel:
        quarrel[other] += (50 - spec.trust.get(other, 50)) / 100
        if scenario.actor(other).role == "mediator":
            quarrel[other] -= MEDIATOR_GOODWILL  # the go-between is nobody's enemy
    objectives = tuple((o, scenario.condition("objective", actor, o.id)) for o in spec.objectives)
    my_moves = {m.id for m in scenario.moves_for(actor)}
    by_stat: dict[str, list] = {}
    by_move: dict[str, list] = {}
    by_term: dict[str, list] = {}
    war_loss = float(-OUTCOME_POINTS["war"])
    for objective, condition in objectives:
        refs = condition.references
        if actor in refs.actors or not refs.actors:
            for stat in refs.stats & set(STATS):
                by_stat.setdefault(stat, []).append((objective, condition))
        for move in refs.moves & my_moves:
            by_move.setdefault(move, []).append((objective, condition))
        for term in refs.terms:
            by_term.setdefault(term, []).append((objective, condition))
        if "peak <=" in condition.text or "peak <" in condition.text:
            war_loss += max(0, objective.weight)
    return Stakes(quarrel, objectives, _frozen(by_stat), _frozen(by_term), _frozen(by_move), war_loss)


def _frozen(groups: dict[str, list]) -> dict[str, tuple]:
    return {key: tuple(value) for key, value in groups.items()}


# ---------------------------------------------------------------- the situation


@dataclass
class Situation:
    """One decision's reading of the view; built once, read by every candidate move."""

    view: ActorView
    marks: Landmarks
    stakes: Stakes
    rung: int
    threat: dict[str, float]  # per other actor: its hostility plus the standing quarrel
    adversary: str | None  # the most threatening other actor
    hostility: dict[str, float]  # per other actor: the escalation toward me I perceived, remembered
    last_seen: dict[str, float]  # per other actor: the escalation toward me I perceived last turn
    others_push: float = 0.0  # the escalation I expect from the others this turn, whoever it hits
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # a doctrine's values shared by many moves

    @property
    def me(self) -> str:
        return self.view.actor

    @once
    def stat_weight(self) -> dict[str, float]:
        """Points per point of each of my stats now (worked out only when a decision needs it)."""
        return _stat_weights(self.view, self.marks, self.stakes)

    @once
    def weigher(self) -> Weigher:
        """How the ladder will count my moves, with what the view says of each target read once per decision."""
        return Weigher(self.view)

    @once
    def env(self) -> ViewEnv:
        """My view as a condition env, shared by the objective checks of this decision."""
        return ViewEnv(self.view)

    @once
    def met_now(self) -> dict[int, bool]:
        """id of a condition -> its value now, filled as ``objective_gain`` asks: many moves share an objective.

        The conditions are the scenario's own (kept in ``stakes``), alive longer than this decision.
        """
        return {}

    @once
    def partner(self) -> str | None:
        """Whom my latest proposal or agreement concerns (only orders ask, so it is worked out on first use)."""
        return _partner(self.view)

    @once
    def duties(self) -> dict[str, str | None]:
        """Move id -> the other party: moves my commitments require now (only orders ask, on first use)."""
        return _duties(self.view)


def read_situation(view: ActorView) -> Situation:
    scenario = view.scenario
    marks = landmarks(scenario)
    st = stakes(scenario, view.actor)
    hostility, last_seen = _readings(view)
    threat, adversary, push = _threats(view, st, hostility)
    return Situation(view, marks, st, view.perceived_rung, threat, adversary, hostility, last_seen, push)


_LAST_READINGS: dict[str, tuple] = {}  # actor id -> (scenario, history, turn, readings) of its latest decision
_LAST_THREATS: dict[str, tuple] = {}  # actor id -> (hostility, others, threats) of its latest decision


def _threats(view: ActorView, st: Stakes, hostility: dict[str, float]) -> tuple[dict[str, float], str | None, float]:
    """Threat per other actor, the most threatening one, and the escalation I expect from the others.

    The orders view of a turn usually shares the hotline view's readings and
    others (views reuse the tuple while nothing in it changed), so the second
    decision reuses the first one's answer (a read-only dict).
    """
    last = _LAST_THREATS.get(view.actor)
    if last and last[0] is hostility and last[1] is view.others:
        return last[2]
    threat = {other: hostility[other] + st.quarrel.get(other, 0.0) for other in hostility}
    adversary = max(threat, key=threat.__getitem__) if threat else None
    push = sum(max(-1.0, min(3.0, o.intent)) for o in view.others)
    found = (threat, adversary, push)
    _LAST_THREATS[view.actor] = (hostility, view.others, found)
    return found


def _readings(view: ActorView) -> tuple[dict[str, float], dict[str, float]]:
    """Per other actor: hostility toward me (remembered as the engine remembers intent) and last turn's reading.

    The engine's ``intent`` counts every move alike; here a move aimed at a
    third party counts for less, so an ally's pressure on my adversary does
    not make the ally my enemy.

    The hotline and orders views of one turn share their history tuple, so
    the second decision reuses the first one's answer (read-only dicts).
    """
    last = _LAST_READINGS.get(view.actor)
    if last and last[0] is view.scenario and last[1] is view.perceived_history and last[2] == view.turn:
        return last[3]
    readings = _read_history(view)
    _LAST_READINGS[view.actor] = (view.scenario, view.perceived_history, view.turn, readings)
    return readings


def _read_history(view: ActorView) -> tuple[dict[str, float], dict[str, float]]:
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
    return hostility, last_seen


def _partner(view: ActorView) -> str | None:
    for agreement in reversed(view.agreements):
        if agreement.in_force and len(agreement.parties) > 1:
            return next(p for p in agreement.parties if p != view.actor)
    for envelope in reversed(view.inbox):
        if envelope.message.kind in ("proposal", "counter"):
            return envelope.message.sender
    return None


def _duties(view: ActorView) -> dict[str, str | None]:
    """Moves my agreements require of me this turn, with the party each is owed to.

    The view keeps no log of my own orders, so a duty cannot be checked off;
    instead each agreement's requirements are scheduled one a turn from the
    turn it was made, soonest due first, skipping the turns on which I was
    busy answering a red line (``answered_turn`` says which), and each is
    played on its own turn only (never twice).
    """
    duties: dict[str, str | None] = {}
    busy = {line.answered_turn for line in view.my_red_lines if line.status == "honoured"}
    for agreement in view.agreements:
        if not agreement.in_force:
            continue
        owed = sorted((c.due, c.requires) for c in agreement.commitments
                      if c.party == view.actor and c.requires and c.due is not None)
        party = next((p for p in agreement.parties if p != view.actor), None)
        turn = agreement.turn
        for due, move in owed:
            while turn in busy and turn < due:
                turn += 1
            if view.turn == min(turn, due):
                duties.setdefault(move, party)
            turn += 1
    return duties


def _stat_weights(view: ActorView, marks: Landmarks, st: Stakes) -> dict[str, float]:
    """Points per stat point for me now: scoring credibility, capitulation risk, objective thresholds."""
    weights = {"resolve": 0.03, "credibility": 0.1, "support": 0.03, "economy": 0.03, "readiness": 0.03}
    for stat in ("resolve", "support"):
        if view.stats[stat] < marks.capitulation_below + CAPITULATION_MARGIN:
            weights[stat] += 0.6
    if view.stats["economy"] < 15:
        weights["economy"] += 0.2
    if st.objective_stats:
        env = ViewEnv(view)
        for stat, linked in st.objective_stats.items():
            lo, hi = env.with_(stat_shift=(stat, -5)), env.with_(stat_shift=(stat, 5))
            for objective, condition in linked:
                if condition.evaluate(lo) != condition.evaluate(hi):
                    weights[stat] += abs(objective.weight) / 10
    return weights


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
    total = 0.0
    moves = sit.view.scenario.moves
    for line in sit.view.their_red_lines:
        if line.id in option.crosses:
            owner = next((o for o in sit.view.others if o.id == line.owner), None)
            stats = owner.public_stats if owner else {}
            belief = stats.get("credibility", 50) / 100 * stats.get("readiness", 50) / 100
            severity = max((moves[m].escalation for m in line.response if m in moves), default=2)
            total += belief * (2 + 2 * severity)
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
    return sum(o.weight * (c.evaluate(after) - _met_now(c, sit)) for o, c in linked)


def _met_now(condition: Condition, sit: Situation) -> bool:
    met = sit.met_now.get(id(condition))
    if met is None:
        met = sit.met_now[id(condition)] = condition.evaluate(sit.env)
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
        if option.breaks:
            value -= keep_word * breach_cost(option, sit)
        if best_value is None or value > best_value:
            best_value, best_option, best_target = value, option, target
    if best_option is None:
        raise IllegalDecision(f"{sit.view.name} has no move it may play now")
    return Order(sit.me, best_option.move.id, best_target)


def _unique(actors) -> tuple[str, ...]:
    """The actors in order, each once, without None."""
    found = dict.fromkeys(actors)
    found.pop(None, None)
    return tuple(found)


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
    alerts: list[RedLineState] = sorted(sit.view.alerts(), key=lambda l: (l.crossed_turn or 0) + l.window)
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
