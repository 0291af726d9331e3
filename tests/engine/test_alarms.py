"""False alarms: a move misread as the crossing of a red line, cleared by a working channel or answered."""

from __future__ import annotations

from tests.support import play_turn, to_orders
from wargame.engine import Game
from wargame.engine.alarms import clarify, raise_alarms, taken_for
from wargame.engine.records import Perception
from wargame.engine.views import actor_view, facilitator_view

# In tests/scenarios/rules.yaml Avalon (a) holds the declared line "b must not deploy forces"
# (played(b, deploy_forces), answered by show_of_force or targeted_sanctions within 2 turns).


def _flights(game: Game):
    return game.scenario.moves["surveillance_flights"]  # military, escalation 1; deploy_forces is military, 2


def test_a_reading_far_above_the_truth_is_taken_for_the_feared_move(rules_scenario):
    game = Game(rules_scenario, 0)
    flights = _flights(game)
    assert taken_for(game, "a", "b", flights, 1.0, 2.6) == "deploy_forces"
    assert taken_for(game, "a", "b", flights, 1.0, 2.4) == "surveillance_flights"  # not misread enough
    assert taken_for(game, "a", "b", flights, 1.0, 1.9) == "surveillance_flights"
    # a line only its owner holds, against that challenger only
    assert taken_for(game, "b", "a", game.scenario.moves["surveillance_flights"], 1.0, 2.6) == "surveillance_flights"
    assert taken_for(game, "a", "c", flights, 1.0, 2.6) == "surveillance_flights"


def test_no_misreading_crosses_kinds_or_comes_from_a_gesture(rules_scenario):
    game = Game(rules_scenario, 0)
    moves = game.scenario.moves
    assert taken_for(game, "a", "b", moves["condemnation"], 1.0, 3.0) == "condemnation"  # diplomatic, not military
    assert taken_for(game, "a", "b", moves["hold_position"], 0.0, 3.0) == "hold_position"  # no activity to misread


def _alarm(game: Game) -> None:
    """Avalon takes Borduria's surveillance flights this turn for a deployment."""
    to_orders(game)
    game.order("a", "hold_position")
    game.order("b", "surveillance_flights", "a")
    game.order("c", "hold_position")
    raise_alarms(game, [Perception("a", "b", "surveillance_flights", "deploy_forces", "a", 1.0, 2.7)])


def _alarm_unexplained(scenario) -> Game:
    """A game in which Avalon's alarm stands past its turn: the line to Borduria is severed, nothing is explained."""
    game = Game(scenario, 0)
    _alarm(game)
    game.channels[("a", "b")] = "severed"
    game.proceed()
    return game


def test_a_false_alarm_looks_crossed_to_its_owner_only(rules_scenario):
    game = Game(rules_scenario, 0)
    _alarm(game)
    mine = {line.id: line for line in actor_view(game, "a").my_red_lines}["a_no_deploy"]
    assert mine.status == "crossed" and mine.awaiting_response and mine.crossed_turn == game.turn
    theirs = {line.id: line for line in actor_view(game, "b").their_red_lines}["a_no_deploy"]
    assert theirs.status == "standing"
    assert {line.id: line for line in facilitator_view(game).red_lines}["a_no_deploy"].status == "misread"
    news_b = [e.text for e in game.events if e.visible_to("b")]
    assert not any("deploy" in text for text in news_b)
    assert any("as you read it" in e.text for e in game.events if e.visible_to("a"))


def test_a_hotline_clears_the_alarm_before_the_next_orders(rules_scenario):
    game = Game(rules_scenario, 0)
    _alarm(game)
    game.channels[("a", "b")] = "hotline"
    clarify(game)
    assert game.red_lines[0].status == "standing"
    assert any(e.kind == "clarified" and "hotline" in e.text for e in game.events if e.visible_to("b"))


def test_a_severed_line_or_distrust_leaves_the_alarm_standing(rules_scenario):
    for channel, trust in (("severed", 90), ("strained", 90), ("open", 40)):
        game = Game(rules_scenario, 0)
        _alarm(game)
        game.channels[("a", "b")] = channel
        game.actors["a"].trust["b"] = trust
        clarify(game)
        assert game.red_lines[0].status == "misread", channel


def test_answering_a_false_alarm_is_an_unprovoked_escalation_that_earns_no_credibility(rules_scenario):
    game = _alarm_unexplained(rules_scenario)
    play_turn(game, a=("show_of_force", "b"))
    line = game.red_lines[0]
    assert line.status == "standing" and line.answered_turn is None
    assert not any("answered the crossing" in c.cause for c in game.stat_changes)  # no reward: nothing was crossed
    kinds = {e.kind for e in game.events if e.turn == game.turn}
    assert {"false_alarm_answered", "inadvertent_escalation"} <= kinds
    assert any("had crossed nothing" in e.text for e in game.events if e.visible_to("b"))


def test_an_unanswered_false_alarm_lapses_without_cost(rules_scenario):
    game = _alarm_unexplained(rules_scenario)
    credibility = game.actors["a"].stats["credibility"]
    play_turn(game)
    assert game.red_lines[0].status == "misread"  # the window is two turns
    play_turn(game)
    assert game.red_lines[0].status == "standing"
    assert game.actors["a"].stats["credibility"] == credibility
    assert any(e.kind == "alarm_lapsed" for e in game.events if e.visible_to("a"))


def test_a_real_crossing_during_an_alarm_is_a_crossing(rules_scenario):
    game = _alarm_unexplained(rules_scenario)
    play_turn(game, b=("deploy_forces", "a"))
    line = game.red_lines[0]
    assert line.status == "crossed" and line.crossed_turn == game.turn and line.misread_move is None


def test_nobody_takes_a_move_for_one_whose_prerequisite_the_facts_rule_out(cuban):
    """Cuba's fire on reconnaissance planes needs planes to have flown: until the United States flies,
    no Cuban mobilisation can be taken for it; once it has, one can."""
    game = Game(cuban, 0)
    mobilisation = cuban.moves["mobilisation"]
    assert taken_for(game, "usa", "cuba", mobilisation, 2.0, 3.6) == "mobilisation"
    game.played[("usa", "low_level_recon")] = [game.turn]
    assert taken_for(game, "usa", "cuba", mobilisation, 2.0, 3.6) == "fire_on_overflights"
