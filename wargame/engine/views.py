"""What one actor may know, and what the facilitator sees.

An ``ActorView`` holds exactly what its actor may know: its own stats and
secret red lines, what it perceived of the others, the messages it got, the
red lines others declared. Computer players and the UI read only views, so
hidden information stays hidden by construction. A ``FacilitatorView``
holds everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import weakref
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from wargame.engine import indicators, legality
from wargame.engine.decisions import Order
from wargame.engine.legality import MoveOption
from wargame.engine.records import Agreement, Envelope, Event, Outcome, Perception, RedLineState, TurnRecord

if TYPE_CHECKING:
    from wargame.engine.game import Game
    from wargame.scenario.loader import LoadedScenario

PUBLIC_STATS = ("credibility", "support", "readiness")


@dataclass(frozen=True)
class Reading:
    """What one actor saw of another's move: never the truth behind it (``seen`` None: nothing noticed)."""

    actor: str
    seen: str | None
    target: str | None
    perceived: float


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
    scenario: "LoadedScenario"
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
    _game: "Game | None" = field(default=None, repr=False, compare=False)

    @cached_property
    def options(self) -> tuple[MoveOption, ...]:
        """Every move with its availability now; computed on first use (it is the costly part of a view).

        Read it while the game is still at the moment the view was taken.
        """
        if self._game is None or self.outcome is not None:
            return ()
        return tuple(legality.options(self._game, self.actor))

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


def actor_view(game: "Game", actor: str) -> ActorView:
    me = game.actors[actor]
    journal = _journal(game)
    seen = journal.actor(game, actor)
    history = tuple(seen.history)
    my_orders = tuple(seen.my_orders)
    seen_moves = [p.seen for _, readings in history[-indicators.WINDOW:] for p in readings if p.seen]
    seen_moves += [order.move for _, order in my_orders[-indicators.WINDOW:]]
    news = tuple(seen.news)
    oldest = game.turn - indicators.WINDOW
    recent_news = [e for e in news if e.turn > oldest]
    assured = journal.assured
    return ActorView(
        actor=actor,
        name=game.scenario.actor(actor).name,
        scenario=game.scenario,
        turn=game.turn,
        turns=game.scenario.spec.turns,
        turn_label=game.turn_label(),
        phase=game.turn_phase,
        rung=game.rung,
        perceived_rung=round(me.perceived_rung),
        stats=dict(me.stats),
        previous_stats=_previous_stats(game, actor),
        others=_others(game, actor, me),
        order=game.orders[actor].move if actor in game.orders else None,
        my_orders=my_orders,
        fired=frozenset(game.fired),
        inbox=tuple(e for e in seen.to_me if e.delivered),
        outbox=tuple(seen.from_me),
        agreements=tuple(a for a in game.agreements if actor in a.parties or _addressed(assured, a, actor)),
        my_red_lines=tuple(line for line in game.red_lines if line.owner == actor),
        their_red_lines=tuple(line for line in game.red_lines if line.owner != actor and line.declared),
        perceived_history=history,
        perceived_rungs=tuple(seen.perceived_rungs),
        news=news,
        indicators=indicators.from_moves(seen_moves, recent_news, game.scenario),
        outcome=game.outcome,
        _game=game,
    )


def _others(game: "Game", actor: str, me) -> tuple[OtherActor, ...]:
    return tuple(
        OtherActor(
            id=other,
            name=people.name,
            leader=people.leader,
            public_stats={s: game.actors[other].stats[s] for s in PUBLIC_STATS},
            my_trust=me.trust[other],
            channel=game.channel(actor, other),
            intent=me.intent[other],
            stance_rung=max(0, min(game.top_rung, round(me.perceived_rung + me.intent[other]))),
        )
        for other, people in zip(game.others(actor), _other_specs(game.scenario, actor))
    )


@lru_cache(maxsize=256)
def _other_specs(scenario: "LoadedScenario", actor: str) -> tuple:
    """The scenario's declarations of the other actors, in the game's order (scenarios are immutable)."""
    return tuple(scenario.actor(other) for other in scenario.actor_ids if other != actor)


