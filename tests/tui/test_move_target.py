"""A move's detail is told toward the target being chosen, never toward one picked for the player."""

from __future__ import annotations

from tests.support import ROOT
from tests.tui.pilot import settle, start
from wargame.engine import Game
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app

CUBA = ROOT / "scenarios" / "cuban-missile-crisis.yaml"


async def test_the_detail_follows_the_target_highlighted_in_the_target_dialog(tmp_path):
    game = Game(load_scenario(CUBA), 1)
    app = build_app(game, ["usa"], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("space")  # the hotline closes: orders
        await settle(pilot)
        await pilot.press("2")
        moves = app.screen.query_one("#moves")
        moves.focus()
        moves.highlighted = moves.get_option_index("condemnation")
        await pilot.pause()
        before = app.screen.query_one("#move-detail").text.plain
        assert "toward" not in before and "United Nations" not in before.split("Targets:")[0]
        assert "depends on the target" in before and "On the target:" in before
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "TargetScreen"
        shown = {}
        for _ in range(3):
            target = app.screen.query_one("#targets").highlighted_option.id
            shown[target] = app.screen.query_one("#target-detail").text.plain
            await pilot.press("down")
            await pilot.pause()
        assert set(shown) == {"ussr", "cuba", "un"}
        assert "Counts ▲0.5 now toward United Nations" in shown["un"] and "On United Nations:" in shown["un"]
        assert "On Soviet Union:" in shown["ussr"] and "toward" not in shown["ussr"]
        assert "United Nations" not in shown["cuba"]
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "GameScreen"
        await pilot.press("enter")  # order it against the United Nations: the detail then tells it toward them
        await pilot.pause()
        targets = app.screen.query_one("#targets")
        targets.highlighted = targets.get_option_index("un")
        await pilot.press("enter")
        await pilot.pause()
        assert game.orders["usa"].target == "un"
        ordered = app.screen.query_one("#move-detail").text.plain
        assert "Counts ▲0.5 now toward United Nations" in ordered and "On United Nations:" in ordered
