"""Hotline talk for computer players: valuing deals, answering, proposing, promising, threatening.

A deal is valued from the scenario's public terms: what each term is worth
to me when agreed (``term.value`` plus the objectives of mine it would meet,
asked of my own conditions through ``ViewEnv``), what committing to it
would cost me (the hard moves it forbids, the move it requires), how far I
believe the other side's promises (my trust in it), whether it would settle
the crisis, and how badly I want out at the rung I perceive. A doctrine's
``Temper`` turns that value into accept / reject / counter and decides how
often it proposes, assures, threatens or speaks. Every message produced
here passes ``hotline.check_message``: terms respect ``term.by``, answers go
to the sender, nothing goes over a severed channel.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations
from typing import NamedTuple

from wargame.ai.beliefs import ViewEnv
from wargame.ai.scoring import Facts, Situation, facts, own_gain, stakes, war_risk
from wargame.engine.decisions import Message
from wargame.engine.hotline import MAX_TEXT
from wargame.engine.outcomes import OUTCOME_POINTS
from wargame.engine.records import Envelope
from wargame.scenario.conditions import Condition
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import Move, Term

HARD_MOVE = 3  # escalation from which giving up a move counts as a real burden
MAX_PACKAGE = 3  # items in a drafted proposal
MAX_ITEMS = 7  # terms considered when drafting (keeps the search to at most 63 packages)
HOSTILE = 0.5  # threat (perceived intent plus standing quarrel) that makes an actor an adversary


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
    linked: tuple  # (objective, Condition) pairs of mine that ask whether it is agreed


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
    (``_best_package``) then only add what changes: agreements in force,
    objectives met, my stats, trust, the rung.
    """

    terms: dict[str, Term]
    rows: tuple[TermFacts, ...]
    settlement: Condition | None
    settling: frozenset[str]  # terms the settlement condition mentions
    sides: dict[str, tuple[Side, ...]]  # per other actor, the terms either of us may commit to (in ``rows`` order)


@lru_cache(maxsize=64)
def term_table(scenario: LoadedScenario, actor: str) -> TermTable:
    known = facts(scenario)
    hard = _hard_moves(scenario, actor)
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
    _settles: dict[frozenset[str], bool] = field(default_factory=dict)
    _drafts: dict = field(default_factory=dict)  # _best_package's answers, by other (nothing refused) or (other, refused)

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
    """The ledger, worked out on first use: most hotline phases need none."""

    __slots__ = ("_book", "sit", "temper")

    def __init__(self, sit: Situation, temper: Temper):
        self.sit, self.temper, self._book = sit, temper, None

    def get(self) -> Ledger:
        if self._book is None:
            self._book = ledger(self.sit, self.temper)
        return self._book


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
    env = ViewEnv(view)
    table = term_table(view.scenario, view.actor)
    agreed = frozenset(t for a in view.agreements if a.in_force for t in a.terms)
    gain, burden = {}, {}
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


_HARD: dict[tuple[str, str], frozenset[str]] = {}


def _hard_moves(scenario, actor: str) -> frozenset[str]:
    """The actor's moves heavy enough that promising not to play them is a real burden."""
    key = (scenario.digest, actor)
    if key not in _HARD:
        _HARD[key] = frozenset(m.id for m in scenario.moves_for(actor) if m.escalation >= HARD_MOVE)
    return _HARD[key]


def may_commit(term: Term, actor: str) -> bool:
    return not term.by or actor in term.by


def trust_in(sit: Situation, other: str) -> int:
    return sit.view.trust_in.get(other, 50)


def reachable(sit: Situation) -> tuple[str, ...]:
    """Others I can talk to, most threatening first (worked out once per decision)."""
    found = sit.memo.get("reachable")
    if found is None:
        open_ = [o.id for o in sit.view.others if o.channel != "severed"]
        found = sit.memo["reachable"] = tuple(sorted(open_, key=lambda o: -sit.threat.get(o, 0.0)))
    return found


