"""Messages the screens and widgets post upward ("attributes down, messages up").

Each is a small dataclass; tests record them with ``run_test(message_hook=...)``
to check which decisions reached the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from wargame.engine.decisions import Decision


@dataclass
class ComputersDone(Message):
    """The computer players finished thinking (posted from the worker thread)."""

    decisions: list[Decision] = field(default_factory=list)
    resolved: bool = False  # True when the turn was adjudicated too


@dataclass
class MoveChosen(Message):
    """The human picked a move in the orders panel (target still to choose)."""

    move: str



@dataclass
class DecisionApplied(Message):
    """The engine accepted a human decision; the screen refreshes from a new view."""

    decision: Decision


@dataclass
class AnswerRequested(Message):
    """The human wants to answer a pending proposal: accept, reject or counter."""

    envelope: int
    kind: str

