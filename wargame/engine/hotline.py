"""Messages between leaders: delivery, proposals, agreements, threats, ultimatums.

Messages travel only over working channels. A strained channel may delay a
message by a turn or garble it (a garbled promise or threat arrives as
noise); a hotline never does. An accepted proposal becomes an agreement
whose commitments the adjudicator checks every turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from wargame.engine.decisions import Message, MessageKind
from wargame.engine.phases import TurnPhase
from wargame.engine.records import Agreement, Commitment, Envelope, RedLineState
from wargame.errors import IllegalDecision
from wargame.scenario.model import ChannelState

if TYPE_CHECKING:
    from wargame.engine.game import Game

STRAINED_DELAY = 0.25
STRAINED_GARBLE = 0.2
ANSWERS = (MessageKind.ACCEPT, MessageKind.REJECT, MessageKind.COUNTER)
OFFERS = (MessageKind.PROPOSAL, MessageKind.COUNTER, MessageKind.ULTIMATUM)  # the kinds an answer can answer
MAX_TEXT = 1000
MAX_MESSAGES_PER_TURN = 20
"""Most messages a side may send in one turn's hotline: the computer players send at most 5 (shipped
scenarios, 60 seeds each), a team at the keyboard rarely more; without a bound a save could hold
150,000 legal statements and take minutes to replay."""

T = TypeVar("T")


def check_message(game: Game, m: Message) -> None:
    """Refuse a message the rules do not allow, before anything changes."""
    if game.turn_phase != TurnPhase.HOTLINE:
        raise IllegalDecision(f"the hotline is closed during the {game.turn_phase} phase")
    if m.kind not in list(MessageKind):
        raise IllegalDecision(f"unknown message kind '{m.kind}'")
    for who in (m.sender, m.recipient):
        if who not in game.actors:
            raise IllegalDecision(f"unknown actor '{who}'")
    if m.sender == m.recipient:
        raise IllegalDecision("a leader cannot send a message to itself")
    if game.channel(m.sender, m.recipient) == ChannelState.SEVERED:
        raise IllegalDecision(f"the channel between {m.sender} and {m.recipient} is severed")
    if len(m.text) > MAX_TEXT:
        raise IllegalDecision(f"a message holds at most {MAX_TEXT} characters")
    if sent_this_turn(game, m.sender) >= MAX_MESSAGES_PER_TURN:
        raise IllegalDecision(f"{m.sender} has sent {MAX_MESSAGES_PER_TURN} messages this turn, the most a side may send")
    if m.kind in OFFERS:
        _check_terms(game, m)
    if m.kind in ANSWERS:
        _check_answer(game, m)
    if m.kind in (MessageKind.ASSURANCE, MessageKind.THREAT, MessageKind.ULTIMATUM) and m.move not in game.scenario.moves:
        raise IllegalDecision(f"a {m.kind} names a move: unknown move '{m.move}'")
    if m.kind == MessageKind.THREAT and m.trigger_move not in game.scenario.moves:
        raise IllegalDecision(f"a threat names the move it forbids: unknown move '{m.trigger_move}'")
    if m.kind == MessageKind.ULTIMATUM and (m.deadline is None or not game.turn <= m.deadline <= game.scenario.spec.turns):
        raise IllegalDecision("an ultimatum needs a deadline turn between now and the last turn")


def sent_this_turn(game: Game, sender: str) -> int:
    """How many messages ``sender`` has sent in the current turn (envelopes are kept in the order sent)."""
    count = 0
    for envelope in reversed(game.envelopes):
        if envelope.turn != game.turn:
            break
        count += envelope.message.sender == sender
    return count


def _check_terms(game: Game, m: Message) -> None:
    terms = {term.id: term for term in game.scenario.spec.terms}
    if not (m.offer or m.ask):
        raise IllegalDecision(f"a {m.kind} needs at least one term")
    if m.kind == MessageKind.ULTIMATUM and (m.offer or not m.ask):
        raise IllegalDecision("an ultimatum demands terms of the recipient and offers none")
    for party, chosen in ((m.sender, m.offer), (m.recipient, m.ask)):
        for term_id in chosen:
            term = terms.get(term_id)
            if term is None:
                raise IllegalDecision(f"unknown term '{term_id}'")
            if term.by and party not in term.by:
                raise IllegalDecision(f"{party} cannot commit to '{term.text}'")


def _check_answer(game: Game, m: Message) -> None:
    if m.reply_to is None:
        raise IllegalDecision(f"'{m.kind}' answers a proposal: reply_to is missing")
    envelope = game.envelope(m.reply_to)
    original = envelope.message
    if original.kind not in OFFERS or original.recipient != m.sender:
        raise IllegalDecision(f"message #{m.reply_to} is not a proposal to {m.sender}")
    if original.sender != m.recipient:
        raise IllegalDecision(f"the answer must go to {original.sender}")
    if envelope.status != "pending" or not envelope.delivered:
        raise IllegalDecision(f"message #{m.reply_to} is no longer open ({envelope.status or 'not delivered'})")
    if m.kind == MessageKind.COUNTER:
        _check_terms(game, m)
    if m.kind == MessageKind.COUNTER and original.kind == MessageKind.ULTIMATUM:
        raise IllegalDecision("an ultimatum can be accepted or rejected, not countered")


def send(game: Game, m: Message) -> Envelope:
    """Deliver (or delay, or garble) a checked message and carry out what it means."""
    channel = game.channel(m.sender, m.recipient)
    delay = garble = False
    if channel == ChannelState.STRAINED:
        delay = game.rng.random() < STRAINED_DELAY
        garble = game.rng.random() < STRAINED_GARBLE
    envelope = Envelope(len(game.envelopes), game.turn, m, -1 if delay else game.turn, garble)
    if m.kind in OFFERS:
        envelope.status = "pending"
    game.envelopes.append(envelope)
    if delay:
        game.note("hotline", f"A message from {game.name(m.sender)} to {game.name(m.recipient)} is held up on a strained line.", (m.sender,))
        return envelope
    _on_delivery(game, envelope)
    if m.kind in ANSWERS:
        _answer(game, m)
    return envelope


def deliver_delayed(game: Game) -> None:
    """At the start of a turn, held-up messages arrive."""
    for envelope in game.envelopes:
        if not envelope.delivered:
            envelope.deliver_on = game.turn
            _on_delivery(game, envelope)
            m = envelope.message
            if m.kind in ANSWERS and game.envelopes[_given(m.reply_to)].status == "pending":
                _answer(game, m)


def _on_delivery(game: Game, envelope: Envelope) -> None:
    m = envelope.received()
    if m.kind == MessageKind.ASSURANCE:
        agreement = Agreement(len(game.agreements), game.turn, (m.sender,), (Commitment(m.sender, None, (_given(m.move),)),))
        game.agreements.append(agreement)
        _nudge_trust(game, m.recipient, m.sender, 3)
        game.note("assurance", f"{game.name(m.sender)} assures {game.name(m.recipient)} that it will not resort to: {_move_name(game, m.move)}.",
                  (m.sender, m.recipient), (m.sender, m.recipient))
    elif m.kind == MessageKind.THREAT:
        game.red_lines.append(
            RedLineState(
                id=f"threat_{envelope.id}", owner=m.sender, against=m.recipient,
                description=f"no {_move_name(game, m.trigger_move)} by {game.name(m.recipient)}",
                response=(_given(m.move),), window=2, declared=True, source="threat", trigger_move=m.trigger_move,
            )
        )
        _nudge_trust(game, m.recipient, m.sender, -3)
        game.note("threat", f"{game.name(m.sender)} draws a red line for {game.name(m.recipient)}: no {_move_name(game, m.trigger_move)}.",
                  (m.sender, m.recipient), (m.sender, m.recipient))
    elif m.kind == MessageKind.ULTIMATUM:
        game.note("ultimatum", f"{game.name(m.sender)} issues an ultimatum to {game.name(m.recipient)}, deadline {game.turn_label(_given(m.deadline))}.",
                  (m.sender, m.recipient), (m.sender, m.recipient))


def _answer(game: Game, m: Message) -> None:
    original = game.envelopes[_given(m.reply_to)]
    proposal = original.message
    if m.kind == MessageKind.ACCEPT:
        original.status = "accepted"
        commitments = [_commitment(game, proposal.sender, t) for t in proposal.offer]
        commitments += [_commitment(game, proposal.recipient, t) for t in proposal.ask]
        agreement = Agreement(len(game.agreements), game.turn, (proposal.sender, proposal.recipient), tuple(commitments))
        game.agreements.append(agreement)
        for a, b in ((proposal.sender, proposal.recipient), (proposal.recipient, proposal.sender)):
            _nudge_trust(game, a, b, 5)
        promises = [
            f"{game.name(party)} will " + "; ".join(_term_text(game, c.term)[:1].lower() + _term_text(game, c.term)[1:]
                                        for c in commitments if c.party == party)
            for party in (proposal.sender, proposal.recipient)
            if any(c.party == party for c in commitments)
        ]
        game.note("agreement", f"Agreement between {game.name(proposal.sender)} and {game.name(proposal.recipient)}: "
                  + "; and ".join(promises) + ".", actors=(proposal.sender, proposal.recipient))
    elif m.kind == MessageKind.REJECT:
        original.status = "rejected"
        if proposal.kind == MessageKind.ULTIMATUM:
            _ultimatum_defied(game, original, "rejected")
    else:
        original.status = "countered"


def _commitment(game: Game, party: str, term_id: str) -> Commitment:
    term = next(t for t in game.scenario.spec.terms if t.id == term_id)
    requires = term.requires.move if term.requires else None
    due = game.turn + term.requires.within - 1 if term.requires else None  # the agreement turn counts
    return Commitment(party, term.id, tuple(term.forbids), requires, due)


def expire_ultimatums(game: Game) -> None:
    """After the deadline an unanswered ultimatum becomes a crossed red line of its sender."""
    for envelope in game.envelopes:
        m = envelope.message
        if m.kind != MessageKind.ULTIMATUM or envelope.status != "pending" or game.turn < _given(m.deadline):
            continue
        envelope.status = "expired"
        _ultimatum_defied(game, envelope, "expired unanswered")


def _ultimatum_defied(game: Game, envelope: Envelope, how: str) -> None:
    """A rejected or expired ultimatum is a crossed red line: its sender must now carry out the consequence."""
    m = envelope.message
    game.red_lines.append(
        RedLineState(
            id=f"ultimatum_{envelope.id}", owner=m.sender, against=m.recipient,
            description=f"{game.name(m.recipient)} defied an ultimatum", response=(_given(m.move),), window=1,
            declared=True, source="ultimatum", status="crossed", crossed_turn=game.turn,
        )
    )
    game.note("red_line", f"The ultimatum from {game.name(m.sender)} to {game.name(m.recipient)} was {how}.", actors=(m.sender, m.recipient))


def expire_stale_proposals(game: Game) -> None:
    """Proposals not answered within a turn lapse, so the inbox stays current."""
    for envelope in game.envelopes:
        if envelope.status == "pending" and envelope.message.kind != MessageKind.ULTIMATUM and envelope.deliver_on < game.turn - 1:
            envelope.status = "expired"


def _nudge_trust(game: Game, actor: str, toward: str, amount: int) -> None:
    trust = game.actors[actor].trust
    trust[toward] = max(0, min(100, trust[toward] + amount))


def _move_name(game: Game, move_id: str | None) -> str:
    move = game.scenario.moves.get(move_id or "")
    return move.name.lower() if move else str(move_id)


def _term_text(game: Game, term_id: str | None) -> str:
    return next((t.text for t in game.scenario.spec.terms if t.id == term_id), str(term_id))


def _given(value: T | None) -> T:
    """A field of a message that ``check_message`` made sure its kind has."""
    assert value is not None
    return value
