"""What can ever happen in a game of a scenario: the moves playable, the triggers that fire, the red lines crossed.

It is a least fixpoint: a move is playable, a trigger can fire, a red line
can be crossed only if its condition can hold given the things found
possible so far. Starting from nothing and growing is what makes circular
conditions (trigger A needs ``fired(B)``, B needs ``fired(A)``) come out
impossible, as they are: in a real game something has to happen first.
A facilitator's injects count as possible from the start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.scenario.intervals import Analysis, Range, Site
from wargame.scenario.model import Move
from wargame.scenario.tags import NEEDS_MEDIATOR

if TYPE_CHECKING:
    from wargame.scenario.loader import LoadedScenario


class Facts:
    """What can ever happen in a game of this scenario, computed once as a least fixpoint."""

    def __init__(self, loaded: LoadedScenario):
        self.loaded = loaded
        spec = loaded.spec
        ladder = loaded.ladder
        self.top = sum(len(band.rungs) for band in ladder.bands) - 1
        self.war = self.top + 1 - len(ladder.bands[-1].rungs)
        self.start = ladder.start
        self.turns = spec.turns
        self.actor_ids = loaded.actor_ids
        self.mediators = tuple(a.id for a in spec.actors if a.role == "mediator")
        self.inject_ids = frozenset(i.id for i in spec.injects)
        self.playable: set[tuple[str, str]] = set()  # (actor, move)
        self.firing: set[str] = set()  # triggers that can fire
        self.crossable: set[str] = set()  # red lines that can be crossed
        self._solve()

    # -- the fixpoint

    def _solve(self) -> None:
        spec = self.loaded.spec
        changed = True
        while changed:
            changed = False
            for actor in self.actor_ids:
                for move in self.loaded.moves_for(actor):
                    if (actor, move.id) not in self.playable and self.move_blocker(actor, move) is None:
                        self.playable.add((actor, move.id))
                        changed = True
            for trigger in spec.triggers:
                if trigger.id not in self.firing and self.trigger_blocker(trigger) is None:
                    self.firing.add(trigger.id)
                    changed = True
            for owner in spec.actors:
                for line in owner.red_lines:
                    if line.id not in self.crossable and self.red_line_blocker(line) is None:
                        self.crossable.add(line.id)
                        changed = True

    # -- sites

    def site(self, lo: int = 0, hi: int | None = None, aliases: dict | None = None) -> Site:
        return Site(Range(lo, self.top if hi is None else hi), aliases or {})

    def base_range(self, key: str, site: Site) -> Range:
        if key == "rung":
            return site.rung
        if key == "turn":
            return Range(1, self.turns)
        if key == "turns":
            return Range(self.turns, self.turns)
        if key == "peak":
            return Range(max(self.start, site.rung.lo), self.top)
        if key == "rung_change":
            return Range(-self.top, self.top)
        if key.endswith(".perceived_rung"):
            return Range(0, self.top, whole=False)
        return Range(0, 100)  # stats and trust

    # -- why something cannot happen (None: it can, as far as is provable)

    def move_blocker(self, actor: str, move: Move) -> str | None:
        if move.min_rung > move.max_rung:
            return f"its min_rung {move.min_rung} is above its max_rung {move.max_rung}"
        if move.min_rung > self.top:
            return f"it needs rung {move.min_rung} or higher, but the top rung is {self.top}"
        if move.min_rung >= self.war:
            return (f"it needs rung {move.min_rung} or higher, but rung {self.war} is war "
                    "and reaching it ends the game")
        if move.id in self.loaded.locked and not self._unlockable(move.id):
            sources = [t.id for t in self.loaded.spec.triggers if move.id in t.effects.unlock]
            return "it is locked, and no trigger that unlocks it can ever fire (" + ", ".join(sources) + ")"
        if move.targeted and not NEEDS_MEDIATOR.isdisjoint(move.tags):
            why = self._mediation_blocker(actor)
            if why:
                return why
        condition = self.loaded.condition("move", move.id)
        if condition is not None:
            why = self._requirement_blocker(actor, move, condition)
            if why:
                return f"its requirement never holds: {why}"
        return None

    def _mediation_blocker(self, actor: str) -> str | None:
        """Why ``actor`` never finds a go-between (as ``legality.mediators``: a mediator may mediate itself)."""
        if actor in self.mediators:
            if all(other in self.mediators for other in self.actor_ids if other != actor):
                return "a mediator mediates only with a party, and every other actor is a mediator"
            return None
        if not self.mediators:
            return "it needs a mediator (an actor with role: mediator) and the scenario has none"
        if len(self.actor_ids) < 3:
            return "mediation needs a third actor besides the two sides"
        return None

    def _requirement_blocker(self, actor: str, move: Move, condition) -> str | None:
        """Why a move's prerequisite never holds when ``actor`` plays it, or None."""
        target = "target" if move.targeted else actor
        site = self.site(move.min_rung, min(move.max_rung, self.war - 1), {"self": actor, "target": target})
        return self.never_of(("move", move.id), site, during_orders=True)

    def _unlockable(self, move_id: str) -> bool:
        spec = self.loaded.spec
        return any(move_id in i.effects.unlock for i in spec.injects) or any(
            move_id in t.effects.unlock and t.id in self.firing for t in spec.triggers
        )

    def trigger_blocker(self, trigger) -> str | None:
        if trigger.chance == 0:
            return "its chance is 0"
        if trigger.when is None:
            return None
        return self.never_of(("trigger", trigger.id), self.site())

    def red_line_blocker(self, line) -> str | None:
        return self.never_of(("red_line", line.id), self.site())

    def keepers(self, term) -> tuple[str, ...]:
        """Actors who may commit to ``term``."""
        return tuple(term.by) if term.by else self.actor_ids

    def term_breaks(self, term) -> str | None:
        """Why every agreement containing ``term`` breaks, or None."""
        if term.requires is None:
            return None
        move = term.requires.move
        if move in term.forbids:
            return f"it both requires and forbids move '{move}'"
        if not any((actor, move) in self.playable for actor in self.keepers(term)):
            return f"it requires move '{move}', which {_nobody(term.by)}"
        return None

    def agreed_at_turn_end(self, term_id: str) -> bool:
        """Whether an agreement with the term can still be in force when a turn has been resolved.

        A commitment due on the agreement's own turn (``within: 1``) that can
        never be kept breaks before triggers, red lines and outcomes look.
        """
        term = next(t for t in self.loaded.spec.terms if t.id == term_id)
        return not (term.requires and term.requires.within == 1 and self.term_breaks(term))

    def can_play(self, actor: str | None, move: str) -> bool:
        if actor is None:
            return any((a, move) in self.playable for a in self.actor_ids)
        return (actor, move) in self.playable

    # -- conditions

    def never(self, tree: object, site: Site, *, during_orders: bool = False) -> str | None:
        """Why the condition can never hold at ``site``, or None when it might."""
        return Analysis(self, site, during_orders).never(tree)

    def never_of(self, key: tuple, site: Site, *, during_orders: bool = False) -> str | None:
        """``never`` for the scenario's condition ``key``."""
        return self.never(self.loaded.conditions[key].tree, site, during_orders=during_orders)


def _nobody(actors: list[str]) -> str:
    """``"no actor can ever play"`` and its variants for the actors who may commit to a term."""
    if not actors:
        return "no actor can ever play"
    if len(actors) == 1:
        return f"{actors[0]} can never play"
    if len(actors) == 2:
        return f"neither {actors[0]} nor {actors[1]} can ever play"
    return "none of " + ", ".join(actors) + " can ever play"
