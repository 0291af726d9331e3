"""Small text helpers shared by widgets: bars, signed numbers, move summaries.

Presentation only: every number passed in comes from an engine view.
"""

from __future__ import annotations

from wargame.scenario.model import STATS, Move

STAT_LABELS = {
    "resolve": "Resolve",
    "credibility": "Credibility",
    "support": "Support",
    "economy": "Economy",
    "readiness": "Readiness",
}
STAT_SHORT = {"resolve": "res", "credibility": "cred", "support": "sup", "economy": "eco", "readiness": "ready"}
CATEGORY_ORDER = ("diplomatic", "economic", "military")
CHANNEL_TEXT = {"open": "open", "strained": "strained", "severed": "severed", "hotline": "hotline ☎"}


def bar(value: float, width: int = 10, top: float = 100) -> str:
    """A bar of eighth blocks: 55 of 100 in 10 cells is '█████▌    '."""
    cells = max(0.0, min(1.0, value / top)) * width
    full = int(cells)
    part = int((cells - full) * 8)
    text = "█" * full + ("" if full >= width else " ▏▎▍▌▋▊▉"[part])
    return text.ljust(width)[:width]


def signed(value: float) -> str:
    if value == 0:
        return "±0"
    return f"{value:+g}".replace("-", "−")


def escalation_mark(weight: float) -> str:
    """▲2 for escalation, ▼1 for de-escalation, ● for a neutral move."""
    if weight > 0:
        return f"▲{weight:g}"
    if weight < 0:
        return f"▼{-weight:g}"
    return "●0"


def cost_text(move: Move, short: bool = False) -> str:
    names = STAT_SHORT if short else {k: v.lower() for k, v in STAT_LABELS.items()}
    parts = [f"{amount} {names[stat]}" for stat, amount in move.cost.items() if amount > 0]
    gains = [f"+{-amount} {names[stat]}" for stat, amount in move.cost.items() if amount < 0]
    return ", ".join(parts + gains) or "free"


def changes_text(changes) -> str:
    return ", ".join(f"{STAT_LABELS[stat].lower()} {signed(amount)}" for stat, amount in changes.items()) or "none"


def stat_order(stats: dict) -> list[str]:
    return [s for s in STATS if s in stats]


def letters_for(ids: list[str], names: dict[str, str]) -> dict[str, str]:
    """One distinct capital letter per actor, from its id then its name (for ladder markers)."""
    taken: set[str] = set()
    letters: dict[str, str] = {}
    for actor in ids:
        candidates = list(actor) + [w[0] for w in names.get(actor, "").split()]
        for char in candidates + list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
            char = char.upper()
            if char.isalpha() and char not in taken:
                taken.add(char)
                letters[actor] = char
                break
    return letters


def aimed_at(move, target_name: str) -> str:
    """" against Cuba" for pressure, " toward Cuba" for a gesture: a summit is not held against anyone."""
    return f" {'against' if move is not None and move.escalation > 0 else 'toward'} {target_name}"
