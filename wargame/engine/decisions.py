"""Decisions: the only things that change a game.

A game is its scenario, its seed and the ordered list of these small frozen
values; replaying the list reproduces the game exactly, which is what saves
store. Each decision turns into a plain dict and back (``to_dict`` /
``decision_from_dict``) with no pickle and nothing executable.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

from wargame.errors import IllegalDecision

MessageKind = Literal["statement", "proposal", "accept", "reject", "counter", "ultimatum", "assurance", "threat"]
MESSAGE_KINDS: tuple[str, ...] = ("statement", "proposal", "accept", "reject", "counter", "ultimatum", "assurance", "threat")


@dataclass(frozen=True)
class Order:
    """An actor's move for this turn (``target`` is None for untargeted moves)."""

    actor: str
    move: str
    target: str | None = None


@dataclass(frozen=True)
class Message:
    """A hotline message.

    - proposal / counter: ``offer`` are terms the sender commits to, ``ask``
      terms the recipient would commit to; a counter answers ``reply_to``.
    - accept / reject answer the proposal, counter or ultimatum ``reply_to``.
    - ultimatum: ``ask`` holds the demanded terms, ``deadline`` the last turn
      to accept, ``move`` the stated consequence.
    - assurance: the sender promises not to play ``move``.
    - threat: declares a red line: if the recipient plays ``trigger_move``
      the sender answers with ``move``.
    """

    sender: str
    recipient: str
    kind: MessageKind
    text: str = ""
    offer: tuple[str, ...] = ()
    ask: tuple[str, ...] = ()
    reply_to: int | None = None
    move: str | None = None
    trigger_move: str | None = None
    deadline: int | None = None


@dataclass(frozen=True)
class Proceed:
    """Close the current phase of the turn (``phase`` guards against double clicks and stale replays)."""

    phase: str


@dataclass(frozen=True)
class Inject:
    """A facilitator fires one of the scenario's injects."""

    inject: str


@dataclass(frozen=True)
class Override:
    """A facilitator sets a stat of an actor, or the rung when ``actor`` is None."""

    actor: str | None
    stat: str
    value: int


Decision = Order | Message | Proceed | Inject | Override
_KINDS: dict[str, type] = {"order": Order, "message": Message, "proceed": Proceed, "inject": Inject, "override": Override}
_NAMES = {cls: name for name, cls in _KINDS.items()}
# What each field may hold in a save: "id" a string, "id?" a string or null, "int" / "int?" a whole
# number (or null), "ids" a list of strings.
_FIELD_KINDS = {
    "actor": "id?", "move": "id?", "target": "id?", "sender": "id", "recipient": "id", "kind": "id", "text": "id",
    "offer": "ids", "ask": "ids", "reply_to": "int?", "trigger_move": "id?", "deadline": "int?",
    "phase": "id", "inject": "id", "stat": "id", "value": "int",
}
_FIELDS = {cls: tuple((f.name, f.default) for f in fields(cls)) for cls in _KINDS.values()}


def to_dict(decision: Decision) -> dict:
    """A JSON-ready dict; fields at their default are left out to keep saves small (``actor`` always kept)."""
    data: dict = {"type": _NAMES[type(decision)]}
    for key, default in _FIELDS[type(decision)]:
        value = getattr(decision, key)
        if value != default or key == "actor":
            data[key] = list(value) if isinstance(value, tuple) else value
    return data


def decision_from_dict(data: object) -> Decision:
    """Rebuild a decision from untrusted data; anything malformed is an IllegalDecision."""
    if not isinstance(data, dict) or data.get("type") not in _KINDS:
        raise IllegalDecision(f"not a decision: {str(data)[:80]}")
    cls = _KINDS[data["type"]]
    allowed = dict(_FIELDS[cls])
    values = {}
    for key, value in data.items():
        if key == "type":
            continue
        if key not in allowed:
            raise IllegalDecision(f"unknown field '{key}' in a {data['type']} decision")
        if not _fits(_FIELD_KINDS[key], value):
            raise IllegalDecision(f"field '{key}' of a {data['type']} decision has a value of the wrong type")
        values[key] = tuple(value) if isinstance(value, list) else value
    try:
        return cls(**values)
    except TypeError:
        raise IllegalDecision(f"incomplete {data['type']} decision: {sorted(data)}") from None


def _fits(kind: str, value: object) -> bool:
    if value is None:
        return kind.endswith("?")
    if kind == "ids":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind.startswith("id"):
        return isinstance(value, str)
    return isinstance(value, int) and not isinstance(value, bool)
