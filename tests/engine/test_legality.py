"""Which moves an actor may order now: each rule of ``engine.legality`` with the reason it gives.

They run on tests/scenarios/rules.yaml (actors a, b and the mediator c, the
standard moves; a's declared red line against b deploying forces).
"""

from __future__ import annotations

import random

import pytest

from tests.support import ROOT, to_orders
from wargame.engine import Game, Message, legality
from wargame.engine.decisions import Order
from wargame.errors import IllegalDecision
from wargame.scenario.loader import load_scenario


@pytest.fixture
def game(rules_scenario) -> Game:
    game = Game(rules_scenario, 0)
    to_orders(game)
    return game


def option(game: Game, actor: str, move: str) -> legality.MoveOption:
    return next(o for o in legality.options(game, actor) if o.move.id == move)


def refusal(game: Game, actor: str, move: str, target: str | None) -> str:
    """The message ``check_order`` refuses the order with ("" if it is allowed)."""
    try:
        legality.check_order(game, Order(actor, move, target))
    except IllegalDecision as refused:
        return str(refused)
    return ""


def test_the_rung_limits_a_move_both_ways(game):
    """Rule: a move is available only between its minimum and maximum rung, and the reason names the limit."""
    game.rung = 2
    assert option(game, "a", "show_of_force").available
    assert option(game, "a", "deploy_forces").reason == f"only from rung 3 ({game.rung_names[3]})"
    game.rung = 9
    assert option(game, "a", "quiet_dialogue").reason == "only up to rung 8; the crisis is past it"
    assert refusal(game, "a", "quiet_dialogue", "b") == "Quiet dialogue is not available: only up to rung 8; the crisis is past it"


def test_a_locked_move_waits_for_its_unlocking():
    """Rule: a move a trigger or inject unlocks is refused until it is unlocked."""
    scenario = load_scenario(ROOT / "scenarios" / "able-archer-1983.yaml")
    game = Game(scenario, 0)
    to_orders(game)
    locked = "quiet_reassurance"
    actor = next(a for a in game.actor_ids if any(m.id == locked for m in scenario.moves_for(a)))
    assert option(game, actor, locked).reason == "not yet available in this crisis"
    game.unlocked.add(locked)
    assert option(game, actor, locked).reason != "not yet available in this crisis"


def test_a_move_costs_what_the_actor_has(game):
    """Rule: a move dearer than the actor's means is refused with the cost and what the actor has."""
    game.rung = 9
    game.actors["a"].stats["economy"] = 2
    strike = option(game, "a", "limited_strike")
    assert strike.reason == "costs 3 economy; you have 2" and strike.targets == ()
    game.actors["a"].stats["economy"] = 3
    assert option(game, "a", "limited_strike").targets == ("b", "c")


def test_a_move_that_needs_a_channel_is_refused_over_a_severed_one(game):
    """Rule: engagement, summits, confidence building, transparency and hotlines need a channel that is not severed."""
    game.channels[("a", "b")] = "severed"
    assert option(game, "a", "concession_offer").targets == ("c",)
    assert refusal(game, "a", "concession_offer", "b") == "Offer a concession cannot target b now"
    game.channels[("a", "c")] = "severed"
    assert option(game, "a", "concession_offer").reason == "the channel to b is severed"
    game.channels[("a", "b")] = game.channels[("a", "c")] = "open"
    assert option(game, "a", "concession_offer").targets == ("b", "c")


def test_a_move_is_refused_where_the_channel_is_already_what_it_makes(game):
    """Rule: establishing a hotline where there is one already is refused with that reason."""
    game.channels[("a", "b")] = game.channels[("a", "c")] = "hotline"
    assert option(game, "a", "establish_hotline").reason == "the channel to b is already hotline"


