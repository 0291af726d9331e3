"""The broken-scenario corpus: every file in tests/broken is refused with exactly these diagnostics.

Each file is a small valid scenario with one thing broken (its first line
says what). The expected lines are what ``wargame validate`` prints after
the file name: ``line:col: severity: key.path: message``. Exact equality,
so a diagnostic that moves, changes wording or multiplies fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.cli import main
from wargame.scenario.loader import check_scenario

BROKEN = Path(__file__).resolve().parents[1] / "broken"

EXPECTED: dict[str, list[str]] = {
    'adjust-unknown-move.yaml': [
        "31:5: error: moves.adjust.show_force: unknown standard move 'show_force' (did you mean 'show_of_force'?)",
    ],
    'audience-unknown-actor.yaml': [
        "39:22: error: triggers[0].audience[1]: unknown actor 'nort'",
        "45:24: error: triggers[0].message.audience[1]: unknown actor 'south'",
    ],
    'alias-bomb.yaml': [
        '6:4: error: more than 100,000 values once aliases are expanded (a guard against alias bombs)',
    ],
    'bad-channel-state.yaml': [
        "13:22: error: actors[0].channels.west: input should be 'open', 'strained', 'severed' or 'hotline', got 'closed'",
    ],
    'bad-difficulty.yaml': [
        "7:13: error: difficulty: input should be 'tutorial', 'beginner', 'intermediate' or 'advanced', got 'expert'",
    ],
    'bad-doctrine.yaml': [
        "27:15: error: actors[1].doctrine: input should be 'hawk', 'dove', 'tit_for_tat', 'calculator', 'careful' or 'careless', got 'tit-for-tat' (did you mean 'tit_for_tat'?)",
    ],
    'bad-id-pattern.yaml': [
        "3:5: error: id: 'Broken-Base' is not an id (lower-case letters, digits and _, starting with a letter, at most 40)",
    ],
    'bad-move-category.yaml': [
        "33:17: error: moves.add[0].category: input should be 'diplomatic', 'economic' or 'military', got 'economy' (did you mean 'economic'?)",
    ],
    'bad-start-date.yaml': [
        "9:15: error: turn_label.start_date: '16 October 1962' is not a date written YYYY-MM-DD",
    ],
    'chance-out-of-range.yaml': [
        '38:13: error: triggers[0].chance: input should be at most 1.0',
    ],
    'condition-attribute-trick.yaml': [
        "37:16: error: triggers[0].when: in condition: '__class__' is not allowed: names cannot start with '_'",
    ],
    'condition-not-boolean.yaml': [
        '37:11: error: triggers[0].when: in condition: a condition must be true or false, but this is a number',
    ],
    'condition-power-operator.yaml': [
        "37:16: error: triggers[0].when: in condition: '**' (power) is not part of the condition language; use * and +",
    ],
    'condition-single-equals.yaml': [
        "37:16: error: triggers[0].when: in condition: '=' is not part of the condition language; write '=='",
    ],
    'condition-unknown-function.yaml': [
        "37:11: error: triggers[0].when: in condition: unknown function 'eval' (known: agreed, channel, crossed, fired, played)",
    ],
    'condition-unknown-move.yaml': [
        "23:29: error: actors[0].red_lines[0].when: in condition: unknown move 'limited_strikes' (did you mean 'limited_strike'?)",
    ],
    'condition-unknown-name.yaml': [
        "37:11: error: triggers[0].when: in condition: unknown variable 'rungs' (did you mean 'rung'?)",
    ],
    'condition-unknown-stat.yaml': [
        "37:16: error: triggers[0].when: in condition: unknown stat 'morale'",
    ],
    'condition-unknown-term.yaml': [
        "41:22: error: outcomes.settlement: in condition: unknown term 'open_bridges' (did you mean 'open_bridge'?)",
    ],
    'declaration-and-condition.yaml': [
        "6:8: error: turns: input should be a whole number, got 'many'",
        "37:25: error: triggers[0].when: in condition: unknown function 'playd' (did you mean 'played'?)",
    ],
    'duplicate-actor-id.yaml': [
        "12:13: error: actors[0].trust.west: unknown actor 'west' (did you mean 'east'?)",
        "13:16: error: actors[0].channels.west: unknown actor 'west' (did you mean 'east'?)",
        "22:18: error: actors[0].red_lines[0].against: unknown actor 'west' (did you mean 'east'?)",
        "23:22: error: actors[0].red_lines[0].when: in condition: unknown actor 'west' (did you mean 'east'?)",
        "25:9: error: actors[1].id: duplicate actor id 'east' (first defined at line 8)",
        "34:22: error: terms[0].value.west: unknown actor 'west' (did you mean 'east'?)",
    ],
    'duplicate-key.yaml': [
        "7:1: error: duplicate key 'turns' (first defined at line 6, column 1)",
    ],
    'duplicate-trigger-id.yaml': [
        "41:9: error: injects[0].id: duplicate trigger or inject id 'protest' (first defined at line 36)",
    ],
    'empty-file.yaml': [
        '1:1: error: file is empty',
    ],
    'message-from-unknown-actor.yaml': [
        "41:13: error: triggers[0].message.from: unknown actor 'north'",
    ],
    'missing-required-key.yaml': [
        "25:5: error: actors[1]: missing required key 'name'",
    ],
    'missing-title.yaml': [
        "2:1: error: missing required key 'title'",
    ],
    'misspelt-stat.yaml': [
        "11:13: error: actors[0].stats: unknown key 'resolv' (did you mean 'resolve'?)",
    ],
    'one-actor.yaml': [
        '8:3: error: actors: should have at least 2 items, got 1',
    ],
    'python-tag.yaml': [
        "5:10: error: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ],
    'red-line-against-self.yaml': [
        '22:18: error: actors[0].red_lines[0].against: a red line must be drawn against another actor',
    ],
    'several-errors.yaml': [
        '6:8: error: turns: input should be at least 3',
        '18:17: error: actors[0].objectives[0].weight: input should be at most 20',
        '38:13: error: triggers[0].chance: input should be at least 0.0',
    ],
    'standard-move-added-again.yaml': [
        "31:11: error: moves.add[0].id: 'embargo' is already a standard move; change it under moves.adjust instead",
    ],
    'start-in-war-band.yaml': [
        '8:10: error: ladder.start: the ladder starts at rung 5, inside the war band',
    ],
    'stat-out-of-range.yaml': [
        '11:80: error: actors[0].stats.readiness: input should be at most 100',
    ],
    'tab-indentation.yaml': [
        '26:1: error: found a tab character that violates indentation (while scanning a plain scalar at line 25); use spaces instead of tabs: YAML does not allow tabs for indentation',
    ],
    'too-many-turns.yaml': [
        '6:8: error: turns: input should be at most 60',
    ],
    'top-level-list.yaml': [
        '2:1: error: a scenario must be a mapping of keys to values',
    ],
    'trust-toward-self.yaml': [
        '12:23: error: actors[0].trust.east: an actor has no trust or channel toward itself',
    ],
    'two-documents.yaml': [
        '42:1: error: a second YAML document starts here; a file must hold exactly one',
    ],
    'unclosed-flow-mapping.yaml': [
        "13:13: error: did not find expected ',' or '}' (while parsing a flow mapping at line 12)",
    ],
    'unclosed-quote.yaml': [
        '42:1: error: found unexpected end of stream (while scanning a quoted scalar at line 39)',
    ],
    'unknown-actor-in-trust.yaml': [
        "12:13: error: actors[0].trust.wset: unknown actor 'wset' (did you mean 'west'?)",
    ],
    'unknown-forbidden-move.yaml': [
        "33:15: error: terms[0].forbids[0]: unknown move 'embargoes' (did you mean 'embargo'?)",
    ],
    'unknown-recommended-side.yaml': [
        "7:21: error: recommended_sides[0]: unknown actor 'eastland' (did you mean 'east'?)",
    ],
    'unknown-red-line-target.yaml': [
        "22:18: error: actors[0].red_lines[0].against: unknown actor 'north'",
    ],
    'unknown-response-move.yaml': [
        "24:20: error: actors[0].red_lines[0].response[0]: unknown move 'show_force' (did you mean 'show_of_force'?)",
    ],
    'unknown-term-value-actor.yaml': [
        "34:22: error: terms[0].value.wes: unknown actor 'wes' (did you mean 'west'?)",
    ],
    'unknown-top-level-key.yaml': [
        "7:1: error: unknown key 'setting2' (did you mean 'setting'?)",
    ],
    'unknown-withheld-move.yaml': [
        "29:14: error: moves.withhold[0]: unknown standard move 'nuclear_alerts' (did you mean 'nuclear_alert'?)",
    ],
    'unlock-unknown-move.yaml': [
        "41:16: error: triggers[0].effects.unlock[0]: unknown move 'bridge_raid'",
    ],
    'wrong-type-list-for-mapping.yaml': [
        '11:12: error: actors[0].stats: input should be a mapping (key: value), got a list',
    ],
    'wrong-type-text-for-number.yaml': [
        "18:17: error: actors[0].objectives[0].weight: input should be a whole number, got 'five'",
    ],
    'yaml11-no-boolean.yaml': [
        '26:11: error: actors[1].name: \'NO\' was read as the boolean false (YAML 1.1); quote it: "NO"',
    ],
    'yaml11-off-boolean.yaml': [
        '6:8: error: turns: \'off\' was read as the boolean false (YAML 1.1); quote it: "off"',
    ],
}


def test_every_file_has_expectations():
    """No corpus file goes unchecked, and no expectation names a missing file."""
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_scenario_diagnostics(name):
    path = BROKEN / name
    loaded, diagnostics = check_scenario(path)
    assert loaded is None
    assert [str(d) for d in diagnostics] == [f"{path}:{line}" for line in EXPECTED[name]]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_command_reports_them(name, capsys):
    """What the author sees: the same lines, a verdict, exit status 1."""
    path = BROKEN / name
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:-1] == [f"{path}:{line}" for line in EXPECTED[name]]
    assert out[-1].startswith(f"{path}: invalid (")


def test_each_file_is_one_breakage_of_a_valid_scenario():
    """The corpus is honest: files start by saying what is broken (all but the empty one)."""
    for path in BROKEN.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if text:
            assert text.startswith("# Broken on purpose: "), path.name
