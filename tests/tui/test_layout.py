"""80×24 with the longest names: nothing a player needs is cut, hidden or out of the keyboard's reach."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tests.support import ROOT
from tests.tui.pilot import screen_text, settle
from wargame.engine import Game
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.screens.game import GameScreen
from wargame.tui.widgets.hotline_panel import fit_labels, short_name
from wargame.tui.widgets.ladder import Ladder, LadderRungs

SIZE = (80, 24)
LONGEST = {"cuban-missile-crisis": "usa", "corvane-shoal": "lirea", "kargil-1999": "india", "able-archer-1983": "nato"}


def app_for(tmp_path, name: str, side: str | None = None):
    game = Game(load_scenario(ROOT / "scenarios" / f"{name}.yaml"), 1)
    app = build_app(game, [side or LONGEST[name]], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    return game, app


async def start(pilot) -> GameScreen:
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot, clear_toasts=True)
    assert isinstance(pilot.app.screen, GameScreen)
    return pilot.app.screen


def flattened(text: str) -> str:
    """The ladder's text as one line: band bars and threshold marks dropped, wrapped names joined again."""
    return " ".join(re.sub("[▌█┈]", " ", text).split())


@pytest.mark.parametrize("name", LONGEST)
async def test_every_rung_name_is_whole_and_every_actor_explained(tmp_path, name):
    game, app = app_for(tmp_path, name)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        ladder = screen.query_one(Ladder)
        drawn = ladder.text().plain
        assert "…" not in drawn
        for band in game.scenario.ladder.bands:
            for rung in band.rungs:
                assert rung in flattened(drawn)
        legend = flattened(drawn.split("◆ you read")[1])
        view = app.session.view()
        for other in view.others:
            letter = screen.letters[other.id]
            assert f"{letter} {other.name} {other.stance_rung}" in legend


async def test_the_trail_keeps_its_width_so_the_names_do_not_move(tmp_path):
    _game, app = app_for(tmp_path, "cuban-missile-crisis")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        ladder = screen.query_one(Ladder)
        rungs = screen.query_one(LadderRungs)
        before = [line.plain for line in rungs.lines(27)]
        ladder.state = replace(ladder.state, trail=(5.0,) * 12)
        after = [line.plain for line in rungs.lines(27)]
        assert len(before) == len(after)
        assert [b[12:] for b in before] == [a[12:] for a in after]  # names start in the same column
        assert any("•" in line for line in after)


async def test_the_ladder_scrolls_by_keyboard_and_opens_on_the_reading(tmp_path):
    _game, app = app_for(tmp_path, "corvane-shoal")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        scroll = screen.query_one("#ladder-scroll")
        assert scroll.max_scroll_y > 0  # at 80×24 the wrapped names do not all fit
        assert "◆" in screen_text(app)  # opened on your reading
        await pilot.press("l")
        assert app.focused is scroll
        await pilot.press("home")
        await pilot.pause()
        assert scroll.scroll_y == 0 and "General war" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("2")
        assert app.focused is screen.query_one("#moves")


@pytest.mark.parametrize("name", LONGEST)
async def test_every_conversation_tab_is_on_screen_and_named(tmp_path, name):
    _game, app = app_for(tmp_path, name)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        row = screen.query_one("#counterparts")
        tabs = list(row.query("Tab"))
        assert len(tabs) == len(app.session.view().others)
        for tab in tabs:
            assert row.region.x <= tab.region.x and tab.region.right <= row.region.right
            assert "…" not in str(tab.label)


def test_labels_keep_whole_names_when_they_fit_and_shorten_evenly_when_not():
    cuba = [("Soviet Union", " ✕"), ("Republic of Cuba", " ✕"), ("United Nations", "")]
    assert [str(t) for t in fit_labels(cuba, 60)] == ["Soviet Union ✕", "Republic of Cuba ✕", "United Nations"]
    assert [str(t) for t in fit_labels(cuba, 40)] == ["Soviet ✕", "Cuba ✕", "United Nations"]
    assert [str(t) for t in fit_labels(cuba, 0)][1] == "Republic of Cuba ✕"  # not laid out yet
    cut = [str(t) for t in fit_labels([("Alpha Alpha", " ✉1"), ("Alpha Beta", ""), ("Gamma", " (1)")], 26)]
    assert sum(len(label) + 1 for label in cut) <= 26 and cut[2] == "Gamma (1)"
    assert all(label.split(" ")[0].endswith("…") for label in cut[:2])
    assert short_name("NATO (United States and allies)") == "NATO" and short_name("United States") == "United States"


async def test_notifications_cover_neither_the_conversation_nor_the_ladder(tmp_path):
    _game, app = app_for(tmp_path, "kargil-1999", "pakistan")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await start(pilot)
        app.notify("Day 2 — 10 May 1999", title="Turn 2 of 12", timeout=30)
        await pilot.pause()
        toasts = list(screen.query("Toast"))
        assert toasts
        for toast in toasts:
            for part in ("#conversation", "#ladder", "#hotline-hint", "KeyBar"):
                assert not toast.region.overlaps(screen.query_one(part).region), part


async def test_the_waiting_note_on_orders_is_not_cut_at_80_columns(tmp_path):
    _game, app = app_for(tmp_path, "kargil-1999", "pakistan")  # the United States propose on turn 1
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(app)
        assert "1 proposal awaits your answer" in text and "(press 1 for the hotline)" in text


async def test_the_end_screen_scrolls_by_keyboard_at_80x24(tmp_path):
    from wargame.ai.autoplay import play_to_end

    game = play_to_end(Game(load_scenario(ROOT / "scenarios" / "corvane-shoal.yaml"), 1))
    app = build_app(game, ["lirea"], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        scroll = app.screen.query_one("#end")
        assert scroll.max_scroll_y > 0  # five actors' scores do not fit in 24 rows
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y


async def test_the_turn_result_scrolls_by_keyboard_at_80x24(tmp_path):
    _game, app = app_for(tmp_path, "able-archer-1983")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space")  # to orders
        await pilot.pause()
        await pilot.press("enter")  # the first move, on its only target
        await pilot.pause()
        await pilot.press("space")
        await settle(pilot, clear_toasts=True)
        assert app.screen.__class__.__name__ == "TurnResultScreen"
        scroll = app.screen.query_one("#result-scroll")
        assert scroll.max_scroll_y > 0
        await pilot.press("pagedown", "end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
