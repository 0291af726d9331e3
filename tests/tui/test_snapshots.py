"""Snapshots of the five main screens at 80×24 and 120×40, the hot-seat hand-over and the white cell.

Deterministic by construction: fixed seeds, animations off, no text cursor
on screen, a fixed scenario list on the title screen, an empty saves folder,
and the computers replaced by a scripted stand-in that holds its position, so
a change to the doctrines does not change these pictures; a change to the
UI or to the engine's rules does. After a deliberate UI change, look at the
report and regenerate with ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT
from tests.tui.pilot import settle
from wargame.engine import Game, Message, Order
from wargame.engine.decisions import MessageKind
from wargame.errors import IllegalDecision
from wargame.saves.store import save_game
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


async def to_end(pilot, game) -> None:
    """Order the first move each turn and go on until the end screen."""
    for _ in range(60):
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


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_end(snap_compare, tmp_path, size):
    game = Game(scenario("tutorial"), 1)

    async def run_before(pilot):
        await to_orders(pilot)
        await to_end(pilot, game)

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


# ------------------------------------------------------------ every screen at 80×24, with the longest names

SMALL = (80, 24)
LONGEST = {  # scenario -> the side played: N in the Cuban crisis, T and H in Corvane, the longest titles and side names
    "cuban-missile-crisis": "usa",
    "corvane-shoal": "lirea",
    "kargil-1999": "india",
    "able-archer-1983": "nato",
}


def proposing(self: Session) -> list:
    """The scripted computers, but each proposes its first two terms to the human on the hotline of turn 1."""
    game = self.game
    if game.turn_phase != "hotline" or game.turn != 1:
        return hold_position(self)
    human, terms = self.human, [t for t in game.scenario.spec.terms]
    sent = []
    for actor in self.computers:
        mine = [t.id for t in terms if not t.by or actor in t.by][:1]
        theirs = [t.id for t in terms if not t.by or human in t.by][:1]
        message = Message(actor, human, MessageKind.PROPOSAL, "We propose an arrangement; both of us give a little.",
                          offer=tuple(mine), ask=tuple(theirs))
        try:
            game.apply(message)
        except IllegalDecision:
            continue
        sent.append(message)
    return sent


async def into_game(pilot) -> None:
    await pilot.press("enter")  # the side is given: the briefing's Enter starts
    await settle(pilot, clear_toasts=True)
    assert pilot.app.screen.__class__.__name__ == "GameScreen"


GAME_KEYS = {  # what is on screen -> the keys after the hotline has opened
    "hotline": (),
    "orders": ("space",),
    "actors": ("3", "end"),
    "alerts": ("4", "end"),
    "briefing-tab": ("6",),
    "ladder": ("l", "home"),
    "help": ("question_mark",),
    "composer": ("m",),
}


@pytest.mark.parametrize("what", GAME_KEYS)
@pytest.mark.parametrize("name", LONGEST)
def test_game_at_80x24(snap_compare, tmp_path, monkeypatch, name, what):
    """Each pane of the game at the smallest size, a proposal waiting: names whole, every actor in the legend."""
    monkeypatch.setattr(Session, "computers_play", proposing)

    async def run_before(pilot):
        await into_game(pilot)
        await pilot.press(*GAME_KEYS[what])
        await settle(pilot, clear_toasts=True)

    app = app_for(Game(scenario(name), 1), tmp_path, [LONGEST[name]])
    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


@pytest.mark.parametrize("name", LONGEST)
def test_side_picker_at_80x24(snap_compare, tmp_path, name):
    assert snap_compare(app_for(Game(scenario(name), 1), tmp_path), terminal_size=SMALL)


@pytest.mark.parametrize("name", LONGEST)
def test_turn_result_at_80x24(snap_compare, tmp_path, name):
    async def run_before(pilot):
        await into_game(pilot)
        await pilot.press("space")
        await pilot.pause()
        await order_first(pilot)
        await pilot.press("space")
        await settle(pilot, clear_toasts=True)
        assert pilot.app.screen.__class__.__name__ == "TurnResultScreen"

    app = app_for(Game(scenario(name), 1), tmp_path, [LONGEST[name]])
    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


@pytest.mark.parametrize("name", ["cuban-missile-crisis", "corvane-shoal"])
def test_ladder_later_at_80x24(snap_compare, tmp_path, name):
    """Four turns in: the trail of past readings keeps its width, the names keep theirs."""
    game = Game(scenario(name), 1)

    async def run_before(pilot):
        await into_game(pilot)
        while game.turn < 4:
            await pilot.press("space")  # close the hotline; then order and end the turn; then the result
            await pilot.pause()
            await order_first(pilot)
            await pilot.press("space")
            await settle(pilot)
            await pilot.press("space")
            await settle(pilot, clear_toasts=True)

    assert snap_compare(app_for(game, tmp_path, [LONGEST[name]]), terminal_size=SMALL, run_before=run_before)


def test_end_at_80x24(snap_compare, tmp_path):
    """The end screen with five actors' names."""
    game = Game(scenario("corvane-shoal"), 1)

    async def run_before(pilot):
        await into_game(pilot)
        await to_end(pilot, game)

    assert snap_compare(app_for(game, tmp_path, ["lirea"]), terminal_size=SMALL, run_before=run_before)


def test_white_cell_at_80x24(snap_compare, tmp_path):
    """The facilitator's view of five actors at the smallest size."""

    async def run_before(pilot):
        await pilot.press("space")
        await settle(pilot, clear_toasts=True)

    game = Game(scenario("corvane-shoal"), 1)
    assert snap_compare(app_for(game, tmp_path, facilitator=True), terminal_size=SMALL, run_before=run_before)


@pytest.mark.parametrize("dialog", [False, True], ids=["title", "load"])
def test_saves_at_80x24(snap_compare, tmp_path, monkeypatch, dialog):
    """The title screen's recent saves and the load dialog, with the longest side name (fixed time and folder)."""
    game = Game(scenario("able-archer-1983"), 1)
    monkeypatch.chdir(tmp_path)  # the dialog shows the folder: a relative one is the same on every run
    folder = Path("saves")
    folder.mkdir()
    save_game(game, folder / "able-archer-1983-nato-2026-12-07-1000.json", saved_at="2026-12-07T10:00:00", players=["nato"])

    async def run_before(pilot):
        await pilot.pause()
        if dialog:
            await pilot.press("ctrl+o")
            await pilot.pause()

    app = build_app(None, [], saves_dir=folder, scenarios=fixed_catalogue)
    app.animation_level = "none"
    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)
