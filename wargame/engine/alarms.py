"""False alarms: a move misread as the crossing of one's red line.

Inadvertent escalation, as the crisis literature tells it, runs through red
lines: a side that reads an adversary's manoeuvre as the attack it feared
believes its line was crossed, and answers. The answer is real escalation,
aimed at a side that crossed nothing. The chain here is three ordinary rules:

1. *Worst-case reading.* When a seen move is read at least ``MISREAD_GAP``
   more threatening than it was, and as threatening as a move of the same
   kind (category) that would cross one of the reader's standing red lines
   against the mover and whose prerequisite the facts allow (nobody fires
   on planes that never flew), the reader takes it for that move. Its line now reads
   ``misread``: to its owner it looks crossed and awaits an answer; to
   everyone else it still stands.
2. *Clarification.* Before the next orders, a hotline between the two lets
   the mover explain and the alarm is stood down; an open channel does the
   same when the owner trusts the mover at least ``BELIEVED_AT``. A
   strained or severed channel carries no explanation.
3. *The answer.* If the owner answers within the line's window, the answer
   is played as any move is (the ladder counts it, the mover reads it); the
   owner gains no credibility, since nobody else saw a crossing, and both
   learn what happened. If the window passes unanswered, the alarm lapses
   without cost.

The noise behind rule 1 grows with distrust, bad channels and covert action,
and shrinks with a hotline and transparency (``perception.noise``), so
channels, trust and confidence-building change how often this happens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.engine.env import GameEnv
from wargame.engine.records import MISREAD_GAP, WHITE_CELL, Perception, RedLineState
from wargame.scenario.model import ChannelState

if TYPE_CHECKING:
    from wargame.engine.decisions import Order
    from wargame.engine.game import Game
    from wargame.scenario.model import Move

BELIEVED_AT = 50  # trust at which an explanation over an open channel is believed


def taken_for(game: Game, observer: str, actor: str, move: Move, actual: float, perceived: float) -> str:
    """The move ``observer`` believes ``actor`` played: ``move`` itself, or the feared move it was taken for."""
    if move.escalation < 1 or perceived - actual < MISREAD_GAP:
        return move.id
    for line in game.red_lines:
        if line.owner == observer and line.against == actor and line.status == "standing":
            crossing = _crossing_moves(game, line)
            if move.id in crossing:
                continue  # the move does cross it: no misreading needed, the crossing is real
            for feared_id in crossing:
                feared = game.scenario.moves[feared_id]
                if (feared.category == move.category and move.escalation < feared.escalation <= perceived
                        and _could_have(game, actor, feared_id, observer)):
                    return feared_id
    return move.id


def raise_alarms(game: Game, seen: list[Perception]) -> None:
    """Mark the lines whose owners took a move for their crossing this turn."""
    for observer, actor, move_id, feared_id in [(p.observer, p.actor, p.move, p.seen) for p in seen
                                                 if p.seen is not None and p.seen != p.move]:
        for line in game.red_lines:
            if (line.owner == observer and line.against == actor and line.status == "standing"
                    and feared_id in _crossing_moves(game, line)):
                line.status, line.alarm_turn, line.misread_move = "misread", game.turn, move_id
                moves = game.scenario.moves
                game.note("red_line", f"Red line crossed: {line.description} ({game.name(line.against)}'s "
                          f"{moves[feared_id].name.lower()}, as you read it).", (observer,), (observer, actor))
                game.note("false_alarm", f"{game.name(observer)} takes {game.name(actor)}'s {moves[move_id].name.lower()} "
                          f"for {moves[feared_id].name.lower()}, a crossing of its red line “{line.description}”.",
                          WHITE_CELL, (observer, actor))
                break


def clarify(game: Game) -> None:
    """Before orders: a working channel lets the mover explain, and the owner stands its alarm down."""
    for line in game.red_lines:
        if line.status != "misread" or line.misread_move is None:
            continue
        channel = game.channel(line.owner, line.against)
        trust = game.actors[line.owner].trust[line.against]
        if channel == ChannelState.HOTLINE or (channel == ChannelState.OPEN and trust >= BELIEVED_AT):
            how = "Over the hotline" if channel == ChannelState.HOTLINE else "Through open channels"
            move = game.scenario.moves[line.misread_move].name.lower()
            game.note("clarified", f"{how}, {game.name(line.against)} explains its {move}: {game.name(line.owner)} "
                      f"stands down its alarm over “{line.description}”.", (line.owner, line.against),
                      (line.owner, line.against))
            _stand(line)


def settle(game: Game, line: RedLineState, orders: dict[str, Order]) -> None:
    """A misread line this turn: answered (an escalation nobody provoked) or lapsed after its window."""
    if line.alarm_turn is None or line.alarm_turn >= game.turn or line.misread_move is None:
        return
    move = game.scenario.moves[line.misread_move].name.lower()
    order = orders.get(line.owner)
    owner, mover = game.name(line.owner), game.name(line.against)
    if order and order.move in line.response and order.target in (None, line.against):
        game.note("false_alarm_answered", f"{owner} answers what it took for a crossing of its red line “{line.description}”; "
                  f"{mover}'s {move} had crossed nothing.", (line.owner, line.against), (line.owner, line.against))
        game.note("inadvertent_escalation", f"Inadvertent escalation: {owner} answered a crossing that never happened "
                  f"({mover}'s {move}, misread).", WHITE_CELL, (line.owner, line.against))
        _stand(line)
    elif game.turn - line.alarm_turn >= line.window:
        game.note("alarm_lapsed", f"The alarm over “{line.description}” passes: {mover}'s {move} was not what it seemed.",
                  (line.owner,), (line.owner, line.against))
        _stand(line)


def _could_have(game: Game, actor: str, move_id: str, observer: str) -> bool:
    """Whether the facts allow the feared move: its prerequisite holds for the mover aimed at the reader
    (nobody fires on planes that never flew). The ladder's reach and the cost are not checked: fear does not."""
    condition = game.scenario.condition("move", move_id)
    return condition is None or bool(condition.evaluate(GameEnv(game, {"self": actor, "target": observer})))


def _stand(line: RedLineState) -> None:
    line.status, line.alarm_turn, line.misread_move = "standing", None, None


def _crossing_moves(game: Game, line: RedLineState) -> tuple[str, ...]:
    """The moves of the line's challenger that would cross it now (the condition, asked "what if it played M?")."""
    if line.trigger_move is not None:
        return (line.trigger_move,)
    condition = game.scenario.condition("red_line", line.id)
    if condition is None:
        return ()
    return tuple(sorted(m for m in condition.references.moves if m in game.scenario.moves
                        and condition.evaluate(GameEnv(game, hypothetical=(line.against, m)))))
