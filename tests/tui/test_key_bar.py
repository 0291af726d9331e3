"""The key bar: the keys of the screen in front, redrawn when they change; a click on a key presses it."""

from __future__ import annotations

from tests.tui.pilot import screen_text, text_when_shown
from tests.tui.test_tui import play_args
from wargame.commands.play import build_play_app
from wargame.tui.widgets.key_bar import KeyBar


async def test_the_bar_follows_the_screen_and_a_click_presses_the_key(tmp_path):
    from wargame.tui.screens.help import HelpScreen

    app = build_play_app(play_args("tutorial", saves_dir=str(tmp_path / "saves")))
    app.animation_level = "none"
    async with app.run_test(size=(100, 30)) as pilot:
        await text_when_shown(pilot, "Take this side")
        bar = app.screen.query_one(KeyBar)
        assert "Take this side" in str(bar.render()) and "Start as this side" not in str(bar.render())
        await pilot.press("enter")  # take the side: the screen's keys change
        text = await text_when_shown(pilot, "Start as this side")
        assert "Start as this side" in text and "Take this side" not in str(bar.render())
        start, end, _key = next(span for span in bar._spans if span[2] == "question_mark")
        await pilot.click(KeyBar, offset=((start + end) // 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen), screen_text(app)
