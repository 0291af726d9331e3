"""What one actor may know, and what the facilitator sees: values, taken at one moment.

An ``ActorView`` holds exactly what its actor may know: its own stats and
secret red lines, what it perceived of the others and of the rung (never
the true rung nor the others' real moves), the messages it got as they
arrived, the news addressed to it, the red lines others declared, and the
moves it may play now. Computer players
and the UI read only views, so hidden information stays hidden by
construction. A ``FacilitatorView`` holds everything.

A view is a snapshot made of plain frozen data and the (immutable)
scenario: it holds no reference to the game, and the game's own records
(envelopes, agreements, red lines, turns) are copied into frozen
snapshots, so a view kept from turn 3 still reads as turn 3 later on.
``to_dict`` / ``from_dict`` turn a view into JSON-ready data and back; that
is the wire format of networked play and of external agents
(docs/views.md, docs/view.schema.json).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from wargame.engine import indicators, legality, wire
from wargame.engine.decisions import Order
from wargame.engine.legality import MoveOption
from wargame.engine.records import (
    AgreementSnapshot,
    EnvelopeSnapshot,
    Event,
    Outcome,
    PlayedOrder,
    Reading,
    RedLineSnapshot,
    SeenTurn,
    StatChange,
    TurnSnapshot,
)
from wargame.engine.weighing import REPEAT_WINDOW
from wargame.scenario.loader import LoadedScenario

if TYPE_CHECKING:
    from wargame.engine.game import Game

__all__ = [
    "ActorSnapshot", "ActorView", "Channel", "FacilitatorView", "OtherActor", "PlayedOrder", "Reading", "SeenTurn",
    "actor_view", "facilitator_view", "view_schema",
]

PUBLIC_STATS = ("credibility", "support", "readiness")
WIRE_VERSION = 1  # of the JSON form; raised when a change would misread older data

View = TypeVar("View", bound="_Wire")


class _Wire:
    """``to_dict`` / ``from_dict`` for a view class (``KIND`` names it in the data)."""

    __slots__ = ()
    KIND: ClassVar[str]
    scenario: LoadedScenario

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: ``kind``, ``version``, the scenario's id and digest, then every field."""
        head = {"kind": self.KIND, "version": WIRE_VERSION,
                "scenario": {"id": self.scenario.id, "digest": self.scenario.digest}}
        body: dict[str, Any] = wire.to_data(self)
        return head | body

    @classmethod
    def from_dict(cls: type[View], data: Mapping[str, Any], scenario: LoadedScenario) -> View:
        """The view ``to_dict`` wrote, in ``scenario`` (which must be the same text: its digest is checked)."""
        body = dict(data)
        kind, version, ref = body.pop("kind", None), body.pop("version", None), body.pop("scenario", None)
        if kind != cls.KIND or version != WIRE_VERSION:
            raise ValueError(f"not a {cls.KIND} view of version {WIRE_VERSION}: kind {kind!r}, version {version!r}")
        if not isinstance(ref, dict) or ref.get("digest") != scenario.digest:
            raise ValueError(f"the view is of another scenario than {scenario.id} (digest {scenario.digest[:12]}…)")
        view: View = wire.from_data(cls, body, scenario)
        return view


@dataclass(frozen=True, slots=True)
class OtherActor:
    """Another actor as seen from outside: public stats, my trust, the channel, my reading of its intent."""

    id: str
    name: str
    leader: str
    public_stats: Mapping[str, int]
    my_trust: int
    channel: str
    intent: float
    stance_rung: int  # where I believe it stands on the ladder


