"""Static warnings: each kind has a scenario that triggers it and one that does not.

The files are in ``tests/warnings/``: ``KIND.yaml`` must give exactly the
warnings listed here (message, line and column), ``KIND-ok.yaml`` the same
scenario with the one thing fixed, none. The analysis must also be sound: a
warning says something can *never* happen, so simulated games must never
do it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.support import ROOT
from wargame.ai.autoplay import play_to_end
from wargame.engine import Game
from wargame.scenario.loader import check_scenario, load_scenario_text
from wargame.scenario.reachability import Facts

FOLDER = ROOT / "tests" / "warnings"

EXPECTED = {
    "trigger-chance-zero": [
        "19:13: warning: triggers[0].chance: trigger 'storm' has chance 0 and can never fire",
    ],
    "trigger-impossible-range": [
        "18:11: warning: triggers[0].when: trigger 'apocalypse' can never fire: "
        "'rung > 16' never holds (rung goes from 0 to 16)",
    ],
    "trigger-contradiction": [
        "18:11: warning: triggers[0].when: trigger 'never' can never fire: 'turn > 4' and 'turn < 3' cannot both hold",
    ],
    "trigger-unplayable-move": [
        "9:16: warning: actors[0].withhold[0]: standard move 'nuclear_alert' can never be played: "
        "every actor withholds it (withhold it under moves.withhold)",
        "20:11: warning: triggers[0].when: trigger 'alert' can never fire: no actor can ever play move 'nuclear_alert'",
    ],
    "condition-names-unplayable-move": [
        "9:16: warning: actors[0].withhold[0]: standard move 'nuclear_alert' can never be played: "
        "every actor withholds it (withhold it under moves.withhold)",
        "20:11: warning: triggers[0].when: condition names move 'nuclear_alert', which no actor can play",
    ],
    "trigger-circular": [
        "18:11: warning: triggers[0].when: trigger 'chicken' can never fire: trigger 'egg' can never fire",
        "21:11: warning: triggers[1].when: trigger 'egg' can never fire: trigger 'chicken' can never fire",
    ],
    "move-withheld-by-all": [
        "16:11: warning: moves.add[0].id: move 'secret_talks' can never be played: every actor withholds it",
    ],
    "move-war-band": [
        "14:11: warning: moves.add[0].id: move 'secret_talks' can never be played: "
        "it needs rung 15 or higher, but rung 15 is war and reaching it ends the game",
    ],
    "move-never-unlocked": [
        "14:11: warning: moves.add[0].id: move 'secret_talks' can never be played: "
        "it is locked, and no trigger that unlocks it can ever fire (thaw)",
        "23:11: warning: triggers[0].when: trigger 'thaw' can never fire: 'turn > 6' never holds (turn goes from 1 to 6)",
    ],
    "move-requires-never": [
        "14:11: warning: moves.add[0].id: move 'secret_talks' can never be played: "
        "its requirement never holds: 'self.economy > 100' never holds (economy goes from 0 to 100)",
    ],
    "move-needs-mediator": [
        "7:3: warning: actors: standard move 'request_mediation' can never be played: it needs a mediator "
        "(an actor with role: mediator) and the scenario has none (withhold it under moves.withhold)",
    ],
    "objective-never-met": [
        "12:15: warning: actors[0].objectives[0].when: objective 'outlast' of east can never be met: "
        "'turn > turns' never holds (turn goes from 1 to 6)",
    ],
    "red-line-never-crossed": [
        "13:15: warning: actors[0].red_lines[0].when: red line 'bridge' can never be crossed: "
        "'rung <= 2' and 'rung >= 4' cannot both hold",
    ],
    "red-line-never-answered": [
        "15:19: warning: actors[0].red_lines[0].response: red line 'bridge' can never be answered: "
        "east can play none of its responses (nuclear_alert)",
    ],
    "term-required-move-unplayable": [
        "20:22: warning: terms[1].requires.move: term 'pull_back' can never be kept: it requires move "
        "'withdraw_forces', which east can never play, so any agreement with it breaks",
    ],
    "term-forbids-required": [
        "19:22: warning: terms[1].requires.move: term 'pull_back' can never be kept: it both requires and forbids "
        "move 'withdraw_forces', so any agreement with it breaks",
    ],
    "settlement-never": [
        "17:15: warning: outcomes.settlement: the crisis can never be settled: "
        "'rung >= 15' never holds (rung goes from 0 to 14 here)",
    ],
    "settlement-broken-term": [
        "9:16: warning: actors[0].withhold[0]: standard move 'withdraw_forces' can never be played: "
        "every actor withholds it (withhold it under moves.withhold)",
        "20:22: warning: terms[1].requires.move: term 'pull_back' can never be kept: it requires move "
        "'withdraw_forces', which no actor can ever play, so any agreement with it breaks",
        "22:15: warning: outcomes.settlement: the crisis can never be settled: "
        "term 'pull_back' breaks on the turn it is agreed",
    ],
    "settlement-no-terms": [
        "2:1: warning: the crisis can never be settled: the scenario has no terms to agree on",
    ],
    "defused-never": [
        "17:18: warning: outcomes.defused_after: the crisis can never be defused: "
        "it needs 8 calm turns in a row, but the game lasts 6",
    ],
}


def warnings_of(path: Path) -> list[str]:
    loaded, diagnostics = check_scenario(path)
    assert loaded is not None, [str(d) for d in diagnostics]
    prefix = f"{path}:"
    return [str(d).removeprefix(prefix) for d in diagnostics if d.severity == "warning"]


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_scenario_triggers_the_warning(kind):
    assert warnings_of(FOLDER / f"{kind}.yaml") == EXPECTED[kind]


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_fixed_scenario_has_no_warning(kind):
    assert warnings_of(FOLDER / f"{kind}-ok.yaml") == []


def test_every_test_scenario_is_checked():
    names = {path.stem.removesuffix("-ok") for path in FOLDER.glob("*.yaml")}
    assert names == set(EXPECTED)


def test_warnings_ride_on_the_loaded_scenario():
    loaded, _ = check_scenario(FOLDER / "trigger-chance-zero.yaml")
    assert [d.message for d in loaded.warnings] == ["trigger 'storm' has chance 0 and can never fire"]


# ---------------------------------------------------------------- the interval reasoning, case by case

BASE = """\
id: probe
title: Probe
summary: One objective under test.
turns: 8
actors:
  - id: east
    name: Eastland
    objectives:
      - id: probe
        description: The condition under test
        when: "{condition}"
  - id: west
    name: Westland
