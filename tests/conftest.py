"""Shared fixtures: the shipped scenarios and the rule-case scenario, loaded once."""

from __future__ import annotations

import os

import pytest

from tests.support import ROOT
from wargame.scenario.conditions import CHANNEL_STATES
from wargame.scenario.loader import load_scenario

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(scope="session")
def rules_scenario():
    return load_scenario(ROOT / "tests" / "scenarios" / "rules.yaml")


@pytest.fixture(scope="session")
def tutorial():
    return load_scenario(ROOT / "scenarios" / "tutorial.yaml")


@pytest.fixture(scope="session")
def cuban():
    return load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml")


@pytest.fixture(scope="session")
def shipped_scenarios():
    return [load_scenario(path) for path in sorted((ROOT / "scenarios").glob("*.yaml"))]


@pytest.fixture
def repeated_concessions(tutorial):
    """A tutorial game in which Kestria offers Dornland a concession on each of the first ``turns`` turns
    while Dornland holds its position: the plainest case of a gesture wearing with repetition."""
    from wargame.engine import Game

    def play(turns: int):
        game = Game(tutorial, 3)
        for _ in range(turns):
            while game.turn_phase != "orders":
                game.proceed()
            game.order("kestria", "concession_offer", "dornland")
            game.order("dornland", "hold_position")
            game.proceed()
        return game

    return play


def _scramble(game, rng) -> None:
    """Change what legality reads as a facilitator's inject or a loaded save could: channels, stats, trust, rung."""
    ids = game.actor_ids
    for a in ids:
        for b in ids:
            if a < b:
                game.channels[(a, b)] = rng.choice(sorted(CHANNEL_STATES))
        stats = game.actors[a].stats
        for stat in stats:
            stats[stat] = rng.randint(0, 100)
        for other in game.actors[a].trust:
            game.actors[a].trust[other] = rng.randint(0, 100)
    game.rung = rng.randint(0, game.top_rung)


@pytest.fixture
def scramble():
    """``scramble(game, rng)``: change channels, stats, trust and rung at random, as an inject or a loaded save could."""
    return _scramble
