"""The game's memory: small records of what happened, for views and the debrief.

Everything here is plain data (dataclasses of str/int/float/tuples), so the
history can be shown, compared and serialised without touching the rules.

Envelopes, agreements, red lines and turn records are the game's own: the
rules change their status as play goes on. A view never holds them; it
holds their ``snapshot()``, a copy of the moment that reads alike (the
questions both answer live in one mixin each). Snapshots are named tuples:
every view copies a handful, and a named tuple is built about five times
faster than a frozen dataclass of a dozen fields (0.6 µs against 3 µs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from wargame.engine.decisions import Message, MessageKind, Order

MISREAD_GAP = 1.5  # a reading at least this far from the truth is a misreading
WHITE_CELL = ("__facilitator__",)  # the audience of an event only the facilitator may know (no actor id has "_" first)


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened; ``audience`` empty means everyone may know it, else the actors who may (``WHITE_CELL``: none)."""

    turn: int
    kind: str
    text: str
    audience: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    def visible_to(self, actor: str) -> bool:
        return not self.audience or actor in self.audience


@dataclass(frozen=True, slots=True)
class Perception:
    """How ``observer`` read ``actor``'s move this turn (``seen`` None: it went unnoticed)."""

    observer: str
    actor: str
    move: str
    seen: str | None
    target: str | None
    actual: float
    perceived: float
    noise: float = 0.0  # the noise it was read through (none when unseen); see wargame.engine.clarity
    causes: tuple[str, ...] = ()  # what made it clear or noisy, as clarity.CAUSE_WORDS keys

    @property
    def misread(self) -> bool:
        return self.seen is not None and abs(self.perceived - self.actual) >= MISREAD_GAP


@dataclass(frozen=True, slots=True)
class Reading:
    """What one actor saw of another's move: never the truth behind it (``seen`` None: nothing noticed)."""

    actor: str
    seen: str | None
    target: str | None
    perceived: float  # how much it escalated, as read
    noise: float = 0.0  # the noise it was read through, from what the reader may know (none when unseen)
    causes: tuple[str, ...] = ()  # what made it clear or noisy (clarity.CAUSE_WORDS keys), the largest first

    @classmethod
    def of(cls, p: Perception) -> Reading:
        """What ``p.observer`` may know of ``p``."""
        if p.seen is None:
            return cls(p.actor, None, None, 0.0)
        return cls(p.actor, p.seen, p.target, p.perceived, p.noise, p.causes)


class SeenTurn(NamedTuple):
    """One past turn as one actor saw it: its readings of the others' moves."""

    turn: int
    readings: tuple[Reading, ...]


class StatChange(NamedTuple):
    """One change of an actor's stat while a turn resolved, and its cause in words for that actor ("your ...")."""

    actor: str
    stat: str
    amount: int  # as applied, after the 0-100 bounds
    cause: str


class PlayedOrder(NamedTuple):
    """A move one actor played, and on which turn."""

    turn: int
    order: Order


class _EnvelopeReading:
    """What an envelope tells, asked alike of the game's envelope and of a view's snapshot."""

    __slots__ = ()

    message: Message
    deliver_on: int
    garbled: bool

    @property
    def delivered(self) -> bool:
        return self.deliver_on >= 0

    def received(self) -> Message:
        """The message as the recipient sees it: garbling turns promises and threats into noise."""
        if not self.garbled:
            return self.message
        m = self.message
        if m.kind in (MessageKind.ASSURANCE, MessageKind.THREAT, MessageKind.STATEMENT):
            return Message(m.sender, m.recipient, MessageKind.STATEMENT, "[garbled] " + _garble(m.text))
        return Message(
            m.sender, m.recipient, m.kind, "[garbled] " + _garble(m.text), m.offer, m.ask, m.reply_to,
            m.move, m.trigger_move, m.deadline,
        )


