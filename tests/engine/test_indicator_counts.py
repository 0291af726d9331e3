"""Warning indicators summed from each turn's own counts agree with a recount of the window's orders and events."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.ai.autoplay import play_to_end
from wargame.engine import Game, indicators
from wargame.engine.records import TurnRecord
from wargame.scenario.loader import load_scenario

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def recount(history: list[TurnRecord], scenario) -> dict[str, int]:
    """The indicators as they were first worked out: every move and event of the last turns counted afresh."""
    recent = history[-indicators.WINDOW:]
    moves = [order.move for record in recent for order in record.orders.values()]
    return indicators.from_moves(moves, [event for record in recent for event in record.events], scenario)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_turns_indicators_match_a_recount_of_its_window(path):
    scenario = load_scenario(path)
    for seed in range(6):
        game = play_to_end(Game(scenario, seed))
        for end in range(1, len(game.history) + 1):
            assert game.history[end - 1].indicators == recount(game.history[:end], scenario)


def test_records_made_without_counts_are_counted_when_asked():
    """A history built by hand (no counts kept yet) gives the same levels as one from play."""
    scenario = load_scenario(SCENARIOS[0])
    played = play_to_end(Game(scenario, 3)).history
    fresh = [
        TurnRecord(r.turn, r.label, r.rung_before, r.rung_after, r.orders, r.escalation, r.perceptions,
                   r.perceived_rung, list(r.events))
        for r in played
    ]
    assert all(record.indicator_counts is None for record in fresh)
    for end in range(1, len(fresh) + 1):
        assert indicators.compute(fresh[:end], scenario) == recount(played[:end], scenario)
