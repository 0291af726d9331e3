"""During play the Briefing tab (key 6) shows the side's briefing, objectives and red lines, and how its lines stand."""

from __future__ import annotations

from tests.tui.pilot import screen_text, start
from wargame.engine import Game
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.widgets.briefing_panel import briefing_text

TUTORIAL = "scenarios/tutorial.yaml"


async def test_key_6_opens_the_briefing_at_80x24_from_any_tab(tmp_path):
    game = Game(load_scenario(TUTORIAL), 3)
    app = build_app(game, ["kestria"], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for tab in ("2", "1"):  # from Orders and from the Hotline
            await pilot.press(tab, "6")
            await pilot.pause()
            assert app.screen.query_one("#tabs").active == "tab-briefing"
            assert "Private briefing" in screen_text(app)
        panel = app.screen.query_one("#briefing-scroll")
        await pilot.press("end")
        await pilot.pause()
        assert panel.scroll_y == panel.max_scroll_y > 0
        assert "How your red lines stand" in screen_text(app)


def test_the_briefing_tab_tells_how_each_of_my_lines_stands(rules_scenario):
    from tests.support import play_turn
    from wargame.engine import actor_view

    game = Game(rules_scenario, 2)
    play_turn(game, b=("deploy_forces", "a"))
    view = actor_view(game, "a")
    line = next(line for line in view.my_red_lines if line.id == "a_no_deploy")
    assert line.status == "crossed"
    assert "crossed: answer it" in briefing_text(view)
