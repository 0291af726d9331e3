"""The briefing reads from the keyboard at 80×24: PgDn and PgUp scroll the text, ↑↓ Home End keep the sides."""

from __future__ import annotations

from wargame.commands.play import build_play_app


async def test_the_briefing_scrolls_by_keys_at_80x24(tmp_path):
    import argparse

    args = argparse.Namespace(scenario="cuban-missile-crisis", actor=None, facilitator=False, seed=1, load=None,
                              from_turn=None, saves_dir=str(tmp_path))
    app = build_play_app(args)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause()
            if app.screen.query("#briefing-text") and app.screen.query_one("#briefing-text").max_scroll_y > 0:
                break
        text = app.screen.query_one("#briefing-text")
        listing = app.screen.query_one("#side-list")
        side = listing.highlighted
        assert text.max_scroll_y > 0  # longer than the screen: the test means something
        await pilot.press("pagedown")
        await pilot.pause()
        assert text.scroll_y > 0 and listing.highlighted == side
        for _ in range(40):
            await pilot.press("pagedown")
        await pilot.pause()
        assert text.scroll_y == text.max_scroll_y
        for _ in range(40):
            await pilot.press("pageup")
        await pilot.pause()
        assert text.scroll_y == 0
        await pilot.press("down")
        await pilot.pause()
        assert listing.highlighted != side  # the arrows still choose among the sides