def adversaries(sit: Situation) -> tuple[str, ...]:
    """Reachable actors threatening enough to warrant threats and ultimatums."""
    found = sit.memo.get("adversaries")
    if found is None:
        found = sit.memo["adversaries"] = tuple(o for o in reachable(sit) if sit.threat.get(o, 0.0) >= HOSTILE)
    return found


def pressure(sit: Situation) -> float:
    """How far up the ladder the crisis is, 0 (calm) to 10 (at war's door)."""
    marks = sit.marks
    span = max(1, marks.war_rung - marks.defused_at)
    return 10 * max(0, sit.rung - marks.defused_at) / span


def _reliability(sit: Situation, temper: Temper, other: str) -> float:
    """How far I count on ``other``'s promises: distrust discounts them, by temper."""
    return 1 - temper.reliance * (1 - trust_in(sit, other) / 100)


def deal_value(sit: Situation, temper: Temper, book: Ledger, other: str,
               theirs: tuple[str, ...], mine: tuple[str, ...]) -> float:
    """What a deal is worth to me: ``theirs`` are the other side's commitments, ``mine`` my own."""
    reliability = _reliability(sit, temper, other)
    union = frozenset(theirs) | frozenset(mine)
    total = 0.0
    for t in union - book.agreed:
        gain = book.gain[t]
        if t not in mine and gain > 0:
            gain *= reliability
        total += gain
    total -= sum(book.burden[t] for t in mine)
    if book.settles(union, bool(theirs) and bool(mine)):
        total += OUTCOME_POINTS["settled"] + war_risk(sit.rung + 2, sit) * reliability
    return total + temper.peace_wish * pressure(sit)


# ---------------------------------------------------------------- answering


def answer(sit: Situation, temper: Temper, book: Ledger, envelope: Envelope,
           rng: random.Random, margin: float) -> Message:
    """Accept, reject or counter one pending proposal, counter or ultimatum."""
    m = envelope.received()
    value = deal_value(sit, temper, book, m.sender, m.offer, m.ask)
    if m.kind == "ultimatum":
        value += temper.threat_fear * _consequence(sit, m.sender, m.move)
    if value >= margin:
        return _reply(sit, temper, envelope, "accept", rng)
    if m.kind != "ultimatum" and rng.random() < temper.counter:
        better = _improve(sit, temper, book, m.sender, m.offer, m.ask, margin) or draft(sit, temper, book, m.sender)
        if better is not None and better != (m.ask, m.offer):
            offer, ask = better
            return _reply(sit, temper, envelope, "counter", rng, offer=offer, ask=ask)
    return _reply(sit, temper, envelope, "reject", rng)


def _consequence(sit: Situation, sender: str, move_id: str | None) -> float:
    """How much the stated consequence of an ultimatum is to be feared."""
    move = sit.view.scenario.moves.get(move_id or "")
    owner = next((o for o in sit.view.others if o.id == sender), None)
    if move is None or owner is None:
        return 0.0
    belief = owner.public_stats.get("credibility", 50) / 100
    return max(0, move.escalation) * belief * 2


def _improve(sit, temper, book, other, original_theirs, original_mine, margin):
    """A counter: drop my costliest commitment, ask one more term I want; None if still not worth it."""
    mine, theirs = list(original_mine), list(original_theirs)
    worst = max(mine, key=lambda t: book.burden[t] - book.gain[t], default=None)
    if worst is not None and book.burden[worst] - book.gain[worst] > 0:
        mine.remove(worst)
    wanted = [t for t in book.terms.values() if may_commit(t, other) and t.id not in theirs
              and t.id not in book.agreed and book.gain[t.id] > 0]
    if wanted:
        theirs.append(max(wanted, key=lambda t: book.gain[t.id]).id)
    if (tuple(mine), tuple(theirs)) == (original_mine, original_theirs) or not (mine or theirs):
        return None
    if deal_value(sit, temper, book, other, tuple(theirs), tuple(mine)) < margin:
        return None
    return tuple(mine), tuple(theirs)