def _addressed(assured: set[tuple[str, str, int]], agreement: Agreement, actor: str) -> bool:
    """Unilateral assurances are visible to the one they were given to."""
    return any((party, actor, agreement.turn) in assured for party in agreement.parties)


def _previous_stats(game: "Game", actor: str) -> dict[str, int]:
    snapshots = game.stat_snapshots
    return dict(snapshots[-1][actor]) if snapshots else dict(game.actors[actor].stats)


class _Seen:
    """One actor's share of the game's logs, in log order."""

    __slots__ = ("history", "my_orders", "perceived_rungs", "news", "to_me", "from_me")

    def __init__(self) -> None:
        self.history: list[tuple[int, tuple[Reading, ...]]] = []
        self.my_orders: list[tuple[int, Order]] = []
        self.perceived_rungs: list[float] = []
        self.news: list[Event] = []
        self.to_me: list[Envelope] = []  # every message addressed to me, delivered or not yet
        self.from_me: list[Envelope] = []


class _Journal:
    """Each actor's share of one game's append-only logs, extended as the logs grow.

    Views used to filter the whole history, news and mail for every view;
    the logs only ever grow at the end (turn records, events and envelopes
    are appended, and what views read of them never changes afterwards), so
    each entry is now sorted out once. A log that shrank or was replaced is
    read again from the start. It holds no reference to its game, which
    keys it weakly.
    """

    def __init__(self, game: "Game"):
        self.seen = {actor: _Seen() for actor in game.actors}
        self.assured: set[tuple[str, str, int]] = set()  # (sender, recipient, turn) of every assurance sent
        self.read: dict[str, tuple[list, int]] = {}  # log name -> (the list, entries read)

    def actor(self, game: "Game", actor: str) -> _Seen:
        logs = {"history": game.history, "events": game.events, "envelopes": game.envelopes}
        new = {name: self._unread(name, log) for name, log in logs.items()}
        if any(new.values()):
            self._extend(new["history"], new["events"], new["envelopes"])
        self.read = {name: (log, len(log)) for name, log in logs.items()}
        return self.seen[actor]

    def _unread(self, name: str, log: list) -> list:
        """Entries of ``log`` not read yet (all of them, after a reset)."""
        known, count = self.read.get(name, (None, 0))
        if known is not log or count > len(log):
            self._forget(name)
            count = 0
        return log[count:] if count < len(log) else []

    def _forget(self, name: str) -> None:
        for seen in self.seen.values():
            if name == "history":
                seen.history.clear(), seen.my_orders.clear(), seen.perceived_rungs.clear()
            elif name == "events":
                seen.news.clear()
            else:
                seen.to_me.clear(), seen.from_me.clear()
        if name == "envelopes":
            self.assured.clear()

    def _extend(self, history: list, events: list, envelopes: list) -> None:
        for actor, seen in self.seen.items():
            for record in history:
                seen.history.append((record.turn, tuple(_reading(p) for p in record.perceptions if p.observer == actor)))
                seen.my_orders.append((record.turn, record.orders[actor]))
                seen.perceived_rungs.append(record.perceived_rung[actor])
            seen.news.extend(e for e in events if e.visible_to(actor))
            seen.to_me.extend(e for e in envelopes if e.message.recipient == actor)
            seen.from_me.extend(e for e in envelopes if e.message.sender == actor)
        for e in envelopes:
            if e.message.kind == "assurance":
                self.assured.add((e.message.sender, e.message.recipient, e.turn))


_JOURNALS: "weakref.WeakKeyDictionary[Game, _Journal]" = weakref.WeakKeyDictionary()


def _journal(game: "Game") -> _Journal:
    journal = _JOURNALS.get(game)
    if journal is None:
        journal = _JOURNALS[game] = _Journal(game)
    return journal


@dataclass(frozen=True)
class FacilitatorView:
    """Everything: actual and perceived, secret red lines, all messages."""

    game: "Game"

    @property
    def history(self) -> list[TurnRecord]:
        return self.game.history

    def actor(self, actor: str) -> ActorView:
        return actor_view(self.game, actor)
