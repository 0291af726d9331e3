"""Snapshots of the five main screens at 80×24 and 120×40, the hot-seat hand-over and the white cell.

Deterministic by construction: fixed seeds, animations off, no text cursor
on screen, a fixed scenario list on the title screen, an empty saves folder,
and the computers replaced by a scripted stand-in that holds its position, so
a change to the doctrines does not change these pictures; a change to the
UI or to the engine's rules does. After a deliberate UI change, look at the
report and regenerate with ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from tests.support import ROOT
from tests.tui.pilot import settle
from wargame.engine import Game, Order
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.scenarios import ScenarioEntry
from wargame.tui.session import Session

SIZES = [(80, 24), (120, 40)]


def scenario(name: str):
    return load_scenario(ROOT / "scenarios" / f"{name}.yaml")


def fixed_catalogue() -> list[ScenarioEntry]:
    return [ScenarioEntry(ROOT / "scenarios" / f"{n}.yaml", scenario(n)) for n in ("tutorial", "cuban-missile-crisis")]


def hold_position(self: Session) -> list:
    """The scripted computers: silent on the hotline, always holding their position."""
    game, played = self.game, []
    if game.turn_phase == "orders":
        for actor in self.computers:
            if actor not in game.orders:
                order = Order(actor, "hold_position")
                game.apply(order)
                played.append(order)
    return played


@pytest.fixture(autouse=True)
def scripted_computers(monkeypatch):
    monkeypatch.setattr(Session, "computers_play", hold_position)


def app_for(game, tmp_path, human_actors=(), **options):
    app = build_app(game, list(human_actors), saves_dir=tmp_path / "saves", scenarios=fixed_catalogue, **options)
    app.animation_level = "none"
    return app



async def to_orders(pilot) -> None:
    await pilot.press("enter", "enter")  # take the side, then briefing -> hotline
    await settle(pilot, clear_toasts=True)
    await pilot.press("space")  # hotline -> orders
    await pilot.pause()


async def order_first(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()
    if pilot.app.screen.__class__.__name__ in ("TargetScreen", "ConfirmScreen"):
        await pilot.press("enter" if pilot.app.screen.__class__.__name__ == "TargetScreen" else "y")
        await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_title(snap_compare, tmp_path, size):
    assert snap_compare(app_for(None, tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_briefing(snap_compare, tmp_path, size):
    assert snap_compare(app_for(Game(scenario("tutorial"), 1), tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_game(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await to_orders(pilot)

    game = Game(scenario("cuban-missile-crisis"), 1)
    assert snap_compare(app_for(game, tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_turn_result(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await to_orders(pilot)
        await order_first(pilot)
        await pilot.press("space")
        await settle(pilot, clear_toasts=True)
        assert pilot.app.screen.__class__.__name__ == "TurnResultScreen"

    assert snap_compare(app_for(Game(scenario("tutorial"), 1), tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_end(snap_compare, tmp_path, size):
    game = Game(scenario("tutorial"), 1)

    async def run_before(pilot):
        await to_orders(pilot)
        for _ in range(40):
            screen = pilot.app.screen.__class__.__name__
            if screen == "EndScreen":
                break
            if screen == "TurnResultScreen" or game.turn_phase == "hotline":
                await pilot.press("space")
            elif game.turn_phase == "orders":
                await order_first(pilot)
                await pilot.press("space")
            await settle(pilot, clear_toasts=True)
        assert pilot.app.screen.__class__.__name__ == "EndScreen"

    assert snap_compare(app_for(game, tmp_path), terminal_size=size, run_before=run_before)


def test_hand_over(snap_compare, tmp_path):
    """Hot-seat: the screen between two teams shows nothing of either team's view."""
    game = Game(scenario("cuban-missile-crisis"), 1)
    assert snap_compare(app_for(game, tmp_path, human_actors=["usa", "ussr"]), terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_white_cell(snap_compare, tmp_path, size):
    """The facilitator watching the computers, after two turns (the scripted computers hold their position)."""

    async def run_before(pilot):
        for _ in range(2):
            await pilot.press("space")
            await settle(pilot, clear_toasts=True)

    game = Game(scenario("cuban-missile-crisis"), 1)
    assert snap_compare(app_for(game, tmp_path, facilitator=True), terminal_size=size, run_before=run_before)