def _reply(sit, temper, envelope, kind, rng, offer=(), ask=()) -> Message:
    return Message(sit.me, envelope.message.sender, kind, _say(temper, kind, rng, envelope.message.sender, sit),
                   offer=offer, ask=ask, reply_to=envelope.id)


# ---------------------------------------------------------------- proposing


def draft(sit: Situation, temper: Temper, book: Ledger, other: str,
          ignore_refusals: bool = False) -> tuple[tuple, tuple] | None:
    """The package of terms I would put to ``other``: (my commitments, its commitments), or None."""
    best = _best_package(sit, temper, book, other, set() if ignore_refusals else _recently_refused(sit, other))
    return best[:2] if best else None


def ambition(sit: Situation, temper: Temper, book: Ledger, other: str) -> float:
    """What the best deal I could draft for ``other`` would be worth to me (my margin if none)."""
    best = _best_package(sit, temper, book, other, set())
    return best[2] if best else temper.accept_margin


def _best_package(sit, temper, book, other, refused) -> tuple[tuple, tuple, float] | None:
    """Search packages of up to ``MAX_PACKAGE`` terms: worth my margin to me, not a loss to them.

    The ledger remembers the best package for ``other`` with nothing
    refused (a margin, then a counter or a proposal, in one hotline phase;
    a ledger serves one situation and temper). It is also the best of those
    not refused lately unless it was itself refused: the search runs again
    only then.
    """
    best = book._drafts.get(other, _UNSEARCHED)
    if best is _UNSEARCHED:
        best = book._drafts[other] = _search_packages(sit, temper, book, other, frozenset())
    if best is None or best[:2] not in refused:
        return best
    key = (other, frozenset(refused))
    if key not in book._drafts:
        book._drafts[key] = _search_packages(sit, temper, book, other, refused)
    return book._drafts[key]


_UNSEARCHED = object()


def _package_items(book: Ledger, other: str, reliability: float) -> tuple[list[Side], list[float]]:
    """The terms worth putting in a package for ``other``, and their value to me (the sums ``deal_value`` makes).

    Items that help neither side and touch no settlement term are left out;
    of more than ``MAX_ITEMS``, every settlement term and the most valuable to either side are kept.
    """
    agreed, gain, burden = book.agreed, book.gain, book.burden
    items, values = [], []
    for side in book.table.sides[other]:
        term_id = side.term
        if term_id in agreed:
            continue
        value = gain[term_id]
        if side.mine:
            value -= burden[term_id]
        elif value > 0:
            value *= reliability  # their promise, discounted by my distrust
        if value <= 0 and side.worth <= 0 and not side.settling:
            continue
        items.append(side)
        values.append(value)
    if len(items) > MAX_ITEMS:
        kept = sorted(range(len(items)), key=lambda i: (not items[i].settling, -max(values[i], items[i].worth)))
        kept = kept[:MAX_ITEMS]
        items, values = [items[i] for i in kept], [values[i] for i in kept]
    return items, values