def test_mediation_needs_a_go_between_who_can_talk_to_both_sides(game):
    """Rule: a party asks for mediation only through a mediator with working channels to both sides."""
    assert option(game, "a", "request_mediation").targets == ("b",)  # c, the mediator, is no party to mediate with
    assert legality.mediators(game, "a", "b") == ["c"]
    game.channels[("b", "c")] = "severed"
    assert legality.mediators(game, "a", "b") == []
    assert option(game, "a", "request_mediation").reason == "no mediator in this crisis can talk to both sides"


def test_a_prerequisite_decides_target_by_target(game):
    """Rule: a prerequisite naming ``target`` is asked of each target; the reason quotes it."""
    game.actors["a"].trust.update(b=80, c=10)
    assert option(game, "a", "intelligence_sharing").targets == ("b",)
    game.actors["a"].trust["b"] = 10
    assert option(game, "a", "intelligence_sharing").reason == "needs your trust in Borduria at 35 or more"


def test_an_untargeted_move_takes_no_target_and_a_targeted_one_needs_one(game):
    """Rule: orders name a target exactly when the move is aimed at someone."""
    assert refusal(game, "a", "public_statement", None) == ""
    assert refusal(game, "a", "public_statement", "b") == "Public statement takes no target"
    assert refusal(game, "a", "concession_offer", None) == "Offer a concession cannot target nobody now"
    assert refusal(game, "a", "concession_offer", "a") == "Offer a concession cannot target a now"


def test_orders_are_refused_out_of_phase_or_from_strangers(game, rules_scenario):
    assert refusal(game, "z", "hold_position", None) == "unknown actor 'z'"
    assert refusal(game, "a", "fly_to_the_moon", None) == "a has no move 'fly_to_the_moon'"
    hotline = Game(rules_scenario, 0)
    while hotline.turn_phase != "hotline":
        hotline.proceed()
    assert refusal(hotline, "a", "hold_position", None) == "orders are not open: the turn is in its hotline phase"


def test_the_listing_names_the_agreements_a_move_would_break(rules_scenario):
    """Rule: a move forbidden by an agreement in force stays legal, and the listing names the agreement."""
    game = Game(rules_scenario, 0)
    while game.turn_phase != "hotline":
        game.proceed()
    game.send(Message("a", "b", "proposal", offer=("t_no_sanctions",), ask=("t_no_deploy",)))
    game.send(Message("b", "a", "accept", reply_to=game.envelopes[-1].id))
    to_orders(game)
    game.rung = 5
    assert option(game, "b", "deploy_forces").breaks == (0,)
    assert option(game, "b", "deploy_forces").available
    assert option(game, "a", "targeted_sanctions").breaks == (0,)
    assert option(game, "a", "deploy_forces").breaks == ()


def test_the_listing_names_the_declared_red_lines_a_move_would_cross(game):
    """Rule: a declared red line against the actor is shown on the moves that would cross it; secret ones are not."""
    game.rung = 5
    assert option(game, "b", "deploy_forces").crosses == ("a_no_deploy",)
    assert option(game, "b", "show_of_force").crosses == ()
    assert option(game, "a", "naval_blockade").crosses == ()  # b's line against it is secret


def test_the_engine_refuses_an_order_for_the_reason_the_listing_gives(rules_scenario, cuban, scramble):
    """One rule, one place: every order the listing offers passes, every other is refused with the listing's reason."""
    rng = random.Random(11)
    games = [Game(rules_scenario, 1), Game(cuban, 1)]
    for game in games:
        to_orders(game)
    allowed = refused = 0
    for _ in range(20):
        game = rng.choice(games)
        scramble(game, rng)
        for actor in game.actor_ids:
            for choice in legality.options(game, actor):
                move = choice.move
                for target in (None, *game.others(actor)):
                    why = refusal(game, actor, move.id, target)
                    if not choice.available:
                        assert why == f"{move.name} is not available: {choice.reason}"
                    elif target in choice.targets or (target is None and not move.targeted):
                        assert why == ""
                    else:
                        assert why.startswith(move.name)
                    allowed += not why
                    refused += bool(why)
    assert allowed > 100 and refused > 100  # both ways were asked
