"""The game's memory: small records of what happened, for views and the debrief.

Everything here is plain data (dataclasses of str/int/float/tuples), so the
history can be shown, compared and serialised without touching the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wargame.engine.decisions import Message, Order

MISREAD_GAP = 1.5  # a reading at least this far from the truth is a misreading


def adopt_fields(record: object, fields: dict[str, object]) -> None:
    """Give a frozen dataclass instance being built its fields in one step: ``fields`` becomes its ``__dict__``.

    The ``__init__`` a frozen dataclass generates sets each field through
    ``object.__setattr__``, several times dearer; a game builds a dozen
    perceptions and as many events every turn, and eight views. ``fields``
    must be a dict made for the record (a dict display), never shared.
    """
    object.__setattr__(record, "__dict__", fields)


@dataclass(frozen=True, init=False)
class Event:
    """Something that happened; ``audience`` empty means everyone may know it."""

    turn: int
    kind: str
    text: str
    audience: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    def __init__(self, turn: int, kind: str, text: str, audience: tuple[str, ...] = (), actors: tuple[str, ...] = ()):
        adopt_fields(self, {"turn": turn, "kind": kind, "text": text, "audience": audience, "actors": actors})

    def visible_to(self, actor: str) -> bool:
        return not self.audience or actor in self.audience


@dataclass(frozen=True, init=False)
class Perception:
    """How ``observer`` read ``actor``'s move this turn (``seen`` None: it went unnoticed)."""

    observer: str
    actor: str
    move: str
    seen: str | None
    target: str | None
    actual: float
    perceived: float

    def __init__(self, observer: str, actor: str, move: str, seen: str | None, target: str | None, actual: float,
                 perceived: float):
        adopt_fields(self, {"observer": observer, "actor": actor, "move": move, "seen": seen, "target": target,
                            "actual": actual, "perceived": perceived})

    @property
    def misread(self) -> bool:
        return self.seen is not None and abs(self.perceived - self.actual) >= MISREAD_GAP


@dataclass
class Envelope:
    """A message in transit or delivered, with what the recipient actually got."""

    id: int
    turn: int
    message: Message
    deliver_on: int
    garbled: bool = False
    status: str = ""  # for proposals/counters/ultimatums: pending, accepted, rejected, countered, expired

    @property
    def delivered(self) -> bool:
        return self.deliver_on >= 0

    def received(self) -> Message:
        """The message as the recipient sees it: garbling turns promises and threats into noise."""
        if not self.garbled:
            return self.message
        m = self.message
        if m.kind in ("assurance", "threat", "statement"):
            return Message(m.sender, m.recipient, "statement", "[garbled] " + _garble(m.text))
        return Message(
            m.sender, m.recipient, m.kind, "[garbled] " + _garble(m.text), m.offer, m.ask, m.reply_to,
            m.move, m.trigger_move, m.deadline,
        )


def _garble(text: str) -> str:
    words = text.split()
    return " ".join(word if i % 3 else "…" for i, word in enumerate(words)) or "…"


@dataclass(frozen=True)
class Commitment:
    """One party's promise inside an agreement."""

    party: str
    term: str | None
    forbids: tuple[str, ...] = ()
    requires: str | None = None
    due: int | None = None


@dataclass
class Agreement:
    id: int
    turn: int
    parties: tuple[str, ...]
    commitments: tuple[Commitment, ...]
    status: str = "in force"  # in force | broken
    broken_by: str | None = None
    broken_turn: int | None = None
    kept_turns: int = 0

    @property
    def in_force(self) -> bool:
        return self.status == "in force"

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(c.term for c in self.commitments if c.term)


@dataclass
class RedLineState:
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
    status: str = "standing"  # standing | crossed | honoured | ignored
    crossed_turn: int | None = None
    answered_turn: int | None = None

    @property
    def awaiting_response(self) -> bool:
        return self.status == "crossed"


@dataclass
class TurnRecord:
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
    indicators: dict[str, int] = field(default_factory=dict)
    indicator_counts: tuple[int, ...] | None = None  # this turn's own, uncapped; see indicators.turn_counts

    @property
    def change(self) -> int:
        return self.rung_after - self.rung_before


@dataclass(frozen=True)
class Outcome:
    kind: str  # settled | defused | stalemate | capitulation | war
    turn: int
    reason: str
    actor: str | None = None
    scores: tuple[tuple[str, int], ...] = ()
    score_notes: tuple[tuple[str, str], ...] = ()

    def score(self, actor: str) -> int:
        return dict(self.scores)[actor]