def _search_packages(sit, temper, book, other, refused) -> tuple[tuple, tuple, float] | None:
    """Every package of the items, in ``_packages`` order: the first of the best score that was not refused lately.

    A package's value is the sum of its items plus the settlement bonus;
    each package's sums extend those of the package it grows from by one
    item, added in the same order as item by item.
    """
    reliability = _reliability(sit, temper, other)
    items, values = _package_items(book, other, reliability)
    base = temper.peace_wish * pressure(sit)
    bonus = OUTCOME_POINTS["settled"] + war_risk(sit.rung + 2, sit) * reliability
    default_settles = book.settlement is None
    settles: dict[int, bool] = {0: False}  # by the settlement items in a package, as a bit mask
    sums: list[tuple[float, float, bool, bool, int]] = []  # per package: my value, theirs, offers, asks, settlement mask
    best, best_score = None, None
    for combo, parent, last in _packages(len(items)):
        item = items[last]
        my_value, their_value, offers, asks, mask = sums[parent] if parent >= 0 else (base, 0.0, False, False, 0)
        my_value += values[last]
        their_value += item.worth
        offers |= item.mine
        asks |= item.theirs
        if item.settling:
            mask |= 1 << last
        sums.append((my_value, their_value, offers, asks, mask))
        if default_settles:
            settled = offers and asks
        else:
            settled = settles.get(mask)
            if settled is None:
                terms = frozenset(item.term for i, item in enumerate(items) if mask >> i & 1)
                settled = settles[mask] = book.settles(terms, True)
        if settled:
            my_value += bonus
            their_value += OUTCOME_POINTS["settled"]
        if my_value < temper.accept_margin or their_value < 0:
            continue
        score = my_value + temper.fairness * min(my_value, their_value) - 0.3 * len(combo)
        if best_score is not None and score <= best_score:
            continue
        offer = tuple(items[i].term for i in combo if items[i].mine)
        ask = tuple(items[i].term for i in combo if items[i].theirs)
        if (offer, ask) not in refused:
            best, best_score = (offer, ask, my_value), score
    return best


@cache
def _combinations(n: int) -> tuple[tuple[int, ...], ...]:
    return tuple(c for size in range(1, min(MAX_PACKAGE, n) + 1) for c in combinations(range(n), size))


@cache
def _packages(n: int) -> tuple[tuple[tuple[int, ...], int, int], ...]:
    """The packages of ``n`` items (``_combinations``), each with the index of the one it grows from (-1: none) and the item it adds."""
    index = {combo: i for i, combo in enumerate(_combinations(n))}
    return tuple((combo, index.get(combo[:-1], -1), combo[-1]) for combo in _combinations(n))


def _recently_refused(sit: Situation, other: str) -> set[tuple[tuple, tuple]]:
    return {
        (e.message.offer, e.message.ask)
        for e in sit.view.outbox
        if e.message.recipient == other and e.status in ("rejected", "countered", "expired")
        and e.turn >= sit.view.turn - 2
    }


def awaiting(sit: Situation, other: str, kinds=("proposal", "counter", "ultimatum")) -> bool:
    """Do I already have an open proposal (or ultimatum) with ``other``?"""
    return any(e.message.recipient == other and e.status == "pending" and e.message.kind in kinds
               for e in sit.view.outbox)


def proposal(sit: Situation, temper: Temper, book: Ledger, rng: random.Random) -> Message | None:
    """A proposal to the most threatening actor I can reach and have no open proposal with."""
    for other in reachable(sit):
        if awaiting(sit, other):
            continue
        package = draft(sit, temper, book, other)
        if package:
            offer, ask = package
            text = _say(temper, "proposal", rng, other, sit) + " " + _terms_text(book, offer, ask)
            return Message(sit.me, other, "proposal", text[:MAX_TEXT], offer=offer, ask=ask)
        return None  # one draft a turn
    return None


def _terms_text(book: Ledger, offer, ask) -> str:
    parts = []
    if offer:
        parts.append("We will: " + "; ".join(_lower(book.terms[t].text) for t in offer) + ".")
    if ask:
        parts.append("You will: " + "; ".join(_lower(book.terms[t].text) for t in ask) + ".")
    return " ".join(parts)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


# ---------------------------------------------------------------- promises and threats


def assurance(sit: Situation, temper: Temper, rng: random.Random, to: str | None = None) -> Message | None:
    """Promise my adversary not to play my hardest move I have not yet forsworn."""
    others = adversaries(sit)
    recipient = to if to in reachable(sit) else (others[0] if others else None)
    if recipient is None:
        return None
    forsworn = {f for a in sit.view.agreements if a.in_force and a.parties == (sit.me,)
                for c in a.commitments for f in c.forbids}
    lines = [set(line.response) - forsworn for line in sit.view.my_red_lines if line.status in ("standing", "crossed")]
    hard = [m for m in _moves_for(sit.view.scenario, sit.me)
            if m.escalation >= HARD_MOVE and m.targeted and m.id not in forsworn
            and all(answers - {m.id} for answers in lines if answers)]
    if not hard:
        return None  # it will not promise away the last answer one of its red lines commits it to
    move = max(hard, key=lambda m: m.escalation)
    text = _say(temper, "assurance", rng, recipient, sit).replace("{move}", move.name.lower())
    return Message(sit.me, recipient, "assurance", text, move=move.id)


