"""Perception noise read from its distrust table equals the formula worked out afresh, bit for bit."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.engine import Game, perception
from wargame.engine.game import CHANNELS
from wargame.scenario.loader import load_scenario

CUBAN = Path(__file__).resolve().parents[2] / "scenarios" / "cuban-missile-crisis.yaml"


def formula(trust: int, channel: str, covert: bool, transparent: bool) -> float:
    sigma = perception.BASE_NOISE + perception.DISTRUST_NOISE * (100 - trust) / 100
    sigma += perception.CHANNEL_NOISE[channel]
    if covert:
        sigma += perception.COVERT_NOISE
    if transparent:
        sigma -= perception.TRANSPARENCY_RELIEF
    return max(0.1, sigma)


@pytest.mark.parametrize("channel", CHANNELS)
def test_noise_matches_the_formula_at_every_trust_level(channel):
    game = Game(load_scenario(CUBAN), 0)
    link = ("usa", "ussr")
    game.channels[link] = channel
    for transparent in (False, True):
        if transparent:
            game.transparency_until[link] = game.turn
        else:
            game.transparency_until.pop(link, None)
        for trust in range(101):
            game.actors["usa"].trust["ussr"] = trust
            for covert in (False, True):
                assert perception.noise(game, "usa", "ussr", covert) == formula(trust, channel, covert, transparent)


def test_transparency_lapses_after_its_turn():
    game = Game(load_scenario(CUBAN), 0)
    game.transparency_until[("usa", "ussr")] = game.turn - 1
    game.actors["usa"].trust["ussr"] = 50
    assert perception.noise(game, "usa", "ussr") == formula(50, game.channel("usa", "ussr"), False, False)
