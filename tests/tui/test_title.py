"""The title screen as a first-time player meets it: the tutorial first and highlighted, the hardest last."""

from __future__ import annotations

from tests.tui.pilot import screen_text
from wargame.tui.app import build_app
from wargame.tui.scenarios import EASIEST_FIRST, load_entries


def test_scenarios_go_from_the_easiest_to_the_hardest():
    entries = [e for e in load_entries() if e.scenario is not None]
    ranks = [EASIEST_FIRST.index(e.scenario.spec.difficulty) for e in entries]
    assert ranks == sorted(ranks) and entries[0].scenario.spec.difficulty == "tutorial"


async def test_a_first_time_player_lands_on_the_tutorial(tmp_path):
    app = build_app(None, [], saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#scenario-list")
        assert listing.highlighted == 0
        tutorial = next(e for e in load_entries() if e.scenario is not None and e.scenario.id == "tutorial")
        assert tutorial.scenario.spec.title in screen_text(app).split("Recent saves")[0]
        assert app.screen.entries[0] is not None and app.screen.entries[0].scenario.id == "tutorial"