moves:
  withhold: [request_mediation]
terms:
  - id: talks
    text: Hold talks
"""


def objective_warning(condition: str) -> str | None:
    loaded = load_scenario_text(BASE.format(condition=condition), "probe.yaml")
    messages = [w.message for w in loaded.warnings]
    assert len(messages) <= 1, messages
    return messages[0].removeprefix("objective 'probe' of east can never be met: ") if messages else None


@pytest.mark.parametrize(
    "condition, reason",
    [
        ("peak < 2", "'peak < 2' never holds (peak goes from 2 to 16: the crisis starts at rung 2)"),
        ("east.resolve + west.resolve > 200", "'east.resolve + west.resolve > 200' never holds"),
        ("turn == 2.5", "'turn == 2.5' never holds (turn goes from 1 to 8)"),
        ("turn > 3 and turn < 4", "'turn > 3' and 'turn < 4' cannot both hold"),
        ("turn >= 2 and turn > 9", "'turn > 9' never holds (turn goes from 1 to 8)"),
        ("turn > 4 and (turn < 2 or rung > 16)",
         "none of its alternatives can hold ('turn > 4' and 'turn < 2' cannot both hold; "
         "'rung > 16' never holds (rung goes from 0 to 16))"),
        ("not (east.support >= 0)", "'east.support < 0' never holds (support goes from 0 to 100)"),
        ("not (turn < 5 or turn > 2)", "'turn >= 5' and 'turn <= 2' cannot both hold"),
        ("east.trust.west > 100", "'east.trust.west > 100' never holds (trust goes from 0 to 100)"),
        ("false", "'false' never holds"),
        ("not true", "'not true' never holds"),
        ("-east.economy > 0", "'-east.economy > 0' never holds"),
        ("east.readiness * 2 > 200", "'east.readiness * 2 > 200' never holds"),
        ("turn > 2 and turn < 6 and turn != 3 and turn != 4 and turn != 5",
         "'turn > 2', 'turn < 6', 'turn != 3', 'turn != 4' and 'turn != 5' cannot all hold"),
        ("turns < 8", "'turns < 8' never holds (the scenario has 8 turns)"),
    ],
)
def test_impossible_conditions_are_explained(condition, reason):
    assert objective_warning(condition) == reason


@pytest.mark.parametrize(
    "condition",
    [
        "peak <= 2",
        "east.resolve * 2 > 150",
        "turn / 0 == 0",  # division by zero gives 0 in the language
        "east.economy / (west.economy - 50) > 1000",
        "east.perceived_rung > 15.5",
        "rung_change < -2",
        "channel(east, west) == 'hotline'",
        "played(east, deploy_forces, 1) and turn == 1",
        "not (turn < 5 and turn > 2)",
        "turn > 3 and turn < 5",
        "east.trust.west != 50 and east.trust.west != 0",
        "agreed(talks) and rung >= 15",
        "true",
    ],
)
def test_possible_conditions_are_not_flagged(condition):
    assert objective_warning(condition) is None


# ---------------------------------------------------------------- soundness against real games


@pytest.mark.parametrize("name", ["tutorial", "cuban-missile-crisis", "rules"])
def test_nothing_flagged_impossible_happens_in_play(name):
    """Games by every doctrine never play, fire or cross what the analysis calls impossible."""
    path = ROOT / ("tests/scenarios" if name == "rules" else "scenarios") / f"{name}.yaml"
    loaded, _ = check_scenario(path)
    facts = Facts(loaded)
    doctrines = ("hawk", "dove", "tit_for_tat", "calculator")
    picker = random.Random(name)
    for seed in range(12):
        game = Game(loaded, seed)
        play_to_end(game, {actor: picker.choice(doctrines) for actor in loaded.actor_ids})
        played = {(order.actor, order.move) for record in game.history for order in record.orders.values()}
        assert played <= facts.playable
        assert set(game.fired) - {i.id for i in loaded.spec.injects} <= facts.firing
        crossed = {line.id for line in game.red_lines if line.source == "scenario" and line.crossed_turn}
        assert crossed <= facts.crossable


def test_a_mediator_may_mediate_itself():
    """The engine lets a mediator carry its own message to a party, so its mediation move is not flagged;
    a party still needs a mediator besides itself."""
    loaded, _ = check_scenario(ROOT / "tests" / "scenarios" / "rules.yaml")
    facts = Facts(loaded)
    move = loaded.moves["request_mediation"]
    assert "c" in facts.mediators
    assert facts.move_blocker("c", move) is None
    assert facts.move_blocker("a", move) is None
