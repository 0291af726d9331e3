"""Hotline talk for computer players: answering, proposing, promising, threatening.

A doctrine's ``Temper`` turns the value of a deal (``ledger``) into
accept / reject / counter and decides how often it proposes, assures,
threatens or speaks. Every message produced here passes
``hotline.check_message``: terms respect ``term.by``, answers go to the
sender, nothing goes over a severed channel.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from wargame.ai.ledger import HARD_MOVE, Ledger, Package, Temper, deal_value, may_commit
from wargame.ai.packages import draft
from wargame.ai.situation import Situation
from wargame.engine.decisions import Message, MessageKind
from wargame.engine.hotline import MAX_TEXT
from wargame.engine.records import EnvelopeSnapshot

Terms = tuple[str, ...]

GOOD_OFFICES = 1.5
"""How much less a deal must be worth to me while a mediator I trust fully is in touch with me (in proportion
to that trust): a go-between vouches for the terms and gives both sides a way to accept without losing face
(docs/model.md, "Third parties")."""


# ---------------------------------------------------------------- answering


def answer(sit: Situation, temper: Temper, book: Ledger, envelope: EnvelopeSnapshot,
           rng: random.Random, margin: float) -> Message:
    """Accept, reject or counter one pending proposal, counter or ultimatum."""
    m = envelope.received()
    value = deal_value(sit, temper, book, m.sender, m.offer, m.ask)
    if m.kind == MessageKind.ULTIMATUM:
        value += temper.threat_fear * _consequence(sit, m.sender, m.move)
    else:
        margin -= GOOD_OFFICES * sit.good_offices
    if value >= margin:
        return _reply(sit, temper, envelope, MessageKind.ACCEPT, rng)
    if m.kind != MessageKind.ULTIMATUM and rng.random() < temper.counter:
        better = _improve(sit, temper, book, m.sender, m.offer, m.ask, margin) or draft(sit, temper, book, m.sender)
        if better is not None and better != (m.ask, m.offer):
            offer, ask = better
            return _reply(sit, temper, envelope, MessageKind.COUNTER, rng, offer=offer, ask=ask)
    return _reply(sit, temper, envelope, MessageKind.REJECT, rng)


def _consequence(sit: Situation, sender: str, move_id: str | None) -> float:
    """How much the stated consequence of an ultimatum is to be feared."""
    move = sit.view.scenario.moves.get(move_id or "")
    owner = next((o for o in sit.view.others if o.id == sender), None)
    if move is None or owner is None:
        return 0.0
    belief = owner.public_stats.get("credibility", 50) / 100
    return max(0, move.escalation) * belief * 2


def _improve(sit: Situation, temper: Temper, book: Ledger, other: str, original_theirs: Terms,
             original_mine: Terms, margin: float) -> Package | None:
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


def _reply(sit: Situation, temper: Temper, envelope: EnvelopeSnapshot, kind: MessageKind, rng: random.Random,
           offer: Terms = (), ask: Terms = ()) -> Message:
    return Message(sit.me, envelope.message.sender, kind, _say(temper, kind, rng, envelope.message.sender, sit),
                   offer=offer, ask=ask, reply_to=envelope.id)


# ---------------------------------------------------------------- proposing


def awaiting(sit: Situation, other: str, kinds: Sequence[str] = (MessageKind.PROPOSAL, MessageKind.COUNTER, MessageKind.ULTIMATUM)) -> bool:
    """Do I already have an open proposal (or ultimatum) with ``other``?"""
    return any(e.message.recipient == other and e.status == "pending" and e.message.kind in kinds
               for e in sit.view.outbox)


def proposal(sit: Situation, temper: Temper, book: Ledger, rng: random.Random) -> Message | None:
    """A proposal to the most threatening actor I can reach and have no open proposal with."""
    for other in sit.reachable:
        if awaiting(sit, other):
            continue
        package = draft(sit, temper, book, other)
        if package:
            offer, ask = package
            text = _say(temper, "proposal", rng, other, sit) + " " + _terms_text(book, offer, ask)
            return Message(sit.me, other, MessageKind.PROPOSAL, text[:MAX_TEXT], offer=offer, ask=ask)
        return None  # one draft a turn
    return None


def _terms_text(book: Ledger, offer: Terms, ask: Terms) -> str:
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
    others = sit.adversaries
    recipient = to if to in sit.reachable else (others[0] if others else None)
    if recipient is None:
        return None
    forsworn = {f for a in sit.view.agreements if a.in_force and a.parties == (sit.me,)
                for c in a.commitments for f in c.forbids}
    lines = [set(line.response) - forsworn for line in sit.view.my_red_lines if line.status in ("standing", "crossed")]
    hard = [m for m in sit.view.scenario.moves_for(sit.me)
            if m.escalation >= HARD_MOVE and m.targeted and m.id not in forsworn
            and all(answers - {m.id} for answers in lines if answers)]
    if not hard:
        return None  # it will not promise away the last answer one of its red lines commits it to
    move = max(hard, key=lambda m: m.escalation)
    text = _say(temper, "assurance", rng, recipient, sit).replace("{move}", move.name.lower())
    return Message(sit.me, recipient, MessageKind.ASSURANCE, text, move=move.id)


def threat(sit: Situation, temper: Temper, rng: random.Random, to: str | None = None) -> Message | None:
    """Draw a red line: if the recipient plays its likeliest hard move, I answer with my hardest blow."""
    others = sit.adversaries
    recipient = to if to in sit.reachable else (others[0] if others else None)
    if recipient is None:
        return None
    response = _strongest_response(sit, recipient)
    if response is None:
        return None
    drawn = {line.trigger_move for line in sit.view.my_red_lines
             if line.against == recipient and line.status == "standing" and line.trigger_move}
    candidates = [m for m in sit.view.scenario.moves_for(recipient)
                  if m.escalation >= 2 and m.id not in drawn and m.min_rung <= sit.rung + 2 and m.max_rung >= sit.rung]
    if not candidates:
        return None
    trigger = max(candidates, key=lambda m: (sit.env.played(recipient, m.id, None), m.escalation))
    text = _say(temper, "threat", rng, recipient, sit).replace("{move}", trigger.name.lower())
    return Message(sit.me, recipient, MessageKind.THREAT, text, move=response, trigger_move=trigger.id)


def ultimatum(sit: Situation, temper: Temper, book: Ledger, rng: random.Random) -> Message | None:
    """Demand the terms I want most of the most threatening actor, by next turn, or else."""
    for other in sit.adversaries[:1]:
        if awaiting(sit, other, (MessageKind.ULTIMATUM,)):
            return None
        wanted = sorted((t for t in book.terms.values() if may_commit(t, other) and t.id not in book.agreed
                         and book.gain[t.id] > 0), key=lambda t: -book.gain[t.id])[:2]
        response = _strongest_response(sit, other)
        if not wanted or response is None:
            return None
        ask = tuple(t.id for t in wanted)
        deadline = min(sit.view.turns, sit.view.turn + 1)
        text = _say(temper, "ultimatum", rng, other, sit) + " " + _terms_text(book, (), ask)
        return Message(sit.me, other, MessageKind.ULTIMATUM, text[:MAX_TEXT], ask=ask, move=response, deadline=deadline)
    return None


def _strongest_response(sit: Situation, target: str) -> str | None:
    """My hardest move available now against ``target`` (short of the heaviest blows)."""
    options = [o for o in sit.view.options if o.available and not o.breaks and 2 <= o.move.escalation <= 3
               and target in o.targets]
    if not options:
        return None
    # a response that stays available if the ladder drops a little keeps the threat honest
    strongest: str = max(options, key=lambda o: (o.move.min_rung <= sit.rung - 2, o.move.escalation)).move.id
    return strongest


def statement(sit: Situation, temper: Temper, rng: random.Random) -> Message | None:
    """A word to my main adversary, in the doctrine's voice."""
    others = sit.adversaries
    if not others or not temper.voice.get("statement"):
        return None
    return Message(sit.me, others[0], MessageKind.STATEMENT, _say(temper, "statement", rng, others[0], sit))


def _say(temper: Temper, kind: str, rng: random.Random, to: str, sit: Situation) -> str:
    lines = temper.voice.get(kind)
    if not lines:
        return ""
    name = next((o.name for o in sit.view.others if o.id == to), to)
    return rng.choice(lines).replace("{name}", name)
