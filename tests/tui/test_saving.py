"""Saves are never lost: the turn is kept as soon as it resolves, and a failed save keeps the game open."""

from __future__ import annotations

import os

from textual.widgets import Input

from tests.tui.pilot import screen_text, settle, start
from tests.tui.test_tui import SIZE, make_app, new_game, order_highlighted
from wargame.saves import list_saves, load_game
from wargame.tui.screens.confirm_dialog import ConfirmScreen
from wargame.tui.screens.game import GameScreen
from wargame.tui.screens.save_dialog import SaveScreen, chosen_path
from wargame.tui.screens.turn_result import TurnResultScreen


def unwritable_folder(tmp_path):
    """A saves folder that cannot be written: read-only, or (as root, who ignores modes) under a regular file."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    return tmp_path / "file" / "sub"


async def to_the_first_result(pilot) -> None:
    await start(pilot)
    await pilot.press("space")  # hotline -> orders
    await settle(pilot)
    await order_highlighted(pilot)
    await pilot.press("space")  # end the turn
    await settle(pilot)
    assert isinstance(pilot.app.screen, TurnResultScreen)


async def test_the_turn_is_saved_before_its_result_is_dismissed(tmp_path):
    game = new_game()
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await to_the_first_result(pilot)
        found = list_saves(tmp_path / "saves")
        assert len(found) == 1 and found[0].turn_label
        assert load_game(found[0].path).decisions == game.decisions
        assert len(game.history) == 1


async def test_a_failed_save_and_quit_keeps_the_game_open_and_saves_elsewhere(tmp_path):
    folder = unwritable_folder(tmp_path)
    game = new_game()
    app = make_app(game, tmp_path)
    app.saves_dir = folder
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, SaveScreen), "another folder is offered"
        assert "Nothing was saved: cannot create the saves folder" in screen_text(app)  # and why
        app.screen.query_one(Input).value = str(tmp_path / "elsewhere") + "/"
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code in (0, None)
    [saved] = (tmp_path / "elsewhere").glob("tutorial-kestria-turn1-*.json")  # the suggested name, in that folder
    assert load_game(saved).decisions == game.decisions


async def test_cancelling_the_other_folder_keeps_playing(tmp_path):
    app = make_app(new_game(), tmp_path)
    app.saves_dir = unwritable_folder(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and app.is_running


async def test_a_failed_autosave_after_a_turn_is_said_and_the_game_goes_on(tmp_path):
    game = new_game()
    app = make_app(game, tmp_path)
    app.saves_dir = unwritable_folder(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await to_the_first_result(pilot)
        assert "Autosave failed" in screen_text(app)
        await pilot.press("space")
        await settle(pilot)
        assert app.is_running and game.turn == 2


def test_the_save_dialog_takes_a_name_or_a_path(tmp_path):
    folder = tmp_path / "saves"
    assert chosen_path("mine", folder, "x") == folder / "mine.json"
    assert chosen_path(f"{tmp_path}/other/", folder, "x") == tmp_path / "other" / "x.json"
    assert chosen_path(str(tmp_path), folder, "x") == tmp_path / "x.json"
    assert chosen_path(f"{tmp_path}/a/game", folder, "x") == tmp_path / "a" / "game.json"
    assert chosen_path(".hidden", folder, "x") is None and chosen_path("  ", folder, "x") is None
