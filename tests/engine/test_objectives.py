"""An objective is judged for a side only from what that side may know, and then from its view alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT, play_computer_turn
from wargame.engine import Game, actor_view
from wargame.engine.env import GameEnv
from wargame.engine.objectives import hidden_reads, standings
from wargame.scenario.condition_syntax import syntax_tree
from wargame.scenario.loader import load_scenario


@pytest.mark.parametrize(
    ("side", "condition", "hidden"),
    [
        ("a", "turn >= 2 and turns > 3", ()),
        ("a", "peak < 9", ("the true rung",)),
        ("a", "rung_change > 0 or rung < 3", ("the true rung",)),
        ("a", "a.resolve > 3 and a.trust.b > 3 and a.perceived_rung < 5", ()),
        ("a", "b.credibility > 3 and b.support > 3 and b.readiness > 3", ()),  # the Actors tab shows these
        ("a", "b.resolve > 3", ("Borduria's resolve",)),
        ("a", "b.trust.a > 3", ("Borduria's trust",)),
        ("a", "b.perceived_rung > 3", ("Borduria's reading of the rung",)),
        ("a", "played(b, deploy_forces) and played(withdraw_forces)", ()),  # public moves: everyone sees them
        ("a", "played(b, cyber_operation)", ("whether a covert move was played",)),
        ("a", "played(a, cyber_operation)", ()),  # my own covert move I know
        ("a", "crossed(a_no_deploy)", ()),
        ("c", "crossed(a_no_deploy)", ()),  # declared
        ("a", "crossed(b_secret)", ("another side's secret red line",)),
        ("b", "crossed(b_secret)", ()),  # my own secret line
        ("a", "agreed(t_no_sanctions)", ()),  # only a may commit to it: any such agreement is a's
        ("a", "agreed(t_no_deploy)", ("agreements between other sides",)),  # b might agree it with c
        ("a", "agreed(t_no_deploy, a)", ()),
        ("a", "channel(a, b) == 'open'", ()),
        ("c", "channel(a, b) == 'open'", ("the line between Avalon and Borduria",)),
        ("a", "fired(once)", ("scripted events",)),
    ],
)
def test_what_a_condition_reads_is_public_or_hidden_to_a_side(rules_scenario, side, condition, hidden):
    assert hidden_reads(syntax_tree(condition), rules_scenario, side) == hidden


def test_with_two_sides_every_agreement_is_ones_own(tutorial):
    assert hidden_reads(syntax_tree("agreed(shared_fishing)"), tutorial, "kestria") == ()


def test_an_objective_that_reads_the_true_rung_cannot_be_judged(rules_scenario):
    (calm,) = standings(actor_view(Game(rules_scenario, 1), "a"))
    assert calm.state == "hidden" and calm.hidden == ("the true rung",)


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: Path(p).stem)
def test_a_judged_objective_reads_from_the_view_as_the_scorer_reads_the_game(path):
    """Each turn of a computer game, each side's judgeable objectives say what the game's own evaluation says."""
    scenario = load_scenario(path)
    game = Game(scenario, 5)
    judged = 0
    while not game.is_over():
        play_computer_turn(game)
        for actor in scenario.spec.actors:
            for standing in standings(actor_view(game, actor.id)):
                if standing.state != "hidden":
                    judged += 1
                    truth = scenario.condition("objective", actor.id, standing.objective.id).evaluate(GameEnv(game))
                    assert (standing.state == "met") == truth, (game.turn, actor.id, standing.objective.id)
    assert judged
