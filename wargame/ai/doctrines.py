"""The four doctrines: a few weights and one scoring function each.

Every doctrine decides in the same order: answer a crossed red line of
mine (one of its listed responses, against the actor who crossed it); do
what an agreement of mine requires now; otherwise score every available
move and play the best, ties broken by the given generator. What differs is
``plan`` (the escalation it wishes for this turn and whom it focuses on),
``score`` (how it values a move) and ``temper`` (how it bargains).

- hawk: climbs the ladder to coerce until the nuclear brink comes near,
  prefers build-ups, sanctions and rhetoric, rarely concedes, threatens and
  issues ultimatums, keeps agreements only while they pay.
- dove: preventive diplomacy, confidence building, the hotline, concessions
  as the crisis grows; accepts fair deals, gives assurances; stands firm
  (without escalating) only when provoked well past its tolerance.
- tit_for_tat: opens with a cooperative move, then answers each turn the
  escalation it *perceived* from the worst offender with a move of the same
  weight aimed at it, and returns cooperation for cooperation; misread
  signals make it retaliate by accident.
- calculator: expected value of each move: its own stats weighted by its
  objectives and the capitulation line, objectives met, the risk of war at
  the rung it expects the move to bring, the declared red lines it would
  cross weighted by the owner's credibility and readiness, agreements it
  would break.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from wargame.ai import negotiation as talk
from wargame.ai.facts import Facts, facts
from wargame.ai.ledger import LazyLedger, Ledger, Temper, pressure
from wargame.ai.packages import ambition
from wargame.ai.scoring import (
    ESCALATION_SEEN,
    answer_alert,
    breach_cost,
    choose,
    duty_order,
    expected_rung,
    ignoring_cost,
    objective_gain,
    war_risk,
)
from wargame.ai.situation import Situation, read_situation
from wargame.engine.decisions import Message, MessageKind, Order
from wargame.engine.legality import MoveOption
from wargame.engine.outcomes import OUTCOME_POINTS
from wargame.engine.phases import OutcomeKind
from wargame.engine.views import ActorView
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import Move
from wargame.scenario.tags import likings

_NO_GAINS: Mapping[str, float] = MappingProxyType({})


class Plan(NamedTuple):
    """What a doctrine wants this turn: an escalation to aim at and an actor to focus on.

    ``gains`` carries what every move would do to my own standing in this
    decision (``own_gain``, by move id; see ``own_gains``), so scoring a move
    looks its gain up instead of working it out; ``fixed`` carries the
    doctrine's terms that only the move decides (attached by ``plan_for``);
    ``by_escalation`` is where a doctrine may keep, for this decision, the
    part of a move's value that depends only on its escalation.
    """

    aim: float
    focus: str | None
    hostile: bool = False  # the focus is an actor to punish rather than to court
    baseline: float = 0.0  # a per-turn constant of the doctrine (the dove's urge to concede, the calculator's value of holding)
    gains: Mapping[str, float] = _NO_GAINS  # own_gain of every move in this decision, by move id
    fixed: Mapping[str, float] = _NO_GAINS  # the doctrine's part of each move's value fixed per scenario (``fixed_terms``)
    by_escalation: dict[float, float] | None = None  # the calculator's ladder value per escalation, filled as it scores


def own_gains(sit: Situation) -> Mapping[str, float]:
    """``own_gain`` of every move of the scenario for my stat weights now, by move id."""
    return _own_gains(sit.view.scenario, tuple(sit.stat_weight.items()))


@lru_cache(maxsize=256)
def _own_gains(scenario: LoadedScenario, weights: tuple[tuple[str, float], ...]) -> Mapping[str, float]:
    """``own_gains`` for these stat weights: they change rarely (a stat nearing the capitulation line,
    an objective's threshold), so one table serves many decisions, in any game of the scenario
    (removing the cache: 19.6 -> 17.6 Cuban games/s, one process, median of 5).
    """
    w = dict(weights)
    table = {}
    for move_id, f in facts(scenario).items():
        gain = 0.0  # the same sum, in the same order, as own_gain
        for stat, amount in f.net:
            gain += w[stat] * amount
        table[move_id] = gain
    return MappingProxyType(table)


def tag_likings(scenario: LoadedScenario, tags: Mapping[str, float]) -> Mapping[str, float]:
    """Move id -> how much a doctrine with these tag weights likes each move of the scenario for its tags."""
    return MappingProxyType({move_id: sum(tags.get(tag, 0.0) for tag in f.tags) for move_id, f in facts(scenario).items()})


class Doctrine:
    """The shared decision procedure; subclasses supply weights, ``plan`` and ``score``."""

    name = ""
    summary = ""
    temper: Temper
    jitter = 0.3  # random spread added to scores, so equal moves vary between seeds
    faith = 1.0  # chance of carrying out what an agreement requires of it
    DETERRED = 1.0  # weight of the declared red lines of others a move would cross
    KEEP_WORD = 1.0  # weight of what breaking an agreement would cost

    def fixed_terms(self, scenario: LoadedScenario) -> Mapping[str, float]:
        """Move id -> the part of the move's value that only the scenario decides (here: its tag liking).

        How each doctrine likes each tag is part of the tag's meaning (``scenario.tags``).
        """
        return tag_likings(scenario, likings(self.name))

    # -- orders

    def choose_order(self, view: ActorView, rng: random.Random) -> Order:
        sit = read_situation(view)
        order = answer_alert(sit, self.respond, self.may_break)
        if order is None and sit.duties and rng.random() < self.faith:
            order = duty_order(sit)
        if order is not None:
            return order
        plan = self.plan_for(sit)
        return choose(sit, self.score, plan, rng, self.jitter, self.DETERRED, self.keep_word(sit), focus=plan.focus)

    def plan_for(self, sit: Situation) -> Plan:
        """``plan`` with the doctrine's tables for the scenario attached: what ``score`` reads."""
        return self.plan(sit)._replace(fixed=fixed_terms(self, sit.view.scenario))

    def plan(self, sit: Situation) -> Plan:
        return Plan(0.0, sit.adversary, gains=own_gains(sit))

    def score(self, f: Facts, target: str | None, escalation: float, sit: Situation, plan: Plan) -> float:
        """The doctrine's own value of playing move ``f`` against ``target``, which the ladder counts as ``escalation``."""
        raise NotImplementedError

    def keep_word(self, sit: Situation) -> float:
        """Weight of the cost of breaking an agreement (1: its full cost)."""
        return self.KEEP_WORD

    def respond(self, move: Move) -> float:
        """Preference among the responses to a crossed red line (higher is preferred)."""
        return move.escalation

    def may_break(self, option: MoveOption, sit: Situation) -> bool:
        """Whether answering a red line is worth breaking the agreements ``option`` breaks."""
        return self.keep_word(sit) * breach_cost(option, sit) < ignoring_cost(sit)

    # -- hotline

    def choose_messages(self, view: ActorView, rng: random.Random) -> list[Message]:
        sit = read_situation(view)
        temper = self.temper
        book = LazyLedger(sit, temper)
        messages = [
            talk.answer(sit, temper, book.get(), envelope, rng, self.margin(sit, envelope.received(), book.get()))
            for envelope in view.pending_proposals()
            if envelope.message.sender in sit.reachable
        ]
        messages += self.initiatives(sit, temper, book, rng)
        if not messages and rng.random() < temper.speak:
            said = talk.statement(sit, temper, rng)
            messages += [said] if said else []
        return messages

    def margin(self, sit: Situation, proposal: Message, book: Ledger) -> float:
        """The least ``proposal`` must be worth to be accepted."""
        return self.temper.accept_margin

    def initiatives(self, sit: Situation, temper: Temper, book: LazyLedger, rng: random.Random) -> list[Message]:
        """Messages of its own: proposals, assurances, threats, ultimatums, each with its chance."""
        out = []
        if rng.random() < temper.propose:
            out.append(talk.proposal(sit, temper, book.get(), rng))
        if rng.random() < temper.assure:
            out.append(talk.assurance(sit, temper, rng))
        if rng.random() < temper.threaten:
            out.append(talk.threat(sit, temper, rng))
        if rng.random() < temper.ultimatum:
            out.append(talk.ultimatum(sit, temper, book.get(), rng))
        return [m for m in out if m is not None]


@lru_cache(maxsize=64)
def fixed_terms(doctrine: Doctrine, scenario: LoadedScenario) -> Mapping[str, float]:
    """``doctrine.fixed_terms(scenario)`` (a doctrine holds nothing but its class's constants).

    Removing the cache: 19.6 -> 17.1 Cuban games/s, one process, median of 5.
    """
    return doctrine.fixed_terms(scenario)


# ---------------------------------------------------------------- hawk


class Hawk(Doctrine):
    name = "hawk"
    summary = "Escalates to coerce, rarely concedes, honours its red lines, threatens and issues ultimatums."
    FIT = 1.0  # weight of matching the wished-for escalation
    PROVOKED = 1.0  # perceived intent at which it climbs harder and may strike first
    FIRST_BLOW = 2.5  # reluctance to strike an actor that has not provoked it
    DETERRED = 0.4  # how much declared red lines of others weigh
    KEEP_WORD = 0.5  # share of an agreement's worth it weighs before breaking it
    faith = 0.7
    temper = Temper(
        accept_margin=3.0, reliance=1.0, peace_wish=0.15, burden=1.5, threat_fear=0.0, fairness=0.0,
        counter=0.5, propose=0.1, assure=0.0, threaten=0.35, ultimatum=0.2, speak=0.3,
        voice={
            "statement": ("We will not be intimidated. {name} should weigh its next step very carefully.",
                          "Our forces stand ready. Any aggression by {name} will be met with overwhelming strength."),
            "accept": ("We accept. See that {name} keeps its word.",),
            "reject": ("Unacceptable. {name} mistakes our patience for weakness.",),
            "counter": ("Here are our terms.",),
            "proposal": ("Our terms are simple.",),
            "threat": ("Let {name} understand us: if you {move}, we will answer with force.",),
            "ultimatum": ("This is our final word to {name}. Comply by the deadline, or bear the consequences.",),
        },
    )

    def margin(self, sit: Situation, proposal: Message, book: Ledger) -> float:
        """Only clearly favourable deals: at least its fixed margin, and close to the best it could demand."""
        if not proposal.ask:
            return self.temper.accept_margin
        return max(self.temper.accept_margin, ambition(sit, self.temper, book, proposal.sender) - 1.0)

    def plan(self, sit: Situation) -> Plan:
        marks = sit.marks
        provoked = max(sit.hostility.values(), default=0.0) >= self.PROVOKED
        if sit.rung >= marks.war_rung - 1:
            aim = -1.0
        elif sit.rung >= marks.brink:
            aim = 0.0
        elif sit.rung >= marks.brink - 2:
            aim = 1.0
        else:
            aim = 3.0 if provoked else 2.0
        return Plan(aim, _defiant(sit) or sit.adversary, hostile=True, gains=own_gains(sit))

    def score(self, f: Facts, target: str | None, escalation: float, sit: Situation, plan: Plan) -> float:
        value = -self.FIT * abs(escalation - plan.aim) + plan.fixed[f.id]
        value += 0.5 * plan.gains[f.id] + 0.05 * f.harm
        if f.strike and (sit.threat.get(target, 0.0) if target else 0.0) < self.PROVOKED + 0.5:
            value -= self.FIRST_BLOW
        return value


def _defiant(sit: Situation) -> str | None:
    """Someone who turned down my ultimatum or threat lately: the one to make an example of."""
    for envelope in reversed(sit.view.outbox):
        if envelope.message.kind == MessageKind.ULTIMATUM and envelope.status == "rejected" and envelope.turn >= sit.view.turn - 2:
            return envelope.message.recipient
    return None


# ---------------------------------------------------------------- dove


class Dove(Doctrine):
    name = "dove"
    summary = "Preventive diplomacy, confidence building, the hotline and concessions; accepts fair deals."
    FIT = 1.0
    TOLERANCE = 2.0  # perceived intent beyond which it stops giving ground (but still does not escalate)
    CONCEDE = 0.12  # liking for deep de-escalation per point of rung pressure
    DETERRED = 2.0
    KEEP_WORD = 10.0
    temper = Temper(
        accept_margin=-3.0, reliance=0.2, peace_wish=0.6, burden=0.0, threat_fear=1.0, fairness=1.0,
        counter=0.3, propose=0.7, assure=0.5, threaten=0.0, ultimatum=0.0, speak=0.5,
        voice={
            "statement": ("We seek no confrontation with {name}. Let us talk before this goes any further.",
                          "Nobody wins a war. We are ready to meet {name} anywhere, at any time."),
            "accept": ("We accept, gladly. Let this be the first step back from the brink.",),
            "reject": ("We cannot accept this as it stands, but our door remains open.",),
            "counter": ("We are close. Could {name} accept this instead?",),
            "proposal": ("In the interest of peace we propose the following.",),
            "assurance": ("As a sign of good faith we assure {name} that we will not {move}.",),
        },
    )

    def plan(self, sit: Situation) -> Plan:
        provoked = max(sit.hostility.values(), default=0.0) > self.TOLERANCE
        if provoked:
            return Plan(0.0, sit.partner or sit.adversary, gains=own_gains(sit))
        return Plan(-2.0, sit.partner or sit.adversary, baseline=self.CONCEDE * pressure(sit), gains=own_gains(sit))

    def score(self, f: Facts, target: str | None, escalation: float, sit: Situation, plan: Plan) -> float:
        value = -self.FIT * abs(escalation - plan.aim) + plan.fixed[f.id]
        value += 0.8 * plan.gains[f.id] + 0.03 * f.trust
        if escalation <= -2:
            value += plan.baseline
        return value

    def respond(self, move: Move) -> float:
        return -move.escalation  # the mildest answer that keeps its word


# ---------------------------------------------------------------- tit for tat


class TitForTat(Doctrine):
    name = "tit_for_tat"
    summary = "Opens cooperatively, then mirrors the escalation it perceived from each opponent; forgives cooperation."
    FIT = 1.5
    AIM_AT = 0.8  # liking for aiming a retaliation at the offender itself
    DETERRED = 1.0
    KEEP_WORD = 3.0  # while the other side keeps its own word
    jitter = 0.2
    temper = Temper(
        accept_margin=0.0, reliance=0.6, peace_wish=0.4, burden=0.5, threat_fear=0.5, fairness=0.5,
        counter=0.5, propose=0.3, assure=0.0, threaten=0.0, ultimatum=0.0, speak=0.3,
        voice={
            "statement": ("We will answer {name} in kind: restraint with restraint, pressure with pressure.",),
            "accept": ("Agreed. We will keep our side as long as {name} keeps its own.",),
            "reject": ("Not on these terms.",),
            "counter": ("A fair exchange would look like this.",),
            "proposal": ("We offer a fair exchange.",),
            "assurance": ("You have our word in return: we will not {move}.",),
            "threat": ("As you threaten us, so we warn you: if you {move}, we will answer in kind.",),
        },
    )

    def plan(self, sit: Situation) -> Plan:
        if not any(sit.last_seen.values()) and not sit.view.perceived_history:
            return Plan(-1.0, sit.adversary, gains=own_gains(sit))  # the cooperative opening
        culprit = max(sit.last_seen, key=sit.last_seen.__getitem__, default=None)
        if culprit is not None and sit.last_seen[culprit] > ESCALATION_SEEN:
            aim = min(3.0, max(1.0, round(sit.last_seen[culprit])))
            if sit.rung >= sit.marks.brink:
                aim = 0.0  # at the brink it answers in words, not blows
            elif sit.rung >= sit.marks.brink - 2:
                aim = min(aim, 1.0)
            return Plan(aim, culprit, hostile=True, gains=own_gains(sit))
        friend = min(sit.last_seen, key=sit.last_seen.__getitem__, default=None)
        generous = friend is not None and sit.last_seen[friend] < -1.5
        focus = friend if friend is not None and sit.last_seen[friend] < -ESCALATION_SEEN else sit.adversary
        return Plan(-2.0 if generous else -1.0, focus, gains=own_gains(sit))

    def score(self, f: Facts, target: str | None, escalation: float, sit: Situation, plan: Plan) -> float:
        value = -self.FIT * abs(escalation - plan.aim) + 0.4 * plan.gains[f.id]
        if plan.hostile:
            return value + (self.AIM_AT if target == plan.focus else 0.0)
        return value + plan.fixed[f.id]

    def keep_word(self, sit: Situation) -> float:
        """It keeps its word while the others keep theirs."""
        return self.KEEP_WORD if not _betrayed(sit) else 0.3

    def margin(self, sit: Situation, proposal: Message, book: Ledger) -> float:
        """Reciprocity at the table too: harder on whoever escalated last turn, easier on a cooperator."""
        seen = sit.last_seen.get(proposal.sender, 0.0)
        return self.temper.accept_margin + (2.0 if seen > ESCALATION_SEEN else -1.0 if seen < -ESCALATION_SEEN else 0.0)

    def initiatives(self, sit: Situation, temper: Temper, book: LazyLedger, rng: random.Random) -> list[Message]:
        """Besides the odd proposal, mirror what came over the line: a threat for a threat, a promise for a promise."""
        out: list[Message | None] = [*super().initiatives(sit, temper, book, rng)]
        recent = [e.received() for e in sit.view.inbox if e.turn >= sit.view.turn - 1]
        threatened = {m.sender for m in recent if m.kind in (MessageKind.THREAT, MessageKind.ULTIMATUM)}
        assured = {m.sender for m in recent if m.kind == MessageKind.ASSURANCE}
        for other in sorted(threatened):
            out.append(talk.threat(sit, temper, rng, to=other))
        for other in sorted(assured - threatened):
            out.append(talk.assurance(sit, temper, rng, to=other))
        return [m for m in out if m is not None]


def _betrayed(sit: Situation) -> bool:
    return any(a.status == "broken" and a.broken_by not in (None, sit.me) for a in sit.view.agreements)


# ---------------------------------------------------------------- calculator


class Calculator(Doctrine):
    name = "calculator"
    summary = "Plays the move of best expected value: objectives, stats, war risk, deterrence, agreements."
    LOOKAHEAD = 1.0  # how much of my escalation I expect to come back at me next turn, from a side of middling credibility
    CALM = 0.25  # points per rung above the defused line (drift, and the defused outcome's reward)
    COERCE = 0.03  # points per point of harm to the target's stats
    GOODWILL = 0.02  # points per point of the target's trust gained
    PATIENCE = 8.0  # how far below its own best draft it will settle, as time runs out and the ladder climbs
    jitter = 0.15
    temper = Temper(
        accept_margin=0.5, reliance=0.7, peace_wish=0.2, burden=0.5, threat_fear=0.7, fairness=0.2,
        counter=0.6, propose=0.4, assure=0.15, threaten=0.1, ultimatum=0.0, speak=0.2,
        voice={
            "statement": ("Our position is measured. We are ready to discuss terms that serve both sides.",),
            "accept": ("These terms are acceptable.",),
            "reject": ("These terms do not serve our interests.",),
            "counter": ("We could agree to the following.",),
            "proposal": ("We propose a practical arrangement.",),
            "assurance": ("We have no intention to {move}, and we say so plainly.",),
            "threat": ("Be clear about the costs: if you {move}, we will respond.",),
        },
    )

    def plan(self, sit: Situation) -> Plan:
        return Plan(0.0, sit.adversary, baseline=self._ladder(expected_rung(0.0, sit), sit), gains=own_gains(sit),
                    by_escalation={})

    def score(self, f: Facts, target: str | None, escalation: float, sit: Situation, plan: Plan) -> float:
        value = self._rung_value(escalation, sit, plan)
        if f.id in sit.stakes.objective_moves:
            value += plan.gains[f.id] + objective_gain(f, sit)
        else:
            value += plan.gains[f.id]  # objective_gain is nothing for a move no objective of mine mentions
        if target is not None:
            value += plan.fixed[f.id]
        return value

    def fixed_terms(self, scenario: LoadedScenario) -> Mapping[str, float]:
        """Move id -> what a targeted move's harm and goodwill are worth (added only when it has a target)."""
        return MappingProxyType({move_id: self.COERCE * f.harm + self.GOODWILL * f.trust
                                 for move_id, f in facts(scenario).items()})

    def margin(self, sit: Situation, proposal: Message, book: Ledger) -> float:
        """Nearly as much as the best deal it could draft itself; time and a rising ladder wear that down.

        A deal that asks nothing of it is taken whenever it is worth the
        margin: accepting spends none of its bargaining chips.
        """
        if not proposal.ask:
            return self.temper.accept_margin
        left = 1 - sit.view.turn / sit.view.turns
        calm = max(0.0, 1 - pressure(sit) / 6)
        slack = 1 + self.PATIENCE * (1 - left * calm)
        return max(self.temper.accept_margin, ambition(sit, self.temper, book, proposal.sender) - slack)

    def _rung_value(self, escalation: float, sit: Situation, plan: Plan) -> float:
        """The part of a move's value that depends only on its escalation: where the ladder goes.

        Worked out once per escalation and decision, as many moves share one:
        the plan's ``by_escalation`` holds these values for the decision.
        """
        known = plan.by_escalation
        if known is not None and escalation in known:
            return known[escalation]
        next_rung = expected_rung(escalation, sit)
        value = self._ladder(next_rung + self._answered(sit) * escalation / 2, sit) - plan.baseline
        if next_rung <= sit.marks.defused_at:
            value += OUTCOME_POINTS[OutcomeKind.DEFUSED] / 2
        if known is not None:
            known[escalation] = value
        return value

    def _answered(self, sit: Situation) -> float:
        """How much of my escalation I expect to come back at me: ``LOOKAHEAD`` at my adversary's word
        worth 50, more if it has kept its word, less once it let a crossed line pass (a bluff called
        invites the next probe)."""
        adversary = next((o for o in sit.view.others if o.id == sit.adversary), None)
        credibility = adversary.public_stats.get("credibility", 50) if adversary else 50
        return self.LOOKAHEAD * credibility / 50

    def _ladder(self, rung: float, sit: Situation) -> float:
        return -war_risk(rung, sit) - self.CALM * max(0.0, rung - sit.marks.defused_at)


DOCTRINES: dict[str, Doctrine] = {d.name: d for d in (Hawk(), Dove(), TitForTat(), Calculator())}
