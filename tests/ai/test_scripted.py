"""The scripted careful and careless players: legal, and each as its description says."""

from __future__ import annotations

import random

import pytest

from tests.ai.test_doctrines import play_strictly, red_view_after, rivals  # noqa: F401  (the fixture)
from wargame.ai import doctrine, doctrine_names, player_names
from wargame.engine import Game
from wargame.engine.views import actor_view


def test_scripted_players_are_players_but_not_doctrines_to_pair():
    assert set(player_names()) - set(doctrine_names()) == {"careful", "careless"}
    assert doctrine("careful").name == "careful" and doctrine("careless").name == "careless"


@pytest.mark.parametrize("player", ["careful", "careless"])
def test_scripted_players_play_only_legal_decisions(shipped_scenarios, player):
    for scenario in shipped_scenarios:
        side = scenario.actor_ids[0]
        for seed in (1, 2):
            play_strictly(Game(scenario, seed), {side: player})


def test_the_careless_player_answers_a_misread_in_kind_and_at_full_weight(rivals):  # noqa: F811
    _game, view = red_view_after(rivals, perceived=2.6)
    order = doctrine("careless").choose_order(view, random.Random(1))
    assert rivals.moves[order.move].escalation >= 2 and order.target in (None, "blue")


def test_the_careful_player_stands_firm_with_one_step_only(rivals):  # noqa: F811
    _game, view = red_view_after(rivals, perceived=2.6)
    order = doctrine("careful").choose_order(view, random.Random(1))
    assert rivals.moves[order.move].escalation <= 1


def test_the_careless_player_never_talks_and_the_careful_one_does(rivals):  # noqa: F811
    game = Game(rivals, 4)
    while game.turn_phase != "hotline":
        game.proceed()
    view = actor_view(game, "blue")
    assert all(doctrine("careless").choose_messages(view, random.Random(seed)) == [] for seed in range(6))
    said = [m for seed in range(6) for m in doctrine("careful").choose_messages(view, random.Random(seed))]
    assert said and all(m.kind in ("statement", "proposal", "assurance") for m in said)


def test_the_careful_player_prefers_the_mildest_answer_to_a_crossed_line_and_the_careless_the_hardest(cuban):
    mild, hard = cuban.moves["show_of_force"], cuban.moves["major_offensive"]
    assert doctrine("careful").respond(mild) > doctrine("careful").respond(hard)
    assert doctrine("careless").respond(hard) > doctrine("careless").respond(mild)
