"""Opening a scenario behind the first frame.

Resolving a scenario name, parsing and checking its YAML and building the
pydantic models cost about as much as starting Textual itself. ``wargame play
NAME`` therefore draws its briefing screen at once and opens the scenario
right after that first frame; the briefing fills in as soon as the scenario
is loaded, and the game (the engine) starts one frame later. A
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
    from wargame.scenario.loader import LoadedScenario


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

    def scenario(self) -> LoadedScenario:
        """Load the scenario and check the human sides (raises a ``WargameError`` on a user mistake)."""
        from wargame.catalog import resolve
        from wargame.scenario.loader import load_scenario
        from wargame.tui.sides import check_side

        scenario = load_scenario(resolve(self.name))
        for actor in self.humans:
            check_side(scenario, actor)
        return scenario

    def start(self, scenario: LoadedScenario) -> Game:
        """Start the game on the loaded scenario: the engine is imported here, after the briefing is drawn."""
        from wargame.tui.session import new_game

        return new_game(scenario, self.seed)
