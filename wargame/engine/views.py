"""What one actor may know, and what the facilitator sees.

An ``ActorView`` holds exactly what its actor may know: its own stats and
secret red lines, what it perceived of the others, the messages it got, the
red lines others declared. Computer players and the UI read only views, so
hidden information stays hidden by construction. A ``FacilitatorView``
holds everything.
"""

from __future__ import annotations

import operator
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from wargame.engine import indicators, legality
from wargame.engine.decisions import Order
from wargame.engine.lazy import once
from wargame.engine.legality import MoveOption
from wargame.engine.records import (
    Agreement,
    Envelope,
    Event,
    Outcome,
    Perception,
    RedLineState,
    TurnRecord,
    adopt_fields,
)
from wargame.engine.weighing import REPEAT_WINDOW

if TYPE_CHECKING:
    from wargame.engine.game import Game
    from wargame.scenario.loader import LoadedScenario

PUBLIC_STATS = ("credibility", "support", "readiness")


@dataclass(frozen=True, init=False)
class Reading:
    """What one actor saw of another's move: never the truth behind it (``seen`` None: nothing noticed)."""

    actor: str
    seen: str | None
    target: str | None
    perceived: float

    def __init__(self, actor: str, seen: str | None, target: str | None, perceived: float):
        adopt_fields(self, {"actor": actor, "seen": seen, "target": target, "perceived": perceived})


def _reading(p: Perception) -> Reading:
    if p.seen is None:
        return Reading(p.actor, None, None, 0.0)
    return Reading(p.actor, p.seen, p.target, p.perceived)


@dataclass(frozen=True)
class OtherActor:
    """Another actor as seen from outside: public stats, my trust, the channel, my reading of its intent."""

    id: str
    name: str
    leader: str
    public_stats: dict[str, int]
    my_trust: int
    channel: str
    intent: float
    stance_rung: int


@dataclass(frozen=True)
class ActorView:
    actor: str
    name: str
    scenario: LoadedScenario
    turn: int
    turns: int
    turn_label: str
    phase: str
    rung: int
    perceived_rung: int
    stats: dict[str, int]
    previous_stats: dict[str, int]
    others: tuple[OtherActor, ...]
    order: str | None
    my_orders: tuple[tuple[int, Order], ...]
    fired: frozenset[str]
    inbox: tuple[Envelope, ...]
    outbox: tuple[Envelope, ...]
    agreements: tuple[Agreement, ...]
    my_red_lines: tuple[RedLineState, ...]
    their_red_lines: tuple[RedLineState, ...]
    perceived_history: tuple[tuple[int, tuple[Reading, ...]], ...]
    perceived_rungs: tuple[float, ...]
    news: tuple[Event, ...]
    indicators: dict[str, int]
    outcome: Outcome | None
    _game: Game | None = field(default=None, repr=False, compare=False)

    def __getattr__(self, name: str):
        """``indicators`` is worked out on first read, from fields of this view (computer players never read it)."""
        if name != "indicators":
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = _seen_indicators(self)
        object.__setattr__(self, name, value)
        return value

    @once
    def options(self) -> tuple[MoveOption, ...]:
        """Every move with its availability now; computed on first use (it is the costly part of a view).

        Read it while the game is still at the moment the view was taken.
        """
        if self._game is None or self.outcome is not None:
            return ()
        return tuple(legality.options(self._game, self.actor))

    @once
    def trust_in(self) -> dict[str, int]:
        """My trust in each other actor, by id."""
        return {o.id: o.my_trust for o in self.others}

    @once
    def recent_moves(self) -> dict[str, int]:
        """Move id -> how often I played it in the last turns, where the ladder counts a repeated gesture for less."""
        recent: dict[str, int] = {}
        for turn, order in self.my_orders:
            if turn >= self.turn - REPEAT_WINDOW:
                recent[order.move] = recent.get(order.move, 0) + 1
        return recent

    @property
    def over(self) -> bool:
        return self.outcome is not None

    def option(self, move_id: str) -> MoveOption | None:
        return next((o for o in self.options if o.move.id == move_id), None)

    def pending_proposals(self) -> list[Envelope]:
        """Proposals, counters and ultimatums addressed to me that await an answer."""
        return [e for e in self.inbox if e.status == "pending"]

    def alerts(self) -> list[RedLineState]:
        """My red lines that were crossed and still wait for my answer."""
        return [line for line in self.my_red_lines if line.awaiting_response]


