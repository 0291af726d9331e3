"""What the facilitator's code may ask of a game over the network, and only it.

The white cell's decisions come as ``decide`` requests spelled as in saves
(``inject``, ``override`` with a reason, ``news``, ``third_party``,
``seat``, ``end``): the engine judges them like any decision and they land
in the save. ``pause``/``resume`` hold the game and ``timer`` sets a
phase's clock; those are the host's, not the game's, so they are not saved
(a timer that runs out is: a ``Timeout`` decision). The teams' own
decisions (orders, messages, ``ready``) are not the white cell's.
"""

from __future__ import annotations

from wargame.engine import Inject, News, Override, Seat, ThirdParty
from wargame.engine.decisions import End, decision_from_dict
from wargame.errors import IllegalDecision
from wargame.net.codes import FACILITATOR
from wargame.net.protocol import ProtocolError
from wargame.net.table import Table

WHITE_CELL_TYPES = ("pause", "resume", "timer")
"""Request types only the facilitator's code may send (besides its own kinds of ``decide``)."""


def facilitate(table: Table, message: dict) -> bool | set[str]:
    """Do the facilitator's request: True when the game changed (saved), else the sides whose views changed."""
    kind = message["type"]
    everyone = set(table.seats) | {FACILITATOR}
    if kind == "decide":
        return _decide(table, message["decision"])
    if kind == "ready":
        raise ProtocolError("the facilitator does not play a phase: the teams end it (or the clock does)")
    if table.phase == "over":
        raise IllegalDecision("the game is over")
    if kind in ("pause", "resume"):
        if table.paused == (kind == "pause"):
            raise IllegalDecision(f"the game is already {'paused' if table.paused else 'going on'}")
        return table.pause(kind == "pause") or everyone
    table.set_clock(message["phase"], message.get("seconds"), message.get("add"), message.get("policy"))
    return everyone


def _decide(table: Table, data: dict) -> bool:
    decision = decision_from_dict(data)
    if not isinstance(decision, (Inject, Override, News, ThirdParty, Seat, End)):
        raise IllegalDecision("the white cell decides injects, overrides, news, third-party messages, seats and "
                              "endings; the teams order and talk, and the host records timeouts")
    if isinstance(decision, Override) and not decision.reason.strip():
        raise IllegalDecision("an override needs a reason (it goes into the save and the report)")
    if isinstance(decision, Seat):
        return table.hand(decision)
    table.game.apply(decision)
    return True
