"""Misperception noise: the formula of ``engine.perception.noise`` at its corners, and the causes a reading names."""

from __future__ import annotations

import pytest

from tests.support import play_turn
from wargame.engine import Game, actor_view
from wargame.engine.clarity import clarity_words
from wargame.engine.perception import noise, noise_parts


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


# ---------------------------------------------------------------- what made a reading noisy (issue 15)

def _old_noise(game, observer, actor, covert=False):
    """The formula as it stood before it was split into parts: the parts must add up to it bit for bit."""
    link = (observer, actor) if observer < actor else (actor, observer)
    trust = game.actors[observer].trust[actor]
    sigma = 0.3 + 1.2 * (100 - trust) / 100 + {"open": 0.0, "strained": 0.6, "severed": 1.2, "hotline": -0.4}[
        game.channels.get(link, "open")]
    if covert:
        sigma += 0.8
    if link in game.transparency_until and game.transparency_until[link] >= game.turn:
        sigma -= 0.4
    return max(0.1, sigma)


@pytest.mark.parametrize("channel", ["open", "strained", "severed", "hotline"])
@pytest.mark.parametrize("covert", [False, True])
@pytest.mark.parametrize("transparent", [False, True])
def test_the_parts_add_up_to_the_noise_exactly(rules_scenario, channel, covert, transparent):
    game = Game(rules_scenario, 0)
    game.channels[("a", "b")] = channel
    if transparent:
        game.transparency_until[("a", "b")] = game.turn
    for trust in range(0, 101, 7):
        game.actors["a"].trust["b"] = trust
        assert noise_parts(game, "a", "b", covert).total == _old_noise(game, "a", "b", covert)
        assert noise(game, "a", "b", covert) == _old_noise(game, "a", "b", covert)


@pytest.mark.parametrize(
    ("trust", "channel", "covert", "transparent", "words"),
    [
        (30, "strained", False, False, "noisy reading: low trust, strained line"),
        (20, "severed", True, False, "very noisy reading: line cut, low trust, covert move"),
        (60, "hotline", False, True, "clear reading: hotline, transparency measures in force"),
        (90, "open", False, False, "clear reading: high trust"),
        (60, "open", False, False, "somewhat noisy reading: middling trust"),
    ],
)
def test_a_reading_names_what_made_it_clear_or_noisy(rules_scenario, trust, channel, covert, transparent, words):
    game = Game(rules_scenario, 0)
    game.actors["a"].trust["b"] = trust
    game.channels[("a", "b")] = channel
    if transparent:
        game.transparency_until[("a", "b")] = game.turn
    parts = noise_parts(game, "a", "b", covert)
    assert clarity_words(parts.total, parts.causes()) == words


def test_each_reading_in_a_view_carries_its_noise_and_causes_from_the_readers_side(rules_scenario):
    game = Game(rules_scenario, 3)
    game.actors["a"].trust["b"] = 20
    game.actors["b"].trust["a"] = 95  # b's trust is b's: it must not make a's reading clear
    game.channels[("a", "b")] = "strained"
    play_turn(game, b=("deploy_forces", "a"))
    (reading,) = [r for r in actor_view(game, "a").perceived_history[-1].readings if r.actor == "b"]
    assert reading.noise >= 0.3 + 1.2 * 0.8 + 0.6 - 0.005  # trust 20 or less (the move itself costs trust), strained
    assert clarity_words(reading.noise, reading.causes) == "noisy reading: low trust, strained line"


def test_an_unnoticed_covert_move_has_no_causes_and_a_noticed_one_names_its_secrecy(rules_scenario):
    causes = {}
    for seed in range(40):
        game = Game(rules_scenario, seed)
        play_turn(game, b=("cyber_operation", "a"))
        (reading,) = [r for r in actor_view(game, "a").perceived_history[-1].readings if r.actor == "b"]
        causes[reading.seen is not None] = reading.causes
        if len(causes) == 2:
            break
    assert causes[False] == ()
    assert "covert" in causes[True]
