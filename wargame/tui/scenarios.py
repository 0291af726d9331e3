"""Scenarios for the title screen and ``wargame play NAME``, through ``wargame.catalog``.

The title screen shows one entry per name (a local file shadows a shipped
one, as on the command line) and keeps broken files in the list with their
first error, so a player sees why a scenario is missing. Entries go from the
easiest to the hardest, so a first-time player lands on the tutorial.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wargame.errors import ScenarioError

EASIEST_FIRST = ("tutorial", "beginner", "intermediate", "advanced")  # the difficulties a scenario may declare


@dataclass(frozen=True)
class ScenarioEntry:
    """One scenario as the title screen lists it; ``error`` is set when it does not load."""

    path: Path
    scenario: object | None
    error: str = ""


def load_entries() -> list[ScenarioEntry]:
    """Load every scenario once per name, keeping the broken ones with their first error."""
    from wargame import catalog
    from wargame.scenario.loader import load_scenario

    entries, seen = [], set()
    for entry in catalog.entries():
        if entry.name in seen:
            continue
        seen.add(entry.name)
        try:
            entries.append(ScenarioEntry(entry.path, load_scenario(entry.path)))
        except ScenarioError as error:
            entries.append(ScenarioEntry(entry.path, None, str(error).splitlines()[0]))
    return sorted(entries, key=_easiest_first)


def _easiest_first(entry: ScenarioEntry) -> tuple[int, str]:
    """Difficulty, then title; a broken file last, by its name."""
    if entry.scenario is None:
        return len(EASIEST_FIRST), entry.path.name
    spec = entry.scenario.spec
    return EASIEST_FIRST.index(spec.difficulty), spec.title
