"""The world as one actor believes it to be, for asking scenario conditions.

Computer players weigh objectives and settlements by evaluating the
scenario's own compiled conditions, but against their ``ActorView`` rather
than the game: the rung is the perceived rung, other actors' moves are the
ones this actor saw, private stats of others are unknown (read as 50).
``hypothetical`` adds terms or a move of one's own, so "would this deal meet
my objective?" costs one evaluation and no copy of anything.
"""

from __future__ import annotations

from functools import cached_property

from wargame.engine.views import ActorView, Reading
from wargame.scenario.model import ChannelState

UNKNOWN_STAT = 50.0
History = tuple[tuple[int, tuple[Reading, ...]], ...]


class ViewEnv:
    """A condition ``Env`` answered from a view, with optional hypotheticals.

    An env serves one decision: answers that hold for the whole view (the
    moves I saw, the terms agreed) are worked out on first use and shared
    with every sibling made by ``with_``; an env must not outlive the decision.
    """

    __slots__ = ("extra_terms", "known", "my_move", "stat_shift", "view")

    def __init__(
        self,
        view: ActorView,
        extra_terms: frozenset[str] = frozenset(),
        my_move: str | None = None,
        stat_shift: tuple[str, float] | None = None,
        known: Known | None = None,
    ):
        self.view = view
        self.extra_terms = extra_terms
        self.my_move = my_move
        self.stat_shift = stat_shift
        self.known = known if known is not None else Known(view)

    def with_(self, *, extra_terms: frozenset[str] = frozenset(), my_move: str | None = None,
              stat_shift: tuple[str, float] | None = None) -> ViewEnv:
        """A sibling env sharing this one's answers about the view."""
        return ViewEnv(self.view, extra_terms, my_move, stat_shift, self.known)

    # -- the Env protocol

    def var(self, name: str) -> float:
        view = self.view
        if name == "rung":
            return view.perceived_rung
        if name == "turn":
            return view.turn
        if name == "turns":
            return view.turns
        if name == "peak":
            return max((view.perceived_rung, *view.perceived_rungs))
        if name == "rung_change":
            rungs = view.perceived_rungs
            return rungs[-1] - rungs[-2] if len(rungs) >= 2 else 0.0
        raise KeyError(name)

    def actor(self, name: str) -> str:
        return self.view.actor if name == "self" else name

    def stat(self, actor: str, stat: str) -> float:
        view = self.view
        if actor == view.actor:
            if stat == "perceived_rung":
                return view.perceived_rung
            value = float(view.stats[stat])
            if self.stat_shift and self.stat_shift[0] == stat:
                value += self.stat_shift[1]
            return value
        for other in view.others:
            if other.id == actor:
                return float(other.public_stats.get(stat, UNKNOWN_STAT))
        return UNKNOWN_STAT

    def trust(self, actor: str, other: str) -> float:
        if actor == self.view.actor:
            return float(self.view.trust_in.get(other, 100))
        return UNKNOWN_STAT

    def played(self, actor: str | None, move: str, within: int | None) -> bool:
        me = self.view.actor
        if move == self.my_move and actor in (None, me):
            return True
        since = self.view.turn - within if within else 0
        if actor == me:
            return any(turn > since and order.move == move for turn, order in self.view.my_orders)
        seen = self.known.seen
        if actor is None:
            return any(turn > since for (_, m), turn in seen.items() if m == move)
        last = seen.get((actor, move))
        return last is not None and last > since

    def crossed(self, red_line: str) -> bool:
        lines = self.view.my_red_lines + self.view.their_red_lines
        return any(line.id == red_line and line.crossed_turn is not None for line in lines)

    def fired(self, trigger: str) -> bool:
        return False  # news does not name the trigger behind it

    def agreed(self, term: str, party: str | None = None) -> bool:
        if term in self.extra_terms:  # a deal under consideration: assume it is made as drafted
            return True
        return (term, party) in self.known.agreed

    def channel(self, actor: str, other: str) -> str:
        me = self.view.actor
        if me in (actor, other):
            them = other if actor == me else actor
            return next((o.channel for o in self.view.others if o.id == them), ChannelState.OPEN)
        return ChannelState.OPEN



class Known:
    """What a view says for every condition of one decision: worked out on first use, shared by sibling envs."""

    def __init__(self, view: ActorView):
        self.view = view

    @cached_property
    def seen(self) -> dict[tuple[str, str], int]:
        """Last turn on which I saw each (actor, move)."""
        return seen_moves(self.view.perceived_history)

    @cached_property
    def agreed(self) -> set[tuple[str, str | None]]:
        """(term, party) for every commitment in force, and (term, None) for "by anyone"."""
        pairs: set[tuple[str, str | None]] = set()
        for agreement in self.view.agreements:
            if agreement.in_force:
                for c in agreement.commitments:
                    if c.term is None:
                        continue  # a bare forbidding or requiring, which no condition asks about
                    pairs.add((c.term, c.party))
                    pairs.add((c.term, None))
        return pairs


def seen_moves(history: History) -> dict[tuple[str, str], int]:
    """Last turn on which I saw each (actor, move), for a view's ``perceived_history``."""
    seen = {}
    for turn, readings in history:
        for p in readings:
            if p.seen:
                seen[(p.actor, p.seen)] = turn
    return seen
