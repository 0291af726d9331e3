"""Warning indicators, derived from the history of the last turns.

Each indicator is a level from 0 (quiet) to 3 (alarm), computed from what
was actually played; a view computes the same from what its actor saw.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
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


def compute(history: Sequence[TurnRecord], scenario: LoadedScenario) -> dict[str, int]:
    """The levels over the last ``WINDOW`` turns, summed from each turn's own counts."""
    recent = [turn_counts(record, scenario) for record in history[-WINDOW:]]
    if not recent:
        return dict.fromkeys(INDICATORS, 0)
    return {name: min(3, sum(column)) for name, column in zip(INDICATORS, zip(*recent))}


def turn_counts(record: TurnRecord, scenario: LoadedScenario) -> tuple[int, ...]:
    """One turn's uncapped counts in ``INDICATORS`` order, kept on its record when first asked.

    A finished turn's orders and events are final, so every turn sums the last
    three turns' counts instead of recounting their orders and events.
    """
    if record.indicator_counts is None:
        signals = _signals(scenario)
        counts = _counts([signals[o.move] for o in record.orders.values()], record.events)
        record.indicator_counts = tuple(counts.values())
    return record.indicator_counts


def from_moves(move_ids: Iterable[str], events: Iterable, scenario: LoadedScenario) -> dict[str, int]:
    """The same indicators from a list of seen move ids (for one actor's view)."""
    signals = _signals(scenario)
    return _capped(_counts([signals[m] for m in move_ids if m in signals], events))


@lru_cache(maxsize=64)
def _signals(scenario: LoadedScenario) -> dict[str, tuple[tuple[str, int], ...]]:
    """What playing each move adds to which indicator, worked out once per scenario (every view asks)."""
    signals = {}
    for move_id, move in scenario.moves.items():
        tags = set(move.tags)
        signals[move_id] = tuple(
            (name, 2 if name == "build_up" and move.escalation >= 3 else 1)
            for name, wanted in TAGS.items()
            if wanted & tags
        )
    return signals


def _counts(moves: list[tuple[tuple[str, int], ...]], events) -> dict[str, int]:
    counts = dict.fromkeys(INDICATORS, 0)
    for signal in moves:
        for name, amount in signal:
            counts[name] += amount
    for event in events:
        if event.kind == "red_line":
            counts["red_lines"] += 2
        elif event.kind in ("threat", "ultimatum"):
            counts["rhetoric"] += 1
    return counts


def _capped(counts: dict[str, int]) -> dict[str, int]:
    return {name: min(3, count) for name, count in counts.items()}
