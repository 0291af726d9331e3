"""The game: state plus the one entry point that changes it, ``apply``.

A ``Game`` is created from a loaded scenario and a seed. Every change goes
through ``apply(decision)``, which checks the decision against the rules
first and raises ``IllegalDecision`` without touching anything when it is
not allowed. The decision log is therefore the game: saves store it and
replaying it rebuilds the same state.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass, field
from functools import lru_cache

from transitions import EventData

from wargame.engine import adjudication, facilitation, hotline, legality, outcomes
from wargame.engine.decisions import MAX_TEXT, Decision, Inject, Message, Order, Override, Proceed
from wargame.engine.phases import TurnPhase, taken, turn_machine
from wargame.engine.records import WHITE_CELL, Agreement, Envelope, Event, Outcome, RedLineState, StatChange, TurnRecord
from wargame.errors import IllegalDecision
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import STATS, Band, ChannelState


@dataclass
class ActorState:
    id: str
    stats: dict[str, int]
    trust: dict[str, int]
    perceived_rung: float
    intent: dict[str, float] = field(default_factory=dict)


class Game:
    """One crisis in progress. Rules live in the sibling modules; this class keeps state and order."""

    def __init__(self, scenario: LoadedScenario, seed: int = 0):
        self.scenario = scenario
        self.seed = seed
        self.rng = random.Random(seed)
        spec = scenario.spec
        self.ladder = scenario.ladder
        self.band_ids: tuple[str, ...] = tuple(band.id for band in self.ladder.bands)
        self.rung_names: list[str] = [name for band in self.ladder.bands for name in band.rungs]
        self.band_of_rung: list[int] = [i for i, band in enumerate(self.ladder.bands) for _ in band.rungs]
        self.war_rung = len(self.rung_names) - len(self.ladder.bands[-1].rungs)
        self.top_rung = len(self.rung_names) - 1
        self.turn = 1
        self.rung = self.ladder.start
        self.peak = self.rung
        self.rung_change = 0
        self.calm_turns = 0
        self.fighting_turns = 0  # turns running at or above the ladder's fighting_at
        self.turn_phase: str = TurnPhase.BRIEFING.value  # changed only by firing the turn machine
        self.crisis_phase: str = self.ladder.bands[self.band_of_rung[self.rung]].id  # a band id or an OutcomeKind
        self.actors: dict[str, ActorState] = {}
        for actor in spec.actors:
            others = [a.id for a in spec.actors if a.id != actor.id]
            self.actors[actor.id] = ActorState(
                id=actor.id,
                stats={name: getattr(actor.stats, name) for name in STATS},
                trust={other: actor.trust.get(other, 50) for other in others},
                perceived_rung=float(self.rung),
                intent={other: 0.0 for other in others},
            )
        self._others = {a: tuple(b for b in self.actors if b != a) for a in self.actors}
        self.mediator_ids = tuple(a.id for a in spec.actors if a.role == "mediator")
        self.channels: dict[tuple[str, str], ChannelState] = {}
        for actor in spec.actors:
            for other, state in actor.channels.items():
                self.channels[pair(actor.id, other)] = state
        self.transparency_until: dict[tuple[str, str], int] = {}
        self.orders: dict[str, Order] = {}
        self.played: dict[tuple[str, str], list[int]] = {}
        self.last_played: dict[str, int] = {}
        self.unlocked: set[str] = set()
        self.fired: dict[str, int] = {}
        self.envelopes: list[Envelope] = []
        self.agreements: list[Agreement] = []
        self.red_lines: list[RedLineState] = [
            RedLineState(
                id=line.id,
                owner=actor.id,
                against=line.against,
                description=line.description,
                response=tuple(line.response),
                window=line.window,
                declared=line.declared,
            )
            for actor in spec.actors
            for line in actor.red_lines
        ]
        self.pending_reveals: list[tuple[int, Event]] = []
        self.events: list[Event] = []
        self.history: list[TurnRecord] = []
        self.stat_snapshots: list[dict[str, dict[str, int]]] = []
        self.stat_changes: list[StatChange] = []  # each with its cause, since the game began
        self.decisions: list[Decision] = []
        self.outcome: Outcome | None = None
        self.note(
            "briefing",
            f"{spec.title}: the crisis stands at rung {self.rung}, {self.rung_names[self.rung]}.",
        )

    # ------------------------------------------------------------ basics

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(self.actors)

    def others(self, actor: str) -> tuple[str, ...]:
        return self._others[actor]

    def channel(self, a: str, b: str) -> ChannelState:
        return self.channels.get((a, b) if a < b else (b, a), ChannelState.OPEN)  # pair(a, b), inlined: views ask constantly

    def band(self, rung: int | None = None) -> Band:
        return self.ladder.bands[self.band_of_rung[self.rung if rung is None else rung]]

    def name(self, actor: str) -> str:
        """The actor's name as the scenario gives it: news and results name actors, never show their ids."""
        return str(self.scenario.actor(actor).name)

    def turn_label(self, turn: int | None = None) -> str:
        return _turn_label(self.scenario, self.turn if turn is None else turn)

    def note(self, kind: str, text: str, audience: tuple[str, ...] = (), actors: tuple[str, ...] = ()) -> Event:
        event = Event(self.turn, kind, text, audience, actors)
        self.events.append(event)
        return event

    def ai_rng(self, actor: str) -> random.Random:
        """A stream for one computer player's thinking, derived from the seed.

        Separate from ``rng`` so that a replay (which applies logged decisions
        without asking the computer again) draws the same adjudication numbers.
        """
        return random.Random(f"{self.seed}/{actor}/{self.turn}/{self.turn_phase}/{len(self.decisions)}")

    def is_over(self) -> bool:
        return self.outcome is not None

    def agreements_in_force(self) -> list[Agreement]:
        return [a for a in self.agreements if a.in_force]

    def envelope(self, message_id: int) -> Envelope:
        if not 0 <= message_id < len(self.envelopes):
            raise IllegalDecision(f"there is no message #{message_id}")
        return self.envelopes[message_id]

    # ------------------------------------------------------------ decisions

    def apply(self, decision: Decision) -> None:
        """Check and carry out one decision; on IllegalDecision nothing has changed."""
        if self.outcome is not None:
            raise IllegalDecision(f"the game is over ({self.outcome.kind})")
        if isinstance(decision, Order):
            legality.check_order(self, decision)
            self.orders[decision.actor] = decision
        elif isinstance(decision, Message):
            hotline.check_message(self, decision)
            self.decisions.append(decision)
            hotline.send(self, decision)
            return
        elif isinstance(decision, Proceed):
            self._proceed(decision)
        elif isinstance(decision, Inject):
            adjudication.fire_inject(self, decision.inject)
        elif isinstance(decision, Override):
            self._override(decision)
        elif isinstance(decision, facilitation.WHITE_CELL_DECISIONS):
            facilitation.apply(self, decision)
        else:
            raise IllegalDecision(f"unknown decision {decision!r}")
        self.decisions.append(decision)

    def _proceed(self, decision: Proceed) -> None:
        if decision.phase != self.turn_phase:
            raise IllegalDecision(f"the turn is in its {self.turn_phase} phase, not {decision.phase}")
        machine, phase = turn_machine(), self.turn_phase
        try:
            machine.fire(self, machine.way_out(phase))  # refuses, changing nothing, when a condition does not hold
        except IllegalDecision as refusal:
            missing = [a for a in self.actors if a not in self.orders]  # the one condition a resting phase has
            if self.turn_phase != phase or not missing:  # refused by a callback, past the conditions
                raise
            raise IllegalDecision(f"waiting for orders from {', '.join(missing)}") from refusal
        if self.turn_phase == TurnPhase.ADJUDICATION:  # resolved on entry; nothing to wait for
            machine.fire(self, machine.way_out(self.turn_phase))

    def _override(self, decision: Override) -> None:
        if not 0 <= decision.value <= 100:
            raise IllegalDecision("override values go from 0 to 100")
        if len(decision.reason) > MAX_TEXT:
            raise IllegalDecision(f"a reason takes at most {MAX_TEXT} characters")
        if decision.actor is None:
            if decision.stat != "rung" or decision.value > self.top_rung:
                raise IllegalDecision(f"the rung goes from 0 to {self.top_rung}")
            self.rung = decision.value
            self.peak = max(self.peak, self.rung)
            adjudication.sync_band(self)
        else:
            if decision.actor not in self.actors or decision.stat not in STATS:
                raise IllegalDecision(f"no stat '{decision.stat}' for actor '{decision.actor}'")
            self.actors[decision.actor].stats[decision.stat] = decision.value
        from wargame.engine.views import PUBLIC_STATS

        who = self.scenario.actor(decision.actor).name if decision.actor else "the ladder"
        # the true rung is the white cell's; a private stat its actor's; a public one everyone's
        readers = WHITE_CELL if decision.actor is None else () if decision.stat in PUBLIC_STATS else (decision.actor,)
        why = f" Reason: {' '.join(decision.reason.split())}" if decision.reason.strip() else ""
        self.note("override", f"The facilitator set {who}: {decision.stat} {decision.value}.{why}", readers)
        outcomes.check_end(self, end_of_turn=False)

    # conveniences for callers and tests
    def order(self, actor: str, move: str, target: str | None = None) -> None:
        self.apply(Order(actor, move, target))

    def proceed(self) -> None:
        self.apply(Proceed(self.turn_phase))

    def send(self, message: Message) -> None:
        self.apply(message)

    # ------------------------------------------------------------ machine callbacks

    def all_orders_in(self, event: EventData | None = None) -> bool:
        return all(actor in self.orders for actor in self.actors)

    def on_adjudication(self, event: EventData | None = None) -> None:
        adjudication.resolve_turn(self)

    def on_enter_band(self, event: EventData) -> None:
        """News of the new band, and which moves its rungs open or close."""
        band = next(b for b in self.ladder.bands if b.id == event.state.name)
        self.note("band", f"The crisis enters a new band: {band.name}.")
        before, now = _moves_in_band(self.scenario, taken(event).source), _moves_in_band(self.scenario, band.id)
        if opened := sorted(now - before):
            self.note("band", "Now possible: " + ", ".join(opened) + ".")
        if closed := sorted(before - now):
            self.note("band", "No longer possible: " + ", ".join(closed) + ".")

    def on_threshold_crossed(self, event: EventData) -> None:
        band = next(b for b in self.ladder.bands if b.id == taken(event).source)
        if band.threshold:
            self.note("threshold", f"Threshold crossed upward: “{band.threshold}”.")

    def on_threshold_recrossed(self, event: EventData) -> None:
        band = next(b for b in self.ladder.bands if b.id == taken(event).dest)
        if band.threshold:
            self.note("threshold", f"Back below the threshold “{band.threshold}”.")

    def game_over(self, event: EventData | None = None) -> bool:
        return self.is_over()

    def on_new_turn(self, event: EventData | None = None) -> None:
        adjudication.start_turn(self)

    def clone(self) -> Game:
        """A deep copy sharing the immutable scenario, for look-ahead."""
        return copy.deepcopy(self, memo={id(self.scenario): self.scenario})


@lru_cache(maxsize=512)
def _turn_label(scenario: LoadedScenario, turn: int) -> str:
    """The scenario's name for a turn, e.g. "Day 5 — 20 October 1962".

    Cached because views ask for it about 110 times in a Cuban game: without the
    cache those calls took about 3 ms of a 55 ms game (6%; timed around each call
    in 40 seeded games, less the timer's own cost).
    """
    label = scenario.spec.turn_label
    text = label.template.replace("{turn}", str(turn))
    if label.start_date:
        day = dt.date.fromisoformat(label.start_date) + dt.timedelta(days=(turn - 1) * label.days_per_turn)
        text = text.replace("{date}", f"{day.day} {day.strftime('%B %Y')}")
    return text


def _moves_in_band(scenario: LoadedScenario, band_id: str) -> frozenset[str]:
    """Names of the moves whose rung limits allow them somewhere in this band."""
    bands = scenario.ladder.bands
    index = [b.id for b in bands].index(band_id)
    low = sum(len(b.rungs) for b in bands[:index])
    high = low + len(bands[index].rungs) - 1
    return frozenset(m.name for m in scenario.moves.values() if m.min_rung <= high and m.max_rung >= low)


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
