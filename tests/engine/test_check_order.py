"""An order is checked at its own target first; every verdict and refusal message stays the full rule's."""

from __future__ import annotations

import random

from tests.support import to_orders
from wargame.engine import Game, legality
from wargame.engine.decisions import Order
from wargame.errors import IllegalDecision


def full_rule(game: Game, order: Order) -> str:
    """The refusal the whole rule gives an order ("" if it may be played), working out every target."""
    move = game.scenario.moves[order.move]
    reason, targets = legality._availability(legality._rule_of(game.scenario, move), legality._Context(game, order.actor))
    if reason:
        return f"{move.name} is not available: {reason}"
    if move.targeted:
        return "" if order.target in targets else f"{move.name} cannot target {order.target or 'nobody'} now"
    return "" if order.target is None else f"{move.name} takes no target"


def verdict(game: Game, order: Order) -> str:
    try:
        legality.check_order(game, order)
    except IllegalDecision as refusal:
        return str(refusal)
    return ""


def test_checking_an_order_at_its_target_agrees_with_the_full_rule(rules_scenario, cuban, scramble):
    rng = random.Random(11)
    games = [Game(rules_scenario, 1), Game(cuban, 1)]
    for game in games:
        to_orders(game)
    allowed = refused = 0
    for _ in range(30):
        game = rng.choice(games)
        scramble(game, rng)
        for actor in game.actor_ids:
            withheld = set(game.scenario.actor(actor).withhold)
            for move in game.scenario.moves.values():
                if move.id in withheld:
                    continue
                for target in (None, actor, "nobody-here", *game.others(actor)):
                    order = Order(actor, move.id, target)
                    expected = full_rule(game, order)
                    assert verdict(game, order) == expected, order
                    allowed += not expected
                    refused += bool(expected)
    assert allowed > 100 and refused > 100  # both ways were asked