@dataclass(frozen=True, slots=True)
class ActorView(_Wire):
    """Everything one actor may know at one moment of the game, and the moves it may play."""

    KIND: ClassVar[str] = "actor"

    actor: str
    name: str
    scenario: LoadedScenario = field(compare=False, repr=False, metadata=wire.LOCAL)  # not in the JSON form
    turn: int
    turns: int
    turn_label: str
    phase: str
    perceived_rung: int  # where I believe the crisis stands (the true rung is the white cell's until the end)
    stats: Mapping[str, int]
    previous_stats: Mapping[str, int]  # at the start of the last resolved turn
    my_changes: tuple[StatChange, ...]  # what changed my stats in the last resolved turn, and why
    others: tuple[OtherActor, ...]
    order: str | None  # the move I ordered this turn, if any yet
    order_target: str | None  # whom that move aims at, if anyone
    my_orders: tuple[PlayedOrder, ...]
    inbox: tuple[EnvelopeSnapshot, ...]  # delivered to me, as received: a garbled one holds only its garbled text
    outbox: tuple[EnvelopeSnapshot, ...]  # sent by me, delivered or not
    agreements: tuple[AgreementSnapshot, ...]  # mine, and assurances given to me
    my_red_lines: tuple[RedLineSnapshot, ...]  # secret ones too
    their_red_lines: tuple[RedLineSnapshot, ...]  # declared ones only
    perceived_history: tuple[SeenTurn, ...]
    perceived_rungs: tuple[float, ...]  # my reading of the rung after each past turn
    news: tuple[Event, ...]  # the events I may know
    outcome: Outcome | None
    options: tuple[MoveOption, ...]  # every move I could ever play here, with its availability now
    trust_in: Mapping[str, int] = field(init=False, compare=False, repr=False)
    recent_moves: Mapping[str, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """``trust_in`` and ``recent_moves``: read on every decision, so worked out from the fields once."""
        object.__setattr__(self, "trust_in", MappingProxyType({o.id: o.my_trust for o in self.others}))
        recent: dict[str, int] = {}
        for turn, order in self.my_orders:
            if turn >= self.turn - REPEAT_WINDOW:
                recent[order.move] = recent.get(order.move, 0) + 1
        object.__setattr__(self, "recent_moves", MappingProxyType(recent))

    @property
    def over(self) -> bool:
        return self.outcome is not None

    @property
    def indicators(self) -> dict[str, int]:
        """The warning indicators from what I saw in the last turns (the UI shows them; computer players do not ask)."""
        window = indicators.WINDOW
        seen_moves = [p.seen for _, readings in self.perceived_history[-window:] for p in readings if p.seen]
        seen_moves += [order.move for _, order in self.my_orders[-window:]]
        oldest = self.turn - window
        recent_news = [e for e in self.news if e.turn > oldest]
        return indicators.from_moves(seen_moves, recent_news, self.scenario)

    def option(self, move_id: str) -> MoveOption | None:
        return next((o for o in self.options if o.move.id == move_id), None)

    def pending_proposals(self) -> list[EnvelopeSnapshot]:
        """Proposals, counters and ultimatums addressed to me that await an answer."""
        return [e for e in self.inbox if e.status == "pending"]

    def alerts(self) -> list[RedLineSnapshot]:
        """My red lines that were crossed and still wait for my answer."""
        return [line for line in self.my_red_lines if line.awaiting_response]


def actor_view(game: Game, actor: str) -> ActorView:
    """What ``actor`` may know now, and the moves it may play (none once the game is over)."""
    me, scenario, history = game.actors[actor], game.scenario, game.history
    envelopes, red_lines = game.envelopes, game.red_lines
    assured_by = {(e.message.sender, e.turn) for e in envelopes
                  if e.message.recipient == actor and e.message.kind == "assurance"}
    snapshots = game.stat_snapshots
    return ActorView(
        actor=actor,
        name=scenario.actor(actor).name,
        scenario=scenario,
        turn=game.turn,
        turns=scenario.spec.turns,
        turn_label=game.turn_label(),
        phase=game.turn_phase,
        perceived_rung=round(me.perceived_rung),
        stats=MappingProxyType(dict(me.stats)),
        previous_stats=MappingProxyType(dict(snapshots[-1][actor] if snapshots else me.stats)),
        my_changes=tuple(c for c in history[-1].changes if c.actor == actor) if history else (),
        others=_others(game, actor),
        order=game.orders[actor].move if actor in game.orders else None,
        order_target=game.orders[actor].target if actor in game.orders else None,
        my_orders=tuple([record.played[actor] for record in history]),
        inbox=tuple(e.as_received() for e in envelopes if e.message.recipient == actor and e.delivered),
        outbox=tuple(e.snapshot() for e in envelopes if e.message.sender == actor),
        agreements=tuple(a.snapshot() for a in game.agreements
                         if actor in a.parties or any((party, a.turn) in assured_by for party in a.parties)),
        my_red_lines=tuple(line.seen_by(actor) for line in red_lines if line.owner == actor),
        their_red_lines=tuple(line.seen_by(actor) for line in red_lines if line.owner != actor and line.declared),
        perceived_history=tuple([record.seen[actor] for record in history]),
        perceived_rungs=tuple([record.perceived_rung[actor] for record in history]),
        news=tuple([e for e in game.events if not e.audience or actor in e.audience]),  # Event.visible_to, inlined
        outcome=game.outcome,
        options=() if game.outcome else tuple(legality.options(game, actor)),
    )


def _others(game: Game, actor: str) -> tuple[OtherActor, ...]:
    """The others as I see them: public stats, my trust in them, the channel, my reading of their intent."""
    me, top = game.actors[actor], game.top_rung
    others = []
    for other in game.others(actor):
        people, intent = game.scenario.actor(other), me.intent[other]
        stats = game.actors[other].stats
        others.append(OtherActor(
            id=other,
            name=people.name,
            leader=people.leader,
            public_stats=MappingProxyType({s: stats[s] for s in PUBLIC_STATS}),
            my_trust=me.trust[other],
            channel=game.channel(actor, other),
            intent=intent,
            stance_rung=max(0, min(top, round(me.perceived_rung + intent))),
        ))
    return tuple(others)


@dataclass(frozen=True, slots=True)
class ActorSnapshot:
    """One actor as the facilitator sees it: true stats, trust in each other actor, its reading of the crisis."""

    id: str
    name: str
    doctrine: str  # the computer doctrine the scenario gives it
    stats: Mapping[str, int]
    trust: Mapping[str, int]  # in each other actor
    perceived_rung: float
    intent: Mapping[str, float]  # its reading of each other actor's intent


@dataclass(frozen=True, slots=True)
class Channel:
    """A channel between two actors that is not simply open."""

    a: str
    b: str
    state: str


@dataclass(frozen=True, slots=True)
class FacilitatorView(_Wire):
    """Everything, actual and perceived, at one moment: what the white cell shows and acts on."""

    KIND: ClassVar[str] = "facilitator"

    scenario: LoadedScenario = field(compare=False, repr=False, metadata=wire.LOCAL)  # not in the JSON form
    seed: int
    turn: int
    turns: int
    turn_labels: tuple[str, ...]  # of turns 1 to ``turn``
    phase: str
    rung: int
    rung_name: str
    band: str  # the name of the rung's band
    peak: int
    war_rung: int
    top_rung: int
    actors: tuple[ActorSnapshot, ...]
    channels: tuple[Channel, ...]
    orders: Mapping[str, Order]  # given so far this turn
    fired: Mapping[str, int]  # inject id -> turn fired
    red_lines: tuple[RedLineSnapshot, ...]
    envelopes: tuple[EnvelopeSnapshot, ...]
    agreements: tuple[AgreementSnapshot, ...]
    events: tuple[Event, ...]
    history: tuple[TurnSnapshot, ...]
    outcome: Outcome | None

    @property
    def turn_label(self) -> str:
        return self.turn_labels[-1]

    def label(self, turn: int) -> str:
        """The scenario's name for ``turn`` (an event's, a past turn's)."""
        return self.turn_labels[turn - 1]

    def actor(self, actor: str) -> ActorSnapshot:
        return next(a for a in self.actors if a.id == actor)

    def channel(self, a: str, b: str) -> str:
        return next((c.state for c in self.channels if {c.a, c.b} == {a, b}), "open")

    @property
    def indicators(self) -> Mapping[str, int]:
        """The warning indicators after the last resolved turn (none before)."""
        return self.history[-1].indicators if self.history else MappingProxyType({})

    @property
    def over(self) -> bool:
        return self.outcome is not None


def facilitator_view(game: Game) -> FacilitatorView:
    """Everything about ``game`` now."""
    scenario = game.scenario
    return FacilitatorView(
        scenario=scenario,
        seed=game.seed,
        turn=game.turn,
        turns=scenario.spec.turns,
        turn_labels=tuple(game.turn_label(turn) for turn in range(1, game.turn + 1)),
        phase=game.turn_phase,
        rung=game.rung,
        rung_name=game.rung_names[game.rung],
        band=game.band().name,
        peak=game.peak,
        war_rung=game.war_rung,
        top_rung=game.top_rung,
        actors=tuple(
            ActorSnapshot(actor, scenario.actor(actor).name, scenario.actor(actor).doctrine,
                          MappingProxyType(dict(state.stats)), MappingProxyType(dict(state.trust)),
                          state.perceived_rung, MappingProxyType(dict(state.intent)))
            for actor, state in game.actors.items()
        ),
        channels=tuple(Channel(a, b, state) for (a, b), state in sorted(game.channels.items()) if state != "open"),
        orders=MappingProxyType(dict(game.orders)),
        fired=MappingProxyType(dict(game.fired)),
        red_lines=tuple(line.snapshot() for line in game.red_lines),
        envelopes=tuple(e.snapshot() for e in game.envelopes),
        agreements=tuple(a.snapshot() for a in game.agreements),
        events=tuple(game.events),
        history=tuple(record.snapshot() for record in game.history),
        outcome=game.outcome,
    )


def view_schema() -> dict[str, Any]:
    """The JSON Schema of both views' ``to_dict``, told apart by ``kind`` (docs/view.schema.json)."""
    defs: dict[str, Any] = {}
    for cls in (ActorView, FacilitatorView):
        wire.json_schema(cls, defs)
        body = defs[cls.__name__]
        head = {
            "kind": {"const": cls.KIND},
            "version": {"const": WIRE_VERSION},
            "scenario": {"$ref": "#/$defs/ScenarioRef"},
        }
        body["properties"] = head | body["properties"]
        body["required"] = list(head) + body["required"]
    defs["ScenarioRef"] = {
        "type": "object",
        "description": "The scenario the view belongs to: its id and the sha256 of its text.",
        "properties": {"id": {"type": "string"}, "digest": {"type": "string", "pattern": "^[0-9a-f]{64}$"}},
        "required": ["id", "digest"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "wargame view",
        "description": "An actor's or the facilitator's view of a game at one moment (docs/views.md).",
        "oneOf": [{"$ref": "#/$defs/ActorView"}, {"$ref": "#/$defs/FacilitatorView"}],
        "$defs": dict(sorted(defs.items())),
    }