def actor_view(game: Game, actor: str) -> ActorView:
    me = game.actors[actor]
    seen = _journal(game).caught_up(game).seen[actor]
    return _frozen(ActorView, {
        "actor": actor,
        "name": game.scenario.actor(actor).name,
        "scenario": game.scenario,
        "turn": game.turn,
        "turns": game.scenario.spec.turns,
        "turn_label": game.turn_label(),
        "phase": game.turn_phase,
        "rung": game.rung,
        "perceived_rung": round(me.perceived_rung),
        "stats": dict(me.stats),
        "previous_stats": _previous_stats(game, actor),
        "others": _others(game, actor, me, seen),
        "order": game.orders[actor].move if actor in game.orders else None,
        "my_orders": seen.my_orders,
        "fired": frozenset(game.fired),
        "inbox": tuple(e for e in seen.to_me if e.delivered),
        "outbox": seen.outbox,
        "agreements": tuple(a for a in game.agreements if actor in a.parties or _addressed(seen.assured, a, actor)),
        "my_red_lines": seen.my_red_lines,
        "their_red_lines": seen.their_red_lines,
        "perceived_history": seen.history,
        "perceived_rungs": seen.perceived_rungs,
        "news": seen.news,
        "outcome": game.outcome,
        "_game": game,
    })


def _frozen(cls: type, fields: dict[str, object]):
    """An instance of a frozen dataclass holding ``fields`` (a dict made for it), without its costly ``__init__``.

    A dict display is built in one step, where keyword arguments cost twice
    as much for a view's 25 fields; the generated ``__init__`` is dearer still.
    """
    instance = object.__new__(cls)
    adopt_fields(instance, fields)
    return instance


def _others(game: Game, actor: str, me, seen: _Seen) -> tuple[OtherActor, ...]:
    """The others as I see them; my last view's tuple again while nothing it is made of has changed.

    That is most views taken in the orders phase (orders change none of it),
    and building the tuple was the costliest part of a view. Views of one
    actor may therefore share the tuple and its frozen records.
    """
    made_of = (me.perceived_rung, me.trust, me.intent, game.channels, [game.actors[o].stats for o in game.others(actor)])
    if made_of != seen.others_made_of:
        seen.others = _build_others(game, actor, me)
        rung, trust, intent, channels, stats = made_of
        seen.others_made_of = (rung, dict(trust), dict(intent), dict(channels), [dict(s) for s in stats])
    return seen.others


def _build_others(game: Game, actor: str, me) -> tuple[OtherActor, ...]:
    top, rung, actors = game.top_rung, me.perceived_rung, game.actors
    return tuple(
        _frozen(OtherActor, {
            "id": other,
            "name": people.name,
            "leader": people.leader,
            "public_stats": {s: actors[other].stats[s] for s in PUBLIC_STATS},
            "my_trust": me.trust[other],
            "channel": game.channel(actor, other),
            "intent": (intent := me.intent[other]),
            "stance_rung": max(0, min(top, round(rung + intent))),
        })
        for other, people in zip(game.others(actor), _other_specs(game.scenario, actor))
    )


@lru_cache(maxsize=256)
def _other_specs(scenario: LoadedScenario, actor: str) -> tuple:
    """The scenario's declarations of the other actors, in the game's order (scenarios are immutable)."""
    return tuple(scenario.actor(other) for other in scenario.actor_ids if other != actor)


def _addressed(assured: set[tuple[str, str, int]], agreement: Agreement, actor: str) -> bool:
    """Unilateral assurances are visible to the one they were given to."""
    return any((party, actor, agreement.turn) in assured for party in agreement.parties)


def _previous_stats(game: Game, actor: str) -> dict[str, int]:
    snapshots = game.stat_snapshots
    return dict(snapshots[-1][actor]) if snapshots else dict(game.actors[actor].stats)


def _seen_indicators(view: ActorView) -> dict[str, int]:
    """The warning indicators from what the view's actor saw in the last turns."""
    window = indicators.WINDOW
    seen_moves = [p.seen for _, readings in view.perceived_history[-window:] for p in readings if p.seen]
    seen_moves += [order.move for _, order in view.my_orders[-window:]]
    oldest = view.turn - window
    recent_news = [e for e in view.news if e.turn > oldest]
    return indicators.from_moves(seen_moves, recent_news, view.scenario)


