"""Valuing deals: what each term of the scenario is worth to me now, and what a package of them is worth.

A deal is valued from the scenario's public terms: what each term is worth
to me when agreed (``term.value`` plus the objectives of mine it would meet,
asked of my own conditions through ``ViewEnv``), what committing to it
would cost me (the hard moves it forbids, the move it requires), how far I
believe the other side's promises (my trust in it), whether it would settle
the crisis, and how badly I want out at the rung I perceive. A doctrine's
``Temper`` says how it weighs each of these.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from wargame.ai.beliefs import ViewEnv
from wargame.ai.facts import Facts, Linked, facts, stakes
from wargame.ai.scoring import own_gain, war_risk
from wargame.ai.situation import Situation
from wargame.engine.adjudication import HARDSHIP_BELOW
from wargame.engine.outcomes import OUTCOME_POINTS
from wargame.engine.phases import OutcomeKind
from wargame.scenario.conditions import Condition
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import Term

HARD_MOVE = 3  # escalation from which giving up a move counts as a real burden

Package = tuple[tuple[str, ...], tuple[str, ...]]  # (my commitments, the other side's)
Draft = tuple[tuple[str, ...], tuple[str, ...], float]  # a package and its value to me


@dataclass(frozen=True)
class Temper:
    """How a doctrine bargains; values are in score points unless said otherwise."""

    accept_margin: float  # a deal must be worth at least this to be accepted
    reliance: float  # 0: takes promises at face value .. 1: discounts them fully by distrust
    peace_wish: float  # how much a higher rung makes any agreement attractive
    burden: float  # cost of each hard move a commitment would forbid me
    threat_fear: float  # weight of an ultimatum's stated consequence
    fairness: float  # weight of the other side's gain when drafting a proposal
    counter: float  # chance of countering, rather than rejecting, a deal it dislikes
    propose: float  # chance per hotline phase of drafting a proposal
    assure: float  # chance per hotline phase of giving an assurance
    threaten: float  # chance per hotline phase of drawing a red line by threat
    ultimatum: float  # chance per hotline phase of issuing an ultimatum
    speak: float  # chance of a plain statement when nothing else was said
    voice: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # texts by message kind


# ---------------------------------------------------------------- the terms, as they stand all game


class TermFacts(NamedTuple):
    """What one actor's ledger needs of a term that never changes during a game."""

    term: Term
    mine: bool  # I may commit to it
    value: float  # ``term.value`` to me
    hard: int  # hard moves of mine it forbids
    requires: Facts | None  # the move it requires of me, if the scenario knows it
    linked: Linked  # objectives of mine that ask whether it is agreed


class Side(NamedTuple):
    """A term one of us may commit to, as a package item between me and one other actor."""

    term: str
    mine: bool  # I may commit to it
    theirs: bool  # they may
    worth: int  # ``term.value`` to them
    settling: bool  # mentioned by the settlement condition


@dataclass(frozen=True)
class TermTable:
    """The scenario's terms as one actor sees them, whatever the turn: read once per scenario and actor.

    Valuing the terms each turn (``ledger``) and searching packages
    (``packages.draft``) then only add what changes: agreements in force,
    objectives met, my stats, trust, the rung.
    """

    terms: dict[str, Term]
    rows: tuple[TermFacts, ...]
    settlement: Condition | None
    settling: frozenset[str]  # terms the settlement condition mentions
    sides: dict[str, tuple[Side, ...]]  # per other actor, the terms either of us may commit to (in ``rows`` order)


@lru_cache(maxsize=64)
def term_table(scenario: LoadedScenario, actor: str) -> TermTable:
    """The scenario's terms as ``actor`` sees them.

    Kept per scenario and actor: every hotline decision values every term
    (removing the cache: 19.6 -> 17.8 Cuban games/s, one process, median of 5).
    """
    known = facts(scenario)
    hard = frozenset(m.id for m in scenario.moves_for(actor) if m.escalation >= HARD_MOVE)
    linked = stakes(scenario, actor).objective_terms
    rows = tuple(
        TermFacts(
            term,
            may_commit(term, actor),
            float(term.value.get(actor, 0)),
            sum(1 for m in term.forbids if m in hard),
            known.get(term.requires.move) if term.requires else None,
            linked.get(term.id, ()),
        )
        for term in scenario.spec.terms
    )
    settlement = scenario.condition("settlement")
    settling = settlement.references.terms if settlement is not None else frozenset()
    sides = {
        other: tuple(
            Side(t.id, may_commit(t, actor), may_commit(t, other), t.value.get(other, 0), t.id in settling)
            for t in scenario.spec.terms if may_commit(t, actor) or may_commit(t, other)
        )
        for other in scenario.actor_ids if other != actor
    }
    return TermTable({t.id: t for t in scenario.spec.terms}, rows, settlement, settling, sides)


# ---------------------------------------------------------------- the ledger of terms


