"""The after-action report as plain data.

``build`` fills these from a game; the Markdown and HTML renderers only lay
them out. Every judgement (what counts as an off-ramp, which turns were
turning points, which questions to ask) is made while building, so both
renderings always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    leader: str
    mediator: bool = False


@dataclass(frozen=True)
class BandInfo:
    id: str
    name: str
    color: str
    low: int  # first rung of the band
    high: int  # last rung of the band
    threshold: str | None  # the line at the top of the band, crossed when leaving it upward


@dataclass(frozen=True)
class ChartPoint:
    """The ladder at the end of one turn: the actual rung and each actor's belief."""

    turn: int
    label: str
    rung: int
    perceived: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Chart:
    start_rung: int
    top_rung: int
    war_rung: int
    rung_names: tuple[str, ...]
    bands: tuple[BandInfo, ...]
    points: tuple[ChartPoint, ...]  # one per resolved turn


@dataclass(frozen=True)
class Reading:
    """How one observer read a move."""

    observer: str
    seen: bool
    perceived: float
    misread: bool


@dataclass(frozen=True)
class MoveLine:
    actor: str
    move_id: str
    move: str
    target: str | None
    escalation: float  # as the ladder counted it
    tags: tuple[str, ...]
    covert: bool
    readings: tuple[Reading, ...]
    weight: float = 0.0  # the move's escalation at face value

    @property
    def escalation_words(self) -> str:
        """"escalation +2", or "escalation −0.5 of its −2" where the ladder counted it otherwise (engine.weighing)."""
        counted = round(self.escalation, 1)
        words = f"escalation {counted:+g}"
        return words if counted == self.weight else f"{words} of its {self.weight:+g}"


@dataclass(frozen=True)
class MessageLine:
    id: int
    sender: str
    recipient: str
    kind: str
    text: str
    offer: tuple[str, ...]  # term texts
    ask: tuple[str, ...]
    status: str  # for proposals, counters and ultimatums: accepted, rejected, ...; else ""
    garbled: bool
    delayed: bool
    reply_to: int | None


@dataclass(frozen=True)
class Happening:
    """Something that happened in a turn; ``kind`` groups it (event, inject, red line, agreement, news)."""

    kind: str
    text: str


@dataclass(frozen=True)
class OffRamp:
    turn: int
    actor: str
    kind: str  # "move": escalated while a way down was open; "offer": refused or let lapse a proposal
    text: str


@dataclass(frozen=True)
class TurnEntry:
    turn: int
    label: str
    rung_before: int
    rung_after: int
    band: str
    moves: tuple[MoveLine, ...]
    messages: tuple[MessageLine, ...]
    happenings: tuple[Happening, ...]
    off_ramps: tuple[OffRamp, ...]


@dataclass(frozen=True)
class RedLineEntry:
    id: str
    owner: str
    against: str
    description: str
    source: str  # scenario, threat, ultimatum
    declared: bool
    status: str  # standing, crossed, honoured, ignored
    crossed_turn: int | None
    answered_turn: int | None
    response: tuple[str, ...]  # move names that would honour it


@dataclass(frozen=True)
class PromiseEntry:
    """An agreement or assurance an actor was party to."""

    id: int
    turn: int
    parties: tuple[str, ...]
    terms: tuple[str, ...]
    status: str  # in force, broken
    broken_by: str | None
    broken_turn: int | None
    kept_turns: int


@dataclass(frozen=True)
class ActorLedger:
    actor: str
    credibility: tuple[int, ...]  # at the start, then at the end of each turn
    own_lines: tuple[RedLineEntry, ...]
    lines_crossed: tuple[RedLineEntry, ...]  # others' lines this actor crossed
    promises: tuple[PromiseEntry, ...]
    verdict: str


@dataclass(frozen=True)
class Metrics:
    """Crisis metrics in analysts' terms, from the moves' tags and the hotline (``actor`` None: total)."""

    actor: str | None
    messages: int
    meetings: int  # moves tagged engagement (talks, dialogue, concessions)
    summits: int
    escalation_incidents: int  # moves tagged strike or buildup
    agreements: int
    ceasefires: int
    confidence_measures: int  # moves tagged cbm or transparency
    military_spending: int  # economy spent on military moves
    sanctions: int
    mediation: int
    escalation_score: int  # Rivera et al. 2024 (study/escalation.py): its orders' class weights, summed
    calming_weight: float  # the de-escalation its calming moves were worth at face value
    calming_counted: float  # how much of it the ladder counted (repeats, friends and go-betweens count less)

    @property
    def engagements(self) -> int:
        return self.messages + self.meetings + self.summits

    @property
    def calming_share(self) -> float | None:
        """The share of its calming moves' worth the ladder counted (None: it played none)."""
        return self.calming_counted / self.calming_weight if self.calming_weight else None


@dataclass(frozen=True)
class TurningPoint:
    kind: str  # escalation, perception, off-ramp
    turn: int
    label: str
    text: str


@dataclass(frozen=True)
class IndicatorRow:
    turn: int
    label: str
    levels: tuple[int, ...]  # in the order of Report.indicator_names, 0 quiet .. 3 alarm


@dataclass(frozen=True)
class ScoreLine:
    actor: str
    score: int
    notes: str


@dataclass(frozen=True)
class OutcomeInfo:
    kind: str
    turn: int
    reason: str
    actor: str | None
    scores: tuple[ScoreLine, ...]


@dataclass(frozen=True)
class Report:
    title: str
    scenario_id: str
    setting: str
    seed: int
    turns_played: int
    turn_limit: int
    status: str  # "ended" or where an unfinished game stands
    outcome: OutcomeInfo | None
    peak: int
    actors: tuple[ActorInfo, ...]
    chart: Chart
    timeline: tuple[TurnEntry, ...]
    ledgers: tuple[ActorLedger, ...]
    indicator_names: tuple[str, ...]
    indicators: tuple[IndicatorRow, ...]
    metrics: tuple[Metrics, ...]  # one per actor, then the total
    turning_points: tuple[TurningPoint, ...]
    questions: tuple[str, ...]

    def actor_name(self, actor: str | None) -> str:
        return next((a.name for a in self.actors if a.id == actor), actor or "")


@dataclass(frozen=True)
class Branch:
    """One side of a comparison: a game's report under a short label (usually its file name)."""

    label: str
    report: Report
    decisions: int


@dataclass(frozen=True)
class CompareRow:
    turn: int
    a: TurnEntry | None  # None: that branch had ended before this turn
    b: TurnEntry | None


@dataclass(frozen=True)
class Comparison:
    title: str
    a: Branch
    b: Branch
    shared_decisions: int  # how many decisions both logs share from the start
    divergence_turn: int | None  # None: the two saves hold the same game
    divergence: str  # what first differed, in words
    rows: tuple[CompareRow, ...]  # from the divergence turn on