class _Seen:
    """One actor's share of the game's logs, in log order.

    Everything a view takes from here is a tuple, replaced (never changed)
    when the logs grow, so views of one actor share them until then.
    """

    __slots__ = (
        "assured",
        "history",
        "my_orders",
        "my_red_lines",
        "news",
        "others",
        "others_made_of",
        "outbox",
        "perceived_rungs",
        "their_red_lines",
        "to_me",
    )

    def __init__(self, assured: set[tuple[str, str, int]]) -> None:
        self.history: tuple[tuple[int, tuple[Reading, ...]], ...] = ()
        self.my_orders: tuple[tuple[int, Order], ...] = ()
        self.perceived_rungs: tuple[float, ...] = ()
        self.news: tuple[Event, ...] = ()
        self.to_me: list[Envelope] = []  # every message addressed to me, delivered or not yet
        self.outbox: tuple[Envelope, ...] = ()
        self.my_red_lines: tuple[RedLineState, ...] = ()
        self.their_red_lines: tuple[RedLineState, ...] = ()  # declared ones only
        self.assured = assured  # shared by all actors of the game
        self.others: tuple[OtherActor, ...] = ()  # in my last view, with copies of what it was made of:
        self.others_made_of: tuple = ()  # my perceived rung, trust, intent, the channels, the others' stats

    def extend(self, actor: str, history: list, readings: list, events: list, envelopes: list, red_lines: list) -> None:
        """Add my share of the entries just appended to the logs (``readings``: per new turn record, by observer)."""
        if history:
            self.history += tuple((record.turn, seen_by.get(actor, ())) for record, seen_by in zip(history, readings))
            self.my_orders += tuple((record.turn, record.orders[actor]) for record in history)
            self.perceived_rungs += tuple(record.perceived_rung[actor] for record in history)
        if events:
            self.news += tuple(e for e in events if e.visible_to(actor))
        if envelopes:
            self.to_me += [e for e in envelopes if e.message.recipient == actor]
            self.outbox += tuple(e for e in envelopes if e.message.sender == actor)
        if red_lines:
            self.my_red_lines += tuple(line for line in red_lines if line.owner == actor)
            self.their_red_lines += tuple(line for line in red_lines if line.owner != actor and line.declared)


def _readings_by_observer(record: TurnRecord) -> dict[str, tuple[Reading, ...]]:
    """What each actor saw of the others' moves in one turn (sorted once for all the actors)."""
    readings: dict[str, list[Reading]] = {}
    for p in record.perceptions:
        readings.setdefault(p.observer, []).append(_reading(p))
    return {observer: tuple(seen) for observer, seen in readings.items()}


class _Journal:
    """Each actor's share of one game's append-only logs, extended as the logs grow.

    Views used to filter the whole history, news, mail and red lines for
    every view; the logs only ever grow at the end (turn records, events,
    envelopes and red lines are appended, and what views read of them —
    perceptions, audiences, senders and recipients, owners, whether a line
    was declared — never changes afterwards), so each entry is sorted out
    once. If a log shrank or was replaced, the journal starts over. It holds
    no reference to its game, which keys it weakly.
    """

    def __init__(self, game: Game):
        self.assured: set[tuple[str, str, int]] = set()  # (sender, recipient, turn) of every assurance sent
        self.seen = {actor: _Seen(self.assured) for actor in game.actors}
        self.logs = _logs(game)
        self.counts = (0,) * len(self.logs)  # entries sorted out so far, per log

    def caught_up(self, game: Game) -> _Journal:
        """This journal with every log entry added since the last view sorted out (a new one after a reset)."""
        logs = _logs(game)
        counts = tuple(map(len, logs))
        same_logs = all(map(operator.is_, logs, self.logs))
        if same_logs and counts == self.counts:
            return self
        if not same_logs or any(map(operator.lt, counts, self.counts)):
            journal = _JOURNALS[game] = _Journal(game)
            return journal.caught_up(game)
        history, events, envelopes, red_lines = (log[count:] for log, count in zip(logs, self.counts))
        readings = [_readings_by_observer(record) for record in history]
        for actor, seen in self.seen.items():
            seen.extend(actor, history, readings, events, envelopes, red_lines)
        self.assured.update((e.message.sender, e.message.recipient, e.turn) for e in envelopes if e.message.kind == "assurance")
        self.counts = counts
        return self


def _logs(game: Game) -> tuple[list, ...]:
    """The append-only logs the journal follows."""
    return game.history, game.events, game.envelopes, game.red_lines


_JOURNALS: weakref.WeakKeyDictionary[Game, _Journal] = weakref.WeakKeyDictionary()


def _journal(game: Game) -> _Journal:
    journal = _JOURNALS.get(game)
    if journal is None:
        journal = _JOURNALS[game] = _Journal(game)
    return journal


@dataclass(frozen=True)
class FacilitatorView:
    """Everything: actual and perceived, secret red lines, all messages."""

    game: Game

    @property
    def history(self) -> list[TurnRecord]:
        return self.game.history

    def actor(self, actor: str) -> ActorView:
        return actor_view(self.game, actor)