def _garble(text: str) -> str:
    words = text.split()
    return " ".join(word if i % 3 else "…" for i, word in enumerate(words)) or "…"


@dataclass
class Envelope(_EnvelopeReading):
    """A message in transit or delivered, with what the recipient actually got."""

    id: int
    turn: int
    message: Message
    deliver_on: int
    garbled: bool = False
    status: str = ""  # for proposals/counters/ultimatums: pending, accepted, rejected, countered, expired

    def snapshot(self) -> EnvelopeSnapshot:
        return EnvelopeSnapshot(self.id, self.turn, self.message, self.deliver_on, self.garbled, self.status)

    def as_received(self) -> EnvelopeSnapshot:
        """The snapshot the recipient gets: the message as it arrived (``garbled`` false: nothing more to lose)."""
        return EnvelopeSnapshot(self.id, self.turn, self.received(), self.deliver_on, False, self.status)


class _EnvelopeFields(NamedTuple):
    id: int
    turn: int
    message: Message
    deliver_on: int
    garbled: bool
    status: str  # for proposals, counters and ultimatums: pending, accepted, rejected, countered, expired


class EnvelopeSnapshot(_EnvelopeFields, _EnvelopeReading):
    """A hotline message as it stood when a view was taken (``deliver_on`` -1: still on its way)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Commitment:
    """One party's promise inside an agreement."""

    party: str
    term: str | None
    forbids: tuple[str, ...] = ()
    requires: str | None = None
    due: int | None = None


class _AgreementReading:
    """What an agreement tells, asked alike of the game's agreement and of a view's snapshot."""

    __slots__ = ()

    status: str
    commitments: tuple[Commitment, ...]

    @property
    def in_force(self) -> bool:
        return self.status == "in force"

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(c.term for c in self.commitments if c.term)


@dataclass
class Agreement(_AgreementReading):
    id: int
    turn: int
    parties: tuple[str, ...]
    commitments: tuple[Commitment, ...]
    status: str = "in force"  # in force | broken
    broken_by: str | None = None
    broken_turn: int | None = None
    kept_turns: int = 0

    def snapshot(self) -> AgreementSnapshot:
        return AgreementSnapshot(self.id, self.turn, self.parties, self.commitments, self.status, self.broken_by,
                                 self.broken_turn, self.kept_turns)


class _AgreementFields(NamedTuple):
    id: int
    turn: int
    parties: tuple[str, ...]
    commitments: tuple[Commitment, ...]
    status: str  # in force | broken
    broken_by: str | None
    broken_turn: int | None
    kept_turns: int


class AgreementSnapshot(_AgreementFields, _AgreementReading):
    """An agreement (or a unilateral assurance) as it stood when a view was taken."""

    __slots__ = ()


class _RedLineReading:
    """What a red line tells, asked alike of the game's line and of a view's snapshot."""

    __slots__ = ()

    status: str

    @property
    def awaiting_response(self) -> bool:
        return self.status == "crossed"


@dataclass
class RedLineState(_RedLineReading):
    """A red line during play: from the scenario, a hotline threat or an ultimatum."""

    id: str
    owner: str
    against: str
    description: str
    response: tuple[str, ...]
    window: int
    declared: bool
    source: str = "scenario"  # scenario | threat | ultimatum
    trigger_move: str | None = None
    status: str = "standing"  # standing | crossed | misread (the owner took a move for a crossing) | honoured | ignored
    crossed_turn: int | None = None
    answered_turn: int | None = None
    alarm_turn: int | None = None  # while misread: the turn the owner took a move for a crossing
    misread_move: str | None = None  # while misread: the move it took for one

    def snapshot(self) -> RedLineSnapshot:
        """The line as it is (the white cell's view)."""
        return RedLineSnapshot(self.id, self.owner, self.against, self.description, self.response, self.window,
                               self.declared, self.source, self.trigger_move, self.status, self.crossed_turn,
                               self.answered_turn)

    def seen_by(self, actor: str) -> RedLineSnapshot:
        """The line as ``actor`` knows it: a misread line looks crossed to its owner and standing to the others."""
        if self.status != "misread":
            return self.snapshot()
        if actor == self.owner:
            return self.snapshot()._replace(status="crossed", crossed_turn=self.alarm_turn)
        return self.snapshot()._replace(status="standing")


