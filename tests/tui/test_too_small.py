"""Below 80×24 the game says how large a terminal it needs, and comes back as it was once there is room."""

from __future__ import annotations

from tests.tui.pilot import screen_text
from wargame.tui.app import build_app
from wargame.tui.screens.too_small import TooSmallScreen


async def test_a_small_terminal_gets_a_notice_and_loses_nothing(tmp_path):
    app = build_app(None, [], saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = app.screen
        assert not isinstance(title, TooSmallScreen)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Enlarge the terminal to at least 80×24" in screen_text(app) and "60×20" in screen_text(app)
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen) and "70×30" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is title
