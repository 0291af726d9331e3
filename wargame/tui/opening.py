"""Opening a scenario behind the first frame.

Resolving a scenario name, parsing and checking its YAML and building the
pydantic models cost about as much as starting Textual itself. ``wargame play
NAME`` therefore draws its briefing screen at once and opens the scenario
right after that first frame; the screen fills in when the game is ready. A
mistake (no such scenario, a broken file, an unknown side) ends the app with
that one-line error. No Textual here, and nothing heavy at import: this
module is imported before the first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wargame.engine import Game


@dataclass(frozen=True)
class Opening:
    """A scenario to open, by the name or path the player typed, with a seed and the human sides."""

    name: str
    seed: int
    humans: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What the loading screen calls it before its title is known."""
        return Path(self.name).stem

    def __call__(self) -> Game:
        """Load the scenario and start the game (raises a ``WargameError`` on a user mistake)."""
        from wargame.catalog import resolve
        from wargame.scenario.loader import load_scenario
        from wargame.tui.session import check_side, new_game

        scenario = load_scenario(resolve(self.name))
        for actor in self.humans:
            check_side(scenario, actor)
        return new_game(scenario, self.seed)
