"""Misperception noise, the formula of ``engine.perception.noise`` at its corners."""

from __future__ import annotations

import pytest

from wargame.engine import Game
from wargame.engine.perception import noise


@pytest.mark.parametrize(
    ("trust", "channel", "covert", "expected"),
    [
        (100, "open", False, 0.3),  # the base noise alone
        (0, "open", False, 1.5),  # distrust adds up to 1.2
        (50, "strained", False, 1.5),
        (50, "severed", True, 0.3 + 0.6 + 1.2 + 0.8),  # covert action is harder to read
        (100, "hotline", False, 0.1),  # never below 0.1
    ],
)
def test_noise_grows_with_distrust_bad_channels_and_secrecy(rules_scenario, trust, channel, covert, expected):
    game = Game(rules_scenario, 0)
    game.actors["a"].trust["b"] = trust
    game.channels[("a", "b")] = channel
    assert noise(game, "a", "b", covert) == pytest.approx(expected)


def test_transparency_relieves_noise_until_its_turn(rules_scenario):
    game = Game(rules_scenario, 0)
    game.actors["a"].trust["b"] = 50
    plain = noise(game, "a", "b")
    game.transparency_until[("a", "b")] = game.turn
    assert noise(game, "a", "b") == pytest.approx(plain - 0.4)
    game.transparency_until[("a", "b")] = game.turn - 1
    assert noise(game, "a", "b") == plain
