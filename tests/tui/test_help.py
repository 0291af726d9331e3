"""Help shows the keys of the current screen and mode only: no white cell without --facilitator, no End turn on the hotline."""

from __future__ import annotations

from tests.tui.pilot import settle, start
from tests.tui.test_tui import SIZE, make_app, new_game
from wargame.tui.app import build_app
from wargame.tui.screens.help import HelpScreen


async def open_help(pilot) -> list[str]:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return [text.split(" — ")[0] for _, text in pilot.app.screen.rows]


async def test_help_on_the_title_screen_shows_the_title_keys_only(tmp_path):
    app = build_app(None, [], saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = await open_help(pilot)
    assert {"Quit", "Help", "Play", "Load"} <= set(shown)
    assert "White cell" not in shown  # f works only with --facilitator
    assert "Save" not in shown  # no game to save yet
    assert not {"Close hotline", "End turn", "Accept", "After-action report"} & set(shown)  # other screens' keys


async def test_help_in_a_game_without_facilitator_has_no_white_cell(tmp_path):
    app = make_app(new_game(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        shown = await open_help(pilot)
    assert {"Save", "Close hotline", "Message", "Accept"} <= set(shown)
    assert not {"White cell", "End turn", "Next turn", "Open hotline", "Play"} & set(shown)


async def test_help_with_a_facilitator_shows_the_white_cell_and_the_keys_of_the_phase(tmp_path):
    app = build_app(new_game(), ["kestria"], saves_dir=tmp_path / "saves", facilitator=True)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space")  # hotline -> orders
        await settle(pilot)
        shown = await open_help(pilot)
    assert {"White cell", "End turn"} <= set(shown)
    assert not {"Close hotline", "Accept"} & set(shown)  # the hotline is closed
