"""What one actor may know, and what the facilitator sees.

An ``ActorView`` holds exactly what its actor may know: its own stats and
secret red lines, what it perceived of the others, the messages it got, the
red lines others declared. Computer players and the UI read only views, so
hidden information stays hidden by construction. A ``FacilitatorView``
holds everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
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
    spec = game.scenario.actor(actor)
    previous = _previous_stats(game, actor)
    others = tuple(
        OtherActor(
            id=other,
            name=game.scenario.actor(other).name,
            leader=game.scenario.actor(other).leader,
            public_stats={s: game.actors[other].stats[s] for s in PUBLIC_STATS},
            my_trust=me.trust[other],
            channel=game.channel(actor, other),
            intent=me.intent[other],
            stance_rung=max(0, min(game.top_rung, round(me.perceived_rung + me.intent[other]))),
        )
        for other in game.others(actor)
    )
    history = tuple(
        (record.turn, tuple(_reading(p) for p in record.perceptions if p.observer == actor)) for record in game.history
    )
    seen_moves = [p.seen for _, readings in history[-indicators.WINDOW:] for p in readings if p.seen]
    seen_moves += [r.orders[actor].move for r in game.history[-indicators.WINDOW:] if actor in r.orders]
    news = tuple(e for e in game.events if e.visible_to(actor))
    recent_news = [e for e in news if e.turn > game.turn - indicators.WINDOW]
    return ActorView(
        actor=actor,
        name=spec.name,
        scenario=game.scenario,
        turn=game.turn,
        turns=game.scenario.spec.turns,
        turn_label=game.turn_label(),
        phase=game.turn_phase,
        rung=game.rung,
        perceived_rung=round(me.perceived_rung),
        stats=dict(me.stats),
        previous_stats=previous,
        others=others,
        order=game.orders[actor].move if actor in game.orders else None,
        my_orders=tuple((record.turn, record.orders[actor]) for record in game.history),
        fired=frozenset(game.fired),
        inbox=tuple(e for e in game.envelopes if e.message.recipient == actor and e.delivered),
        outbox=tuple(e for e in game.envelopes if e.message.sender == actor),
        agreements=tuple(a for a in game.agreements if actor in a.parties or _addressed(game, a, actor)),
        my_red_lines=tuple(line for line in game.red_lines if line.owner == actor),
        their_red_lines=tuple(line for line in game.red_lines if line.owner != actor and line.declared),
        perceived_history=history,
        perceived_rungs=tuple(r.perceived_rung[actor] for r in game.history),
        news=news,
        indicators=indicators.from_moves(seen_moves, recent_news, game.scenario),
        outcome=game.outcome,
        _game=game,
    )


def _addressed(game: "Game", agreement: Agreement, actor: str) -> bool:
    """Unilateral assurances are visible to the one they were given to."""
    return any(
        e.message.kind == "assurance" and e.message.recipient == actor and e.turn == agreement.turn
        and e.message.sender in agreement.parties
        for e in game.envelopes
    )


def _previous_stats(game: "Game", actor: str) -> dict[str, int]:
    snapshots = game.stat_snapshots
    return dict(snapshots[-1][actor]) if snapshots else dict(game.actors[actor].stats)


@dataclass(frozen=True)
class FacilitatorView:
    """Everything: actual and perceived, secret red lines, all messages."""

    game: "Game"

    @property
    def history(self) -> list[TurnRecord]:
        return self.game.history

    def actor(self, actor: str) -> ActorView:
        return actor_view(self.game, actor)
