"""The Briefing tab tells how each objective stands now, or that the side cannot judge it."""

from __future__ import annotations

from tests.support import ROOT
from tests.tui.pilot import screen_text, start
from wargame.engine import Game
from wargame.engine.decisions import Override
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app


async def test_the_briefing_tab_says_which_objectives_are_met_and_which_cannot_be_judged(tmp_path):
    game = Game(load_scenario(ROOT / "scenarios" / "tutorial.yaml"), 3)
    app = build_app(game, ["kestria"], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("6")
        await pilot.pause()
        seen = ""
        for _ in range(30):  # read the whole tab by keyboard, a page at a time
            seen += screen_text(app)
            await pilot.press("pagedown")
            await pilot.pause()
        assert "How your objectives stand now" in seen
        assert "Keep domestic support at 40 or more: met now" in seen  # its own stat: support
        assert "bridge: not yet" in seen  # the patrols are not back yet
        words = " ".join(seen.split())
        assert "cannot be judged from" in words and "(it reads the true rung)" in words  # never reach rung 9: peak
        source = app.screen.query_one("#briefing-panel").source
        assert "(never reach rung 9): *cannot be judged from what you see* (it reads the true rung)" in source
        app.session.apply(Override("kestria", "support", 30))  # the white cell drops support: the tab follows
        app.screen.refresh_view()
        await pilot.pause()
        assert "Keep domestic support at 40 or more: **not yet**" in app.screen.query_one("#briefing-panel").source
