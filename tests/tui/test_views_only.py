"""The UI reads views only: ``tui/session.py`` is the one module that touches ``Game``.

Elsewhere a game may be passed along (to ``Session.create``) but not read:
no module imports ``Game`` to use it, reads ``something.game``, or reads an
attribute of a name called ``game``. The pilot test checks what that buys:
the white cell shows the true rung, a side's screen its reading of it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import ROOT, play_computer_turn
from tests.tui.pilot import screen_text, settle
from wargame.engine import Game, actor_view
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app

TUI = ROOT / "wargame" / "tui"
SESSION = TUI / "session.py"


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    """Nodes inside ``if TYPE_CHECKING:`` blocks: imports there serve annotations, not reading."""
    inside: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.body:
                inside.update(ast.walk(child))
    return inside


def game_reads(path: Path) -> list[str]:
    """Where ``path`` imports ``Game`` for use, or reads a game's attributes."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    annotations_only = _type_checking_only(tree)
    found = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and node not in annotations_only:
            if node.module == "wargame.engine.game" or (
                node.module == "wargame.engine" and any(alias.name == "Game" for alias in node.names)
            ):
                found.append(f"{where} imports Game")
        elif isinstance(node, ast.Import) and any(alias.name == "wargame.engine.game" for alias in node.names):
            found.append(f"{where} imports wargame.engine.game")
        elif isinstance(node, ast.Attribute):
            if node.attr == "game":
                found.append(f"{where} reads .game")
            elif isinstance(node.value, ast.Name) and node.value.id == "game":
                found.append(f"{where} reads game.{node.attr}")
    return found


def test_only_the_session_touches_the_game():
    modules = sorted(p for p in TUI.rglob("*.py") if p != SESSION)
    assert len(modules) > 20  # the walk found the package
    assert [where for path in modules for where in game_reads(path)] == []


def test_the_rule_catches_a_screen_that_reads_the_game(tmp_path):
    """The check itself: each way of reading a game is found; a game passed along is not."""
    screen = tmp_path / "sneaky.py"
    screen.write_text(
        "from typing import TYPE_CHECKING\n"
        "from wargame.engine import Game, Order\n"
        "if TYPE_CHECKING:\n"
        "    from wargame.engine.game import Game as Typed\n"
        "def show(session, game):\n"
        "    session.create(game)\n"
        "    return session.game.rung, game.turn\n",
        encoding="utf-8",
    )
    found = game_reads(screen)
    assert sorted(f.split(" ", 1)[1] for f in found) == ["imports Game", "reads .game", "reads game.turn"]


def misread_game() -> Game:
    """A Cuban game played by the computers until the United States misreads the rung by a whole rung or more."""
    game = Game(load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml"), 3)
    for _ in range(game.scenario.spec.turns):
        play_computer_turn(game)
        if game.is_over():
            break
        if actor_view(game, "usa").perceived_rung != game.rung:
            return game
    pytest.skip("no misreading in this game")  # pragma: no cover - the seed is chosen to misread


async def test_the_white_cell_shows_the_true_rung_and_a_side_its_reading(tmp_path):
    from wargame.tui.screens.facilitator import FacilitatorScreen
    from wargame.tui.screens.game import GameScreen
    from wargame.tui.widgets.ladder import Ladder

    game = misread_game()
    read = actor_view(game, "usa").perceived_rung
    app = build_app(game, ["usa"], saves_dir=tmp_path / "saves", facilitator=True)
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        ladder = app.screen.query_one(Ladder)
        assert ladder.state.perceived == read  # my reading, and nothing of the true rung
        drawn = ladder.text().plain
        assert "◆" in drawn and "●" not in drawn
        assert f"you read {read}/" in ladder.border_subtitle
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen)
        crisis = screen_text(app)
        assert f"Rung {game.rung}: {game.rung_names[game.rung]}" in crisis
        usa = game.actors["usa"].perceived_rung
        assert f"{usa:.1f}" in crisis and read != game.rung
