"""How far the ladder counts a move: the rules every side can reckon with.

The adjudicator applies them to the moves played; computer players apply
the same function to what they can see (with their own trust standing in
for the target's, which they cannot see), so a gesture is weighed as the
ladder will count it.
"""

from __future__ import annotations

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
) -> float:
    """The escalation a move of base ``weight`` adds to the ladder.

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
        weight *= next(factor for limit, factor in PREVENTIVE_FACTOR if rung <= limit)
    if mediation and target_trust is not None and weight < 0:
        weight -= 1
    if mediator_involved:
        weight *= MEDIATOR_SHARE
    if weight < 0:
        weight *= reassurance(target_trust, repeats)
    if unprovoked_preemption:
        weight += 1
    return weight


def reassurance(target_trust: float | None, repeats: int) -> float:
    """The share of a calming move that counts: less toward a trusting friend, and less each time it is repeated."""
    factor = 1.0
    if target_trust is not None:
        factor = max(FRIENDLY_FLOOR, min(1.0, (100 - target_trust) / 50))
    return factor * 0.5**repeats
