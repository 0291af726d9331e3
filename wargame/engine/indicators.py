"""Warning indicators, derived from the history of the last turns.

Each indicator is a level from 0 (quiet) to 3 (alarm), computed from what
was actually played; a view computes the same from what its actor saw.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from wargame.scenario.tags import feeding

if TYPE_CHECKING:
    from wargame.engine.records import Event, TurnRecord
    from wargame.scenario.loader import LoadedScenario

WINDOW = 3
INDICATORS = {
    "build_up": "Rapid military build-up",
    "rhetoric": "Inflammatory rhetoric",
    "communications": "Broken communications",
    "proxy": "Proxy involvement",
    "red_lines": "Red lines crossed",
}
TAGS = {name: tags for name in INDICATORS if (tags := feeding(name))}  # indicator -> the tags that feed it


def compute(history: Sequence[TurnRecord], scenario: LoadedScenario) -> dict[str, int]:
    """The levels over the last ``WINDOW`` turns, from the moves played and the events of those turns."""
    recent = history[-WINDOW:]
    moves = [order.move for record in recent for order in record.orders.values()]
    return from_moves(moves, [event for record in recent for event in record.events], scenario)


def from_moves(move_ids: Iterable[str], events: Iterable[Event], scenario: LoadedScenario) -> dict[str, int]:
    """The levels from a list of move ids and events (a view passes only what its actor saw)."""
    counts = dict.fromkeys(INDICATORS, 0)
    for move_id in move_ids:
        move = scenario.moves.get(move_id)
        if move is None:
            continue
        tags = set(move.tags)
        for name, wanted in TAGS.items():
            if wanted & tags:
                counts[name] += 2 if name == "build_up" and move.escalation >= 3 else 1
    for event in events:
        if event.kind == "red_line":
            counts["red_lines"] += 2
        elif event.kind in ("threat", "ultimatum"):
            counts["rhetoric"] += 1
    return {name: min(3, count) for name, count in counts.items()}
