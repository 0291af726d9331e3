"""Why stats moved: every change of a side's stats in a turn comes with its cause, worded for that side."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.support import play_computer_turn, play_turn
from wargame.engine import Game, actor_view


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_causes_add_up_to_the_change_each_side_sees(shipped_scenarios, seed):
    """For every side and turn, the changes with causes sum, stat by stat, to now minus the turn's start."""
    for scenario in shipped_scenarios:
        game = Game(scenario, seed)
        while not game.is_over():
            play_computer_turn(game)
            for actor in game.actor_ids:
                view = actor_view(game, actor)
                explained: Counter[str] = Counter()
                for change in view.my_changes:
                    assert change.actor == actor and change.amount != 0 and change.cause
                    explained[change.stat] += change.amount
                for stat, now in view.stats.items():
                    assert explained[stat] == now - view.previous_stats[stat], (scenario.id, game.turn, actor, stat)


def test_a_view_holds_only_its_own_sides_changes(cuban):
    game = Game(cuban, 4)
    play_computer_turn(game)
    for actor in game.actor_ids:
        assert {c.actor for c in actor_view(game, actor).my_changes} <= {actor}


def test_an_ignored_red_line_names_itself_as_the_cause(rules_scenario):
    game = Game(rules_scenario, 2)
    play_turn(game, b=("deploy_forces", "a"))
    line = next(line for line in game.red_lines if line.id == "a_no_deploy")
    assert any(c.stat == "resolve" and line.description in c.cause for c in actor_view(game, "a").my_changes)
    for _ in range(2):
        game.proceed()
        play_turn(game)
    causes = {(c.stat, c.amount, c.cause) for c in actor_view(game, "a").my_changes}
    assert ("credibility", -15, f"you did not answer the crossed line “{line.description}”") in causes


def test_a_moves_cost_and_its_effect_on_the_target_are_told_apart(rules_scenario):
    game = Game(rules_scenario, 2)
    move = rules_scenario.moves["deploy_forces"]
    play_turn(game, b=("deploy_forces", "a"))
    assert move.cost.economy > 0 and move.effects.target.resolve < 0  # what the test relies on
    assert ("economy", f"the cost of your {move.name.lower()}") in {(c.stat, c.cause) for c in actor_view(game, "b").my_changes}
    theirs = {(c.stat, c.cause) for c in actor_view(game, "a").my_changes}
    assert ("resolve", f"{game.name('b')}'s {move.name.lower()}") in theirs


def test_a_covert_moves_effect_does_not_name_who_did_it(rules_scenario):
    """The target feels a covert move in its stats; the cause it reads names neither the mover nor the move."""
    game = Game(rules_scenario, 2)
    move = rules_scenario.moves["cyber_operation"]
    assert move.visibility == "covert" and move.effects.target.economy < 0
    play_turn(game, b=("cyber_operation", "a"))
    causes = [c for c in actor_view(game, "a").my_changes if c.stat == "economy"]
    assert causes and all(c.cause == "something you did not see" for c in causes)
    assert all(game.name("b") not in c.cause and move.name.lower() not in c.cause for c in causes)
