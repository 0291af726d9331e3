"""Which sides people play: the default one, and ``--as`` checked against a scenario.

No engine here: the first briefing is drawn with these before the game starts.
"""

from __future__ import annotations

from wargame.errors import WargameError


def default_side(scenario) -> str:
    """The scenario's first human actor, else its first recommended side, else its first actor."""
    spec = scenario.spec
    for actor in spec.actors:
        if actor.player == "human":
            return actor.id
    if spec.recommended_sides:
        return spec.recommended_sides[0]
    return spec.actors[0].id


def check_side(scenario, actor: str) -> str:
    if actor not in scenario.actor_ids:
        raise WargameError(f"no actor '{actor}' in {scenario.spec.title} (actors: {', '.join(scenario.actor_ids)})")
    return actor


def parse_sides(text: str | None) -> list[str]:
    """``--as usa,ussr`` as a list of actor ids (not yet checked against a scenario)."""
    if not text:
        return []
    sides = [part.strip() for part in text.split(",")]
    if any(not side for side in sides):
        raise WargameError(f"--as takes actor ids separated by commas, not '{text}'")
    duplicates = sorted({side for side in sides if sides.count(side) > 1})
    if duplicates:
        raise WargameError(f"--as names {', '.join(duplicates)} twice")
    return sides
