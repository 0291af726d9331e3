"""Computer players are functions of (view, rng, doctrine): games in one process never meet in them.

A classroom server runs several games in one process, some in threads: each
game must get exactly the decisions it gets when it is played alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import zip_longest

import pytest

from tests.support import ROOT
from wargame.ai.autoplay import computer_decisions
from wargame.ai.situation import read_situation
from wargame.engine import Game
from wargame.engine.decisions import Decision
from wargame.engine.views import actor_view
from wargame.errors import IllegalDecision
from wargame.scenario.loader import load_scenario


@pytest.fixture(scope="module")
def kargil():
    return load_scenario(ROOT / "scenarios" / "kargil-1999.yaml")


def decisions(game: Game) -> Iterator[list[Decision]]:
    """Play ``game`` by computer, yielding each actor's decisions of each phase as soon as they are made."""
    while not game.is_over():
        if game.turn_phase in ("hotline", "orders"):
            for actor in game.actor_ids:
                made = computer_decisions(game, actor)
                for decision in made:
                    try:
                        game.apply(decision)
                    except IllegalDecision:
                        pass  # as play_computers: a refused message is dropped
                yield made
        game.proceed()


def alone(scenario, seed: int) -> list[list[Decision]]:
    return list(decisions(Game(scenario, seed)))


def interleaved(*games: Game) -> list[list[list[Decision]]]:
    """Play the games decision by decision in turn, one process, one thread."""
    made: list[list[list[Decision]]] = [[] for _ in games]
    for step in zip_longest(*(decisions(game) for game in games)):
        for record, decided in zip(made, step):
            if decided is not None:
                record.append(decided)
    return made


def test_two_games_of_one_scenario_played_in_turn_decide_as_when_played_alone(cuban):
    """Same scenario, same actor ids: nothing kept by actor or scenario may leak from one game to the other."""
    first, second = interleaved(Game(cuban, 1), Game(cuban, 2))
    assert first == alone(cuban, 1)
    assert second == alone(cuban, 2)
    assert first != second


def test_games_of_two_scenarios_played_in_turn_decide_as_when_played_alone(cuban, kargil):
    cuban_game, kargil_game = interleaved(Game(cuban, 1), Game(kargil, 2))
    assert cuban_game == alone(cuban, 1)
    assert kargil_game == alone(kargil, 2)


def test_games_played_in_threads_decide_as_when_played_alone(cuban, kargil):
    games = [(cuban, seed) for seed in range(4)] + [(kargil, seed) for seed in range(2)]
    expected = [alone(scenario, seed) for scenario, seed in games]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so that decisions of different games overlap
    try:
        with ThreadPoolExecutor(max_workers=len(games)) as pool:
            found = list(pool.map(lambda game: alone(*game), games))
    finally:
        sys.setswitchinterval(interval)
    assert found == expected


def test_a_situation_is_read_from_its_own_view_whatever_was_read_before(cuban):
    """Two views of one actor, one after the other: the second is read from itself alone."""
    calm, tense = Game(cuban, 3), Game(cuban, 4)
    for game in (calm, tense):
        for _ in decisions(game):
            if game.turn == 4:
                break
    fresh = read_situation(actor_view(tense, "usa"))
    read_situation(actor_view(calm, "usa"))
    again = read_situation(actor_view(tense, "usa"))
    assert (again.threat, again.hostility, again.last_seen, again.others_push) == (
        fresh.threat, fresh.hostility, fresh.last_seen, fresh.others_push)
