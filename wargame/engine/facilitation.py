"""The white cell's own decisions: news items, third-party messages, seats, timeouts and ending the game.

Each one is checked first (an ``IllegalDecision`` changes nothing) and then
only writes events: who may read each one is its audience, so the views
(``wargame.engine.views``) show a news item or a message to the sides it
names and to no other. Seats and timeouts change no rule of the game: the
host acts on them (the computer orders through ordinary ``Order``
decisions), and the events tell the story in the news and the report.
Ending the game scores it like any other ending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.engine import outcomes
from wargame.engine.decisions import (
    HOLDERS,
    MAX_SENDER,
    MAX_TEXT,
    TIMEOUT_POLICIES,
    End,
    News,
    Seat,
    ThirdParty,
    Timeout,
)
from wargame.engine.phases import OutcomeKind, crisis_machine
from wargame.engine.records import WHITE_CELL, Outcome
from wargame.errors import IllegalDecision

if TYPE_CHECKING:
    from wargame.engine.game import Game

WhiteCellDecision = News | ThirdParty | Seat | Timeout | End
WHITE_CELL_DECISIONS = (News, ThirdParty, Seat, Timeout, End)
PHASE_WORDS = {"briefing": "briefing", "hotline": "hotline", "orders": "orders", "aftermath": "result"}


def apply(game: Game, decision: WhiteCellDecision) -> None:
    """Check and carry out one of the white cell's decisions (the game is not over: ``Game.apply`` checked)."""
    if isinstance(decision, News):
        _news(game, decision)
    elif isinstance(decision, ThirdParty):
        _third_party(game, decision)
    elif isinstance(decision, Seat):
        _seat(game, decision)
    elif isinstance(decision, Timeout):
        _timeout(game, decision)
    else:
        _end(game, decision)


def _text(text: str, what: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    if not text:
        raise IllegalDecision(f"{what} needs some text")
    if len(text) > limit:
        raise IllegalDecision(f"{what} takes at most {limit} characters")
    return text


def _sides(game: Game, sides: tuple[str, ...], what: str) -> tuple[str, ...]:
    for side in sides:
        if side not in game.actors:
            raise IllegalDecision(f"{what}: no side '{side[:40]}' in this game")
    if len(set(sides)) != len(sides):
        raise IllegalDecision(f"{what}: a side is listed twice")
    return sides


def _news(game: Game, decision: News) -> None:
    text = _text(decision.text, "a news item")
    audience = _sides(game, decision.audience, "a news item")
    game.note("facilitator_news", text, audience)


def _third_party(game: Game, decision: ThirdParty) -> None:
    sender = _text(decision.sender, "the third party's name", MAX_SENDER)
    text = _text(decision.text, "a message")
    audience = _sides(game, decision.audience, "a message")
    if not audience:
        raise IllegalDecision("a third party's message goes to at least one side")
    readers = " and ".join(game.name(side) for side in audience)
    game.note("third_party", f"{sender} to {readers}: {text}", audience, audience)


def _seat(game: Game, decision: Seat) -> None:
    _sides(game, (decision.actor,), "a seat")
    if decision.holder not in HOLDERS:
        raise IllegalDecision(f"a side is held by {' or '.join(HOLDERS)}, not {decision.holder[:20]}")
    name = game.name(decision.actor)
    text = (f"The facilitator hands {name} to the computer." if decision.holder == "computer"
            else f"The facilitator gives {name} back to its team.")
    game.note("seat", text, (decision.actor,), (decision.actor,))  # the side itself (and the white cell)


def _timeout(game: Game, decision: Timeout) -> None:
    if decision.phase != game.turn_phase:
        raise IllegalDecision(f"the turn is in its {game.turn_phase} phase, not {decision.phase[:20]}")
    if decision.policy not in TIMEOUT_POLICIES:
        raise IllegalDecision(f"when time runs out: {' or '.join(TIMEOUT_POLICIES)}, not {decision.policy[:20]}")
    sides = _sides(game, decision.sides, "a timeout")
    phase = PHASE_WORDS.get(decision.phase, decision.phase)
    if decision.policy == "hold":
        waiting = ", ".join(game.name(side) for side in sides) or "nobody"
        game.note("timeout", f"Time ran out in the {phase} phase; the game waits for {waiting}.", WHITE_CELL, sides)
        return
    for side in sides:  # each side hears of its own time running out, not of the others'
        game.note("timeout", f"Time ran out in the {phase} phase: the computer played it for {game.name(side)}.",
                  (side,), (side,))


def _end(game: Game, decision: End) -> None:
    kinds = [kind.value for kind in OutcomeKind]
    if decision.outcome not in kinds:
        raise IllegalDecision(f"a game ends {', '.join(kinds)}; not {decision.outcome[:20]}")
    kind = OutcomeKind(decision.outcome)
    if kind == OutcomeKind.CAPITULATION:
        if decision.actor is None:
            raise IllegalDecision("a capitulation names the side that gives in")
        _sides(game, (decision.actor,), "a capitulation")
    elif decision.actor is not None:
        raise IllegalDecision(f"only a capitulation names a side, not {kind.value}")
    given = _text(decision.reason, "a reason", MAX_TEXT) if decision.reason.strip() else ""
    reason = "the facilitator ended the game" + (f": {given}" if given else "")
    if game.crisis_phase != OutcomeKind.WAR:
        crisis_machine(game.band_ids).fire(game, outcomes.TRIGGERS[kind])
    scores, notes = outcomes.score(game, kind, decision.actor)
    game.outcome = Outcome(kind, game.turn, reason, decision.actor, scores, notes)
    game.note("outcome", f"The crisis ends: {kind}. {reason[0].upper()}{reason[1:]}.")