class _RedLineFields(NamedTuple):
    id: str
    owner: str
    against: str
    description: str
    response: tuple[str, ...]  # the moves that answer a crossing
    window: int  # turns the owner has to answer
    declared: bool
    source: str  # scenario | threat | ultimatum
    trigger_move: str | None
    status: str  # standing | crossed | honoured | ignored
    crossed_turn: int | None
    answered_turn: int | None


class RedLineSnapshot(_RedLineFields, _RedLineReading):
    """A red line as it stood when a view was taken."""

    __slots__ = ()


class _TurnReading:
    """What a turn tells, asked alike of the game's record and of a view's snapshot."""

    __slots__ = ()

    rung_before: int
    rung_after: int

    @property
    def change(self) -> int:
        return self.rung_after - self.rung_before


@dataclass
class TurnRecord(_TurnReading):
    """Everything resolved in one turn, actual and perceived side by side."""

    turn: int
    label: str
    rung_before: int
    rung_after: int
    orders: dict[str, Order]
    escalation: dict[str, float]
    perceptions: list[Perception]
    perceived_rung: dict[str, float]
    events: list[Event] = field(default_factory=list)
    changes: list[StatChange] = field(default_factory=list)  # every stat change of the resolution, in order
    indicators: dict[str, int] = field(default_factory=dict)
    indicator_counts: tuple[int, ...] | None = None  # this turn's own, uncapped; see indicators.turn_counts
    seen: dict[str, SeenTurn] = field(init=False, repr=False)  # by actor: the turn as it saw it
    played: dict[str, PlayedOrder] = field(init=False, repr=False)  # by actor: its order, with the turn

    def __post_init__(self) -> None:
        """Each actor's share of the turn, as frozen values made once: every view of every later turn reads them."""
        readings: dict[str, list[Reading]] = {actor: [] for actor in self.perceived_rung}
        for p in self.perceptions:
            readings[p.observer].append(Reading.of(p))
        self.seen = {actor: SeenTurn(self.turn, tuple(seen)) for actor, seen in readings.items()}
        self.played = {actor: PlayedOrder(self.turn, order) for actor, order in self.orders.items()}

    def snapshot(self) -> TurnSnapshot:
        return TurnSnapshot(self.turn, self.label, self.rung_before, self.rung_after, MappingProxyType(dict(self.orders)),
                            MappingProxyType(dict(self.escalation)), tuple(self.perceptions),
                            MappingProxyType(dict(self.perceived_rung)), tuple(self.events),
                            MappingProxyType(dict(self.indicators)))


class _TurnFields(NamedTuple):
    turn: int
    label: str
    rung_before: int
    rung_after: int
    orders: Mapping[str, Order]  # by actor
    escalation: Mapping[str, float]  # how the ladder counted each actor's move
    perceptions: tuple[Perception, ...]
    perceived_rung: Mapping[str, float]  # each actor's reading of the rung after the turn
    events: tuple[Event, ...]
    indicators: Mapping[str, int]  # the warning indicators after the turn


class TurnSnapshot(_TurnFields, _TurnReading):
    """A resolved turn, actual and perceived: the orders, how the ladder counted each, every reading."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the crisis ended, with each actor's score."""

    kind: str  # settled | defused | stalemate | capitulation | war
    turn: int
    reason: str
    actor: str | None = None
    scores: tuple[tuple[str, int], ...] = ()
    score_notes: tuple[tuple[str, str], ...] = ()

    def score(self, actor: str) -> int:
        return dict(self.scores)[actor]
