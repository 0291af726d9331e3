"""The turn result says why each stat moved, in words, and names agreements by their terms."""

from __future__ import annotations

from rich.text import Text

from tests.support import play_turn
from wargame.engine import Game, actor_view
from wargame.tui.screens.turn_result import standing


def test_each_stat_that_moved_is_shown_with_its_cause(rules_scenario):
    game = Game(rules_scenario, 2)
    play_turn(game, b=("deploy_forces", "a"))
    for _ in range(2):
        game.proceed()
        play_turn(game)
    view = actor_view(game, "a")
    line = next(line for line in view.my_red_lines if line.status == "ignored")
    text = Text()
    standing(text, view)
    shown = text.plain
    credibility = view.stats["credibility"]
    assert f"credibility {credibility} (" in shown
    assert f"you did not answer the crossed line “{line.description}”" in shown


def test_a_quiet_turn_reads_unchanged(rules_scenario):
    game = Game(rules_scenario, 2)
    play_turn(game)
    view = actor_view(game, "a")
    text = Text()
    standing(text, view)
    assert (text.plain.strip() == "unchanged") == (dict(view.stats) == dict(view.previous_stats))
