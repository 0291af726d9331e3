"""Every ending a shipped scenario names is one some game reaches.

A scenario names its endings in its ``outcomes`` block (``outcomes.possible``:
war, settlement, defused and stalemate always, capitulation unless
``capitulation_below: null`` removes it). For each shipped scenario a small
table gives, for each named ending, one seeded game that reaches it: the
doctrines that differ from the scenario's own, and the seed. The table was
found once by playing the doctrine pairings of ``wargame balance`` over the
first seeds (when a scenario changes, find a new entry the same way), so
this test plays 26 games, not a search.
"""

from __future__ import annotations

import pytest

from tests.support import ROOT, play_turn
from wargame.engine import Game
from wargame.engine.outcomes import possible
from wargame.scenario.loader import load_scenario
from wargame.simulation import play_one

REACHED = {
    "tutorial": {
        "war": (1, {"kestria": "hawk", "dornland": "hawk"}),
        "stalemate": (1, {"kestria": "hawk", "dornland": "dove"}),
        "settled": (1, {"kestria": "tit_for_tat", "dornland": "dove"}),
        "defused": (6, {"kestria": "dove", "dornland": "dove"}),
    },
    "amber-river": {
        "war": (1, {"ostra": "hawk", "velm": "hawk", "commission": "hawk"}),
        "stalemate": (1, {"ostra": "hawk", "velm": "dove", "commission": "hawk"}),
        "defused": (1, {"ostra": "hawk", "velm": "calculator", "commission": "tit_for_tat"}),
        "settled": (1, {"ostra": "dove", "velm": "hawk", "commission": "hawk"}),
    },
    "kargil-1999": {
        "war": (1, {"india": "hawk", "pakistan": "hawk", "usa": "hawk"}),
        "settled": (1, {"india": "hawk", "pakistan": "dove", "usa": "hawk"}),
        "capitulation": (1, {"india": "hawk"}),
        "stalemate": (1, {"india": "dove", "pakistan": "hawk", "usa": "hawk"}),
        "defused": (1, {"india": "calculator", "usa": "calculator"}),
    },
    "able-archer-1983": {
        "war": (1, {"nato": "hawk", "ussr": "hawk"}),
        "stalemate": (1, {"nato": "hawk", "ussr": "dove"}),
        "settled": (1, {"nato": "dove", "ussr": "dove"}),
        "defused": (1, {"ussr": "calculator"}),
        "capitulation": (9, {"nato": "tit_for_tat", "ussr": "hawk"}),
    },
    "corvane-shoal": {
        "settled": (1, {}),
        "stalemate": (1, {"vaskor": "hawk"}),
        "defused": (1, {"halvard": "hawk"}),
        "war": (2, {"vaskor": "hawk"}),
    },
    "cuban-missile-crisis": {
        "stalemate": (1, {}),
        "war": (1, {"usa": "hawk"}),
        "settled": (1, {"usa": "dove"}),
        "defused": (1, {"cuba": "calculator"}),
    },
}

SHIPPED = sorted(path.stem for path in (ROOT / "scenarios").glob("*.yaml"))


def test_the_table_covers_every_shipped_scenario():
    assert sorted(REACHED) == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_every_named_ending_is_reached_by_one_of_the_fixed_games(name):
    scenario = load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    table = REACHED[name]
    assert set(table) == set(possible(scenario.spec.outcomes)), "one game per ending the scenario names, no more"
    for ending, (seed, changed) in table.items():
        doctrines = {actor: changed.get(actor, scenario.actor(actor).doctrine) for actor in scenario.actor_ids}
        assert play_one(scenario, 0, seed, doctrines).outcome == ending, f"{name}: seed {seed}, {changed}"


def test_a_scenario_that_removes_capitulation_never_ends_in_one(tutorial):
    assert tutorial.spec.outcomes.capitulation_below is None
    assert "capitulation" not in possible(tutorial.spec.outcomes)
    game = Game(tutorial, 1)
    game.actors["kestria"].stats["support"] = 0
    game.actors["kestria"].stats["resolve"] = 0
    play_turn(game)
    assert game.outcome is None or game.outcome.kind != "capitulation"
