"""Warning indicators: levels from 0 to 3 over the last turns, from the moves played and the events."""

from __future__ import annotations

import pytest

from tests.support import play_turn
from wargame.engine import Game, indicators
from wargame.engine.records import Event


def test_moves_raise_the_indicator_of_their_tag(rules_scenario):
    """Rule: build-ups, rhetoric, proxies and severed relations each raise their indicator; heavy build-ups twice."""
    levels = indicators.from_moves(["show_of_force", "condemnation", "proxy_support", "sever_relations"], [],
                                   rules_scenario)
    assert levels == {"build_up": 1, "rhetoric": 1, "communications": 1, "proxy": 1, "red_lines": 0}
    assert indicators.from_moves(["naval_blockade"], [], rules_scenario)["build_up"] == 2  # escalation 3


def test_events_raise_rhetoric_and_red_lines_and_levels_stop_at_three(rules_scenario):
    """Rule: threats and ultimatums are rhetoric, a crossed red line counts two; no level passes 3."""
    events = [Event(1, "threat", ""), Event(1, "red_line", ""), Event(1, "red_line", "")]
    levels = indicators.from_moves(["condemnation"] * 5, events, rules_scenario)
    assert levels["rhetoric"] == 3 and levels["red_lines"] == 3


@pytest.mark.parametrize("quiet_turns", [0, 2, 3])
def test_a_turn_counts_for_the_next_three_turns(rules_scenario, quiet_turns):
    """Rule: the indicators read the last ``WINDOW`` (3) turns, the one just resolved included."""
    game = Game(rules_scenario, 0)
    play_turn(game, a=("condemnation", "b"))
    for _ in range(quiet_turns):
        play_turn(game)
    assert game.history[-1].indicators["rhetoric"] == (1 if quiet_turns < indicators.WINDOW else 0)