@dataclass
class Ledger:
    """The terms as I value them this turn."""

    terms: dict[str, Term]
    agreed: frozenset[str]
    gain: dict[str, float]  # to me when agreed, whoever commits
    burden: dict[str, float]  # to me if I commit to it (only terms I may commit to: nothing asks about the others)
    env: ViewEnv
    settlement: Condition | None
    settled_now: bool
    table: TermTable  # what the gains and burdens were worked out from
    drafts: dict[tuple[str, frozenset[Package]], Draft | None] = field(default_factory=dict)
    """The best package for another actor with some packages refused, as ``packages`` finds it (for this decision)."""
    _settles: dict[frozenset[str], bool] = field(default_factory=dict)

    def settles(self, terms: frozenset[str], both_commit: bool) -> bool:
        """Would agreeing these terms settle the crisis (by the scenario's condition)?"""
        if self.settlement is None:
            return both_commit
        if self.settled_now or not terms & self.settlement.references.terms:
            return False
        found = self._settles.get(terms)
        if found is None:
            found = self._settles[terms] = self.settlement.evaluate(self.env.with_(extra_terms=terms))
        return found


class LazyLedger:
    """The ledger of one hotline decision, worked out on first use: most hotline phases need none."""

    def __init__(self, sit: Situation, temper: Temper):
        self.sit, self.temper = sit, temper

    @cached_property
    def book(self) -> Ledger:
        return ledger(self.sit, self.temper)

    def get(self) -> Ledger:
        return self.book


def ledger(sit: Situation, temper: Temper) -> Ledger:
    """Value every term for me now.

    A term's gain is its ``value`` for me plus the weight of my objectives
    it would meet on its own (one term at a time; the settlement, which
    usually takes several, is valued per package by ``Ledger.settles``).
    Its burden, if I commit, is the hard moves it forbids me and what the
    move it requires would cost me. What never changes comes from the
    scenario's ``term_table``.
    """
    view = sit.view
    env = sit.env
    table = term_table(view.scenario, view.actor)
    agreed = frozenset(t for a in view.agreements if a.in_force for t in a.terms)
    gain: dict[str, float] = {}
    burden: dict[str, float] = {}
    met: dict[str, bool] = {}  # by objective id: my objectives met now, asked once however many terms they mention
    for row in table.rows:
        term_id = row.term.id
        value = row.value
        if row.linked and term_id not in agreed:
            after = env.with_(extra_terms=frozenset((term_id,)))
            for objective, condition in row.linked:
                if objective.id not in met:
                    met[objective.id] = condition.evaluate(env)
            value += sum(o.weight * (c.evaluate(after) - met[o.id]) for o, c in row.linked)
        gain[term_id] = value
        if row.mine:
            cost = temper.burden * row.hard
            if row.requires is not None:
                cost -= min(0.0, own_gain(row.requires, sit))
            burden[term_id] = cost
    settlement = table.settlement
    settled_now = bool(settlement and settlement.evaluate(env))
    return Ledger(table.terms, agreed, gain, burden, env, settlement, settled_now, table)


def may_commit(term: Term, actor: str) -> bool:
    return not term.by or actor in term.by


def trust_in(sit: Situation, other: str) -> int:
    trust: int = sit.view.trust_in.get(other, 50)
    return trust


def pressure(sit: Situation) -> float:
    """How hard the crisis presses me, 0 (calm) to 10: how far up the ladder it is (at war's door: 10),
    and how far my economy has sunk into hardship (``adjudication.HARDSHIP_BELOW``), whichever is worse."""
    marks = sit.marks
    span = max(1, marks.war_rung - marks.defused_at)
    ladder = 10 * max(0, sit.rung - marks.defused_at) / span
    hardship = max(0, HARDSHIP_BELOW - sit.view.stats["economy"]) / 3
    return min(10.0, max(ladder, hardship))


def keepable(sit: Situation, book: Ledger, mine: tuple[str, ...]) -> bool:
    """Whether I can carry out every move my side of a deal requires: each a move I may play at all, and one a
    turn from this one (the agreement's turn counts, as the engine counts it), each by its due turn."""
    due: dict[str, int] = {}  # move -> turns it leaves me; one play keeps every term that requires that move
    for term_id in mine:
        wanted = book.terms[term_id].requires
        if wanted is None:
            continue
        if sit.view.option(wanted.move) is None:
            return False  # a move this side may never play
        due[wanted.move] = min(due.get(wanted.move, wanted.within), wanted.within)
    return all(within >= rank for rank, within in enumerate(sorted(due.values()), start=1))


def reliability(sit: Situation, temper: Temper, other: str) -> float:
    """How far I count on ``other``'s promises: distrust discounts them, by temper."""
    return 1 - temper.reliance * (1 - trust_in(sit, other) / 100)


def deal_value(sit: Situation, temper: Temper, book: Ledger, other: str,
               theirs: tuple[str, ...], mine: tuple[str, ...]) -> float:
    """What a deal is worth to me: ``theirs`` are the other side's commitments, ``mine`` my own.

    A deal I could not keep is worth nothing at any price (minus infinity):
    a computer player never promises what it cannot carry out (``keepable``).
    """
    if not keepable(sit, book, mine):
        return -math.inf
    trusted = reliability(sit, temper, other)
    union = frozenset(theirs) | frozenset(mine)
    total = 0.0
    for t in union - book.agreed:
        gain = book.gain[t]
        if t not in mine and gain > 0:
            gain *= trusted
        total += gain
    total -= sum(book.burden[t] for t in mine)
    if book.settles(union, bool(theirs) and bool(mine)):
        total += OUTCOME_POINTS[OutcomeKind.SETTLED] + war_risk(sit.rung + 2, sit) * trusted
    return total + temper.peace_wish * pressure(sit)