def threat(sit: Situation, temper: Temper, rng: random.Random, to: str | None = None) -> Message | None:
    """Draw a red line: if the recipient plays its likeliest hard move, I answer with my hardest blow."""
    others = adversaries(sit)
    recipient = to if to in reachable(sit) else (others[0] if others else None)
    if recipient is None:
        return None
    response = _strongest_response(sit, recipient)
    if response is None:
        return None
    drawn = {line.trigger_move for line in sit.view.my_red_lines
             if line.against == recipient and line.status == "standing" and line.trigger_move}
    seen = ViewEnv(sit.view)
    candidates = [m for m in _moves_for(sit.view.scenario, recipient)
                  if m.escalation >= 2 and m.id not in drawn and m.min_rung <= sit.rung + 2 and m.max_rung >= sit.rung]
    if not candidates:
        return None
    trigger = max(candidates, key=lambda m: (seen.played(recipient, m.id, None), m.escalation))
    text = _say(temper, "threat", rng, recipient, sit).replace("{move}", trigger.name.lower())
    return Message(sit.me, recipient, "threat", text, move=response, trigger_move=trigger.id)


def ultimatum(sit: Situation, temper: Temper, book: Ledger, rng: random.Random) -> Message | None:
    """Demand the terms I want most of the most threatening actor, by next turn, or else."""
    for other in adversaries(sit)[:1]:
        if awaiting(sit, other, ("ultimatum",)):
            return None
        wanted = sorted((t for t in book.terms.values() if may_commit(t, other) and t.id not in book.agreed
                         and book.gain[t.id] > 0), key=lambda t: -book.gain[t.id])[:2]
        response = _strongest_response(sit, other)
        if not wanted or response is None:
            return None
        ask = tuple(t.id for t in wanted)
        deadline = min(sit.view.turns, sit.view.turn + 1)
        text = _say(temper, "ultimatum", rng, other, sit) + " " + _terms_text(book, (), ask)
        return Message(sit.me, other, "ultimatum", text[:MAX_TEXT], ask=ask, move=response, deadline=deadline)
    return None


@lru_cache(maxsize=256)
def _moves_for(scenario: LoadedScenario, actor: str) -> tuple[Move, ...]:
    """``scenario.moves_for``, kept: the list never changes during a game."""
    return tuple(scenario.moves_for(actor))


def _strongest_response(sit: Situation, target: str) -> str | None:
    """My hardest move available now against ``target`` (short of the heaviest blows)."""
    options = [o for o in sit.view.options if o.available and not o.breaks and 2 <= o.move.escalation <= 3
               and target in o.targets]
    if not options:
        return None
    # a response that stays available if the ladder drops a little keeps the threat honest
    return max(options, key=lambda o: (o.move.min_rung <= sit.rung - 2, o.move.escalation)).move.id


def statement(sit: Situation, temper: Temper, rng: random.Random) -> Message | None:
    """A word to my main adversary, in the doctrine's voice."""
    others = adversaries(sit)
    if not others or not temper.voice.get("statement"):
        return None
    return Message(sit.me, others[0], "statement", _say(temper, "statement", rng, others[0], sit))


def _say(temper: Temper, kind: str, rng: random.Random, to: str, sit: Situation) -> str:
    lines = temper.voice.get(kind)
    if not lines:
        return ""
    name = next((o.name for o in sit.view.others if o.id == to), to)
    return rng.choice(lines).replace("{name}", name)
