"""Decisions: the only things that change a game.

A game is its scenario, its seed and the ordered list of these small frozen
values; replaying the list reproduces the game exactly, which is what saves
store. Each decision turns into a plain dict and back (``to_dict`` /
``decision_from_dict``) with no pickle and nothing executable; the
``*Record`` models are how a save spells them, checked by pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, TypeAdapter, ValidationError

from wargame.errors import IllegalDecision


class MessageKind(StrEnum):
    """What a hotline message is (see ``Message``), spelled as in saves."""

    STATEMENT = "statement"
    PROPOSAL = "proposal"
    ACCEPT = "accept"
    REJECT = "reject"
    COUNTER = "counter"
    ULTIMATUM = "ultimatum"
    ASSURANCE = "assurance"
    THREAT = "threat"


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
    """A facilitator sets a stat of an actor, or the rung when ``actor`` is None, saying why (``reason``)."""

    actor: str | None
    stat: str
    value: int
    reason: str = ""  # saves written before reasons existed have none


@dataclass(frozen=True)
class News:
    """The facilitator writes a news item for ``audience`` (empty: every side)."""

    text: str
    audience: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThirdParty:
    """A message from a third party the facilitator speaks for (``sender``: its name) to the ``audience`` sides."""

    sender: str
    text: str
    audience: tuple[str, ...]


@dataclass(frozen=True)
class Seat:
    """The facilitator hands ``actor`` to the computer (``holder`` "computer") or gives it back ("team")."""

    actor: str
    holder: str


@dataclass(frozen=True)
class Timeout:
    """The facilitator's clock ran out in ``phase``: ``policy`` "hold" waits on, "computer" plays ``sides`` for it."""

    phase: str
    policy: str
    sides: tuple[str, ...] = ()


@dataclass(frozen=True)
class End:
    """The facilitator ends the game with one of the outcomes (``actor``: who capitulates)."""

    outcome: str
    actor: str | None = None
    reason: str = ""


Decision = Order | Message | Proceed | Inject | Override | News | ThirdParty | Seat | Timeout | End
FacilitatorDecision = Inject | Override | News | ThirdParty | Seat | Timeout | End
"""What only the white cell decides (a team's code may never send one)."""
_NAMES: dict[type, str] = {Order: "order", Message: "message", Proceed: "proceed", Inject: "inject", Override: "override",
                           News: "news", ThirdParty: "third_party", Seat: "seat", Timeout: "timeout", End: "end"}
HOLDERS = ("computer", "team")
TIMEOUT_POLICIES = ("hold", "computer")
MAX_TEXT = 600
"""Characters in a facilitator's news item, message or reason: a paragraph, read aloud in class."""
MAX_SENDER = 60


def to_dict(decision: Decision) -> dict[str, object]:
    """A JSON-ready dict, ``type`` first; fields at their default are left out to keep saves small."""
    data: dict[str, object] = {"type": _NAMES[type(decision)]}
    for field in fields(decision):
        value = getattr(decision, field.name)
        if value != field.default:
            data[field.name] = list(value) if isinstance(value, tuple) else value
    return data


def decision_from_dict(data: object) -> Decision:
    """Rebuild a decision from untrusted data; anything malformed is an IllegalDecision."""
    try:
        record: DecisionRecord = RECORDS.validate_python(data)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise IllegalDecision(f"not a decision: {where + ': ' if where else ''}{problem['msg']}") from None
    return record.decision()


# ------------------------------------------------------------------ as saves hold them


Name = Annotated[str, Strict()]
Whole = Annotated[int, Strict()]
Text = Annotated[str, Strict(), StringConstraints(max_length=MAX_TEXT)]
Sides = Annotated[tuple[Name, ...], Field(strict=False, max_length=64)]  # a JSON list; its items stay strict


class _Record(BaseModel):
    """How a save writes a decision: ``type`` names the kind; unknown fields and loose types are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class OrderRecord(_Record):
    """An ``Order``: an actor's move for the turn."""

    type: Literal["order"]
    actor: Name
    move: Name
    target: Name | None = None

    def decision(self) -> Order:
        return Order(self.actor, self.move, self.target)


class MessageRecord(_Record):
    """A ``Message`` on the hotline (see its fields there)."""

    type: Literal["message"]
    sender: Name
    recipient: Name
    kind: MessageKind
    text: Name = ""
    offer: tuple[Name, ...] = Field(default=(), strict=False)  # a JSON list; its items stay strict
    ask: tuple[Name, ...] = Field(default=(), strict=False)
    reply_to: Whole | None = None
    move: Name | None = None
    trigger_move: Name | None = None
    deadline: Whole | None = None

    def decision(self) -> Message:
        return Message(
            self.sender, self.recipient, self.kind, self.text, self.offer, self.ask,
            self.reply_to, self.move, self.trigger_move, self.deadline,
        )


class ProceedRecord(_Record):
    """A ``Proceed``: the phase it closed."""

    type: Literal["proceed"]
    phase: Name

    def decision(self) -> Proceed:
        return Proceed(self.phase)


class InjectRecord(_Record):
    """An ``Inject`` the facilitator fired."""

    type: Literal["inject"]
    inject: Name

    def decision(self) -> Inject:
        return Inject(self.inject)


class OverrideRecord(_Record):
    """An ``Override``: a stat the facilitator set (the rung when ``actor`` is null), and why."""

    type: Literal["override"]
    actor: Name | None
    stat: Name
    value: Whole
    reason: Text = ""

    def decision(self) -> Override:
        return Override(self.actor, self.stat, self.value, self.reason)


class NewsRecord(_Record):
    """A ``News`` item the facilitator wrote (``audience`` empty: every side)."""

    type: Literal["news"]
    text: Text
    audience: Sides = ()

    def decision(self) -> News:
        return News(self.text, self.audience)


class ThirdPartyRecord(_Record):
    """A ``ThirdParty`` message: from a named third party, to the listed sides."""

    type: Literal["third_party"]
    sender: Annotated[str, Strict(), StringConstraints(max_length=MAX_SENDER)]
    text: Text
    audience: Sides

    def decision(self) -> ThirdParty:
        return ThirdParty(self.sender, self.text, self.audience)


class SeatRecord(_Record):
    """A ``Seat`` change: a side handed to the computer, or back to its team."""

    type: Literal["seat"]
    actor: Name
    holder: Literal["computer", "team"]

    def decision(self) -> Seat:
        return Seat(self.actor, self.holder)


class TimeoutRecord(_Record):
    """A ``Timeout``: the facilitator's clock ran out in a phase, and what it did."""

    type: Literal["timeout"]
    phase: Name
    policy: Literal["hold", "computer"]
    sides: Sides = ()

    def decision(self) -> Timeout:
        return Timeout(self.phase, self.policy, self.sides)


class EndRecord(_Record):
    """An ``End``: the facilitator ended the game with an outcome."""

    type: Literal["end"]
    outcome: Name
    actor: Name | None = None
    reason: Text = ""

    def decision(self) -> End:
        return End(self.outcome, self.actor, self.reason)


DecisionRecord = Annotated[
    OrderRecord | MessageRecord | ProceedRecord | InjectRecord | OverrideRecord | NewsRecord | ThirdPartyRecord
    | SeatRecord | TimeoutRecord | EndRecord,
    Field(discriminator="type"),
]
"""One decision in a save, told apart by its ``type``."""

RECORDS: TypeAdapter[DecisionRecord] = TypeAdapter(DecisionRecord)
