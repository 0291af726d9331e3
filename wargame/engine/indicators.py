"""Warning indicators, derived from the history of the last turns.

Each indicator is a level from 0 (quiet) to 3 (alarm), computed from what
was actually played; a view computes the same from what its actor saw.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wargame.engine.records import TurnRecord
    from wargame.scenario.loader import LoadedScenario

WINDOW = 3
INDICATORS = {
    "build_up": "Rapid military build-up",
    "rhetoric": "Inflammatory rhetoric",
    "communications": "Broken communications",
    "proxy": "Proxy involvement",
    "red_lines": "Red lines crossed",
}
TAGS = {"build_up": {"buildup", "strike"}, "rhetoric": {"rhetoric"}, "proxy": {"proxy"}, "communications": {"sever"}}


def compute(history: Sequence["TurnRecord"], scenario: "LoadedScenario") -> dict[str, int]:
    recent = history[-WINDOW:]
    moves = [scenario.moves[o.move] for record in recent for o in record.orders.values()]
    return _levels(moves, (e for record in recent for e in record.events))


def from_moves(move_ids: Iterable[str], events: Iterable, scenario: "LoadedScenario") -> dict[str, int]:
    """The same indicators from a list of seen move ids (for one actor's view)."""
    return _levels([scenario.moves[m] for m in move_ids if m in scenario.moves], events)


def _levels(moves, events) -> dict[str, int]:
    counts = dict.fromkeys(INDICATORS, 0)
    for move in moves:
        for name, tags in TAGS.items():
            if tags & set(move.tags):
                counts[name] += 2 if name == "build_up" and move.escalation >= 3 else 1
    for event in events:
        if event.kind == "red_line":
            counts["red_lines"] += 2
        elif event.kind in ("threat", "ultimatum"):
            counts["rhetoric"] += 1
    return {name: min(3, count) for name, count in counts.items()}
