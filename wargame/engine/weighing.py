"""How far the ladder counts a move: the rules every side can reckon with.

The adjudicator applies them to the moves played. Computer players and the
orders panel apply the same function to what a view holds, with the
actor's own trust in the target standing in for the target's trust in it
(which it cannot see): so a gesture is weighed, and shown, as the ladder
will count it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.scenario.tags import GOES_FURTHER, PREEMPTIVE, PREVENTIVE

if TYPE_CHECKING:
    from wargame.engine.views import ActorView
    from wargame.scenario.model import Move

PREVENTIVE_FACTOR = ((3, 1.5), (8, 1.0), (99, 0.5))  # up to rung: factor for preventive de-escalation
MEDIATOR_SHARE = 0.5  # moves by or toward a mediator move the parties' crisis only half as far
FRIENDLY_FLOOR = 0.2  # a gesture toward a friend who trusts you fully still counts this much
REPEAT_WINDOW = 3  # turns within which the same gesture made again counts half, then a quarter


def counted_escalation(
    weight: float,
    rung: int | float,
    *,
    preventive: bool = False,
    mediation: bool = False,
    mediator_involved: bool = False,
    target_trust: float | None = None,
    repeats: int = 0,
    unprovoked_preemption: bool = False,
    notes: list[str] | None = None,
) -> float:
    """The escalation a move of base ``weight`` adds to the ladder; ``notes`` collects the rules that changed it.

    - preventive de-escalation counts ×1.5 at rungs 0–3, ×1 up to 8, ×0.5 above;
    - mediation carries a gesture one step further;
    - a move by or toward a mediator counts half for the parties' crisis;
    - reassurance counts where there is distrust: in full toward a target whose
      trust in the mover (``target_trust``) is 50 or less, a fifth toward one
      who trusts fully; and the same gesture made again within
      ``REPEAT_WINDOW`` turns (``repeats`` times) counts half, then a quarter;
    - an unprovoked preemptive blow counts one more.
    """
    if preventive and weight < 0:
        factor = next(factor for limit, factor in PREVENTIVE_FACTOR if rung <= limit)
        weight *= factor
        if notes is not None and factor != 1:
            notes.append(f"preventive diplomacy at this rung ×{factor:g}")
    if mediation and target_trust is not None and weight < 0:
        weight -= 1
        if notes is not None:
            notes.append("mediation goes one step further")
    if mediator_involved:
        weight *= MEDIATOR_SHARE
        if notes is not None and weight:
            notes.append(f"a mediator is not a party to the quarrel ×{MEDIATOR_SHARE:g}")
    if weight < 0 and (repeats or (target_trust is not None and target_trust > 50)):  # else the factor is 1
        factor = reassurance(target_trust, repeats)
        weight *= factor
        if notes is not None and factor != 1:
            notes += _reassurance_notes(target_trust, repeats)
    if unprovoked_preemption:
        weight += 1
        if notes is not None:
            notes.append("an unprovoked blow: one step more")
    return weight


def reassurance(target_trust: float | None, repeats: int) -> float:
    """The share of a calming move that counts: less toward a trusting friend, and less each time it is repeated."""
    factor = 1.0
    if target_trust is not None:
        factor = max(FRIENDLY_FLOOR, min(1.0, (100 - target_trust) / 50))
    return factor * 0.5**repeats


def _reassurance_notes(target_trust: float | None, repeats: int) -> list[str]:
    notes = []
    trusting = reassurance(target_trust, 0)
    if trusting != 1:
        notes.append(f"reassures one who already trusts you ×{trusting:.2g}")
    if repeats:
        notes.append(f"played {repeats}× in the last {REPEAT_WINDOW} turns ×{0.5**repeats:g}")
    return notes


def as_seen_by(view: ActorView, move: Move, target: str | None, notes: list[str] | None = None) -> float:
    """How the ladder would count ``move`` against ``target`` if the view's actor played it now, from the view alone.

    The rung is the one the actor perceives; the target's trust is guessed
    from the actor's trust in it; a preemptive blow counts as unprovoked if
    the actor saw no escalation from the target last turn.
    """
    return Weigher(view).count(move.id, float(move.escalation), target, notes)


class Weigher:
    """``as_seen_by`` for many moves of one view: the view's rung, trust, recent moves and mediators read once.

    A computer player weighs some thirty moves per decision; it keeps one
    weigher per view (a view never changes, so nothing here goes stale).
    """

    __slots__ = ("_by_mediator", "_mediators", "_recent", "_rung", "_tags", "_trust", "view")

    def __init__(self, view: ActorView):
        self.view = view
        self._rung, self._trust, self._recent = view.perceived_rung, view.trust_in, view.recent_moves
        self._tags = view.scenario.move_tags
        self._mediators = frozenset(a.id for a in view.scenario.spec.actors if a.role == "mediator")
        self._by_mediator = view.actor in self._mediators

    def involves_mediator(self, target: str | None) -> bool:
        """Whether a move by me against ``target`` is one by or toward a mediator (it counts for half)."""
        return self._by_mediator or target in self._mediators

    def count(self, move_id: str, weight: float, target: str | None, notes: list[str] | None = None) -> float:
        """``as_seen_by`` of the move ``move_id`` of base ``weight`` (its escalation as a float)."""
        tags = self._tags[move_id]
        return counted_escalation(
            weight,
            self._rung,
            preventive=not PREVENTIVE.isdisjoint(tags),
            mediation=not GOES_FURTHER.isdisjoint(tags),
            mediator_involved=self.involves_mediator(target),
            target_trust=None if target is None else self._trust[target],
            repeats=self._recent.get(move_id, 0),
            unprovoked_preemption=not PREEMPTIVE.isdisjoint(tags) and target is not None and not _escalated_last_turn(self.view, target),
            notes=notes,
        )


def _escalated_last_turn(view: ActorView, target: str) -> bool:
    """Whether the actor saw ``target`` escalate last turn."""
    for turn, readings in view.perceived_history[-1:]:
        if turn == view.turn - 1:
            return any(r.actor == target and r.seen and r.perceived > 0 for r in readings)
    return False
