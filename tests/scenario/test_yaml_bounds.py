"""Bounds on what a scenario file may hold: values counted as they stream, caps on lists, short messages."""

from __future__ import annotations

import copy
import re
from unittest import mock

import pytest
import yaml

from tests.support import ROOT
from wargame.scenario import yamlreader
from wargame.scenario.loader import check_scenario
from wargame.scenario.model import MAX_MOVES, MAX_TERMS, MAX_TRIGGERS
from wargame.scenario.yamlsafe import MAX_BYTES, MAX_WRITTEN, YamlProblem, load_yaml_text

TWO_MIB = MAX_BYTES - 64


def flat_list() -> str:
    return ("- 1\n" * (TWO_MIB // 4))[:TWO_MIB]


def flat_map() -> str:
    lines, size, index = [], 0, 0
    while size < TWO_MIB - 32:
        line = f"k{index}: 1\n"
        lines.append(line)
        size += len(line)
        index += 1
    return "".join(lines)


@pytest.mark.parametrize("make", [flat_list, flat_map])
def test_a_two_mib_flat_file_is_refused_before_anything_is_built(make):  # how fast: see the report
    text = make()
    with mock.patch.object(yamlreader.Reader, "read", side_effect=AssertionError("built before refusing")):
        with pytest.raises(YamlProblem) as caught:
            load_yaml_text(text, "big.yaml")
    problem = caught.value
    assert problem.message.startswith(f"more than {MAX_WRITTEN:,} values written in one file")
    assert "alias" not in problem.message
    assert problem.location.line == MAX_WRITTEN  # the root list or map is the first value


def test_keys_are_not_counted_as_values():
    text = "".join(f"k{i}: {{}}\n" for i in range(MAX_WRITTEN - 1))  # with the root: MAX_WRITTEN values, as many keys
    assert len(load_yaml_text(text).data) == MAX_WRITTEN - 1
    with pytest.raises(YamlProblem, match="values written"):
        load_yaml_text(text + "last: [1]\n")


def test_a_syntax_error_before_the_limit_is_still_reported_as_such():
    with pytest.raises(YamlProblem) as caught:
        load_yaml_text("a: [1\n" + "- 1\n" * (MAX_WRITTEN + 10))
    assert "values written" not in caught.value.message


def tutorial_with(tmp_path, change) -> list[str]:
    data = yaml.safe_load((ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    loaded, diagnostics = check_scenario(path)
    assert loaded is None
    return [str(d) for d in diagnostics if d.severity == "error"]


def _copies(items: list, count: int, prefix: str) -> list:
    result = []
    for index in range(count):
        item = copy.deepcopy(items[index % len(items)])
        item["id"] = f"{prefix}{index}"
        result.append(item)
    return result


def _move(index: int) -> dict:
    return {"id": f"extra_{index}", "name": f"Extra {index}", "category": "diplomatic", "escalation": 0}


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(terms=_copies(d["terms"], MAX_TERMS + 1, "term")),
     rf"big\.yaml:\d+:\d+: error: terms: should have at most {MAX_TERMS} items, got {MAX_TERMS + 1}"),
    (lambda d: d.update(triggers=_copies(d["triggers"], MAX_TRIGGERS + 1, "trigger")),
     rf"big\.yaml:\d+:\d+: error: triggers: should have at most {MAX_TRIGGERS} items, got {MAX_TRIGGERS + 1}"),
    (lambda d: d.update(moves={"add": [_move(i) for i in range(MAX_MOVES + 1)]}),
     rf"big\.yaml:\d+:\d+: error: moves\.add: should have at most {MAX_MOVES} items, got {MAX_MOVES + 1}"),
])
def test_moves_terms_and_triggers_are_capped(tmp_path, change, expected):
    errors = tutorial_with(tmp_path, change)
    assert any(re.search(expected + "$", error) for error in errors), errors


def test_a_long_offending_value_is_cut_in_messages(tmp_path):
    long = "x" * 5000
    errors = tutorial_with(tmp_path, lambda d: d.update({long: 1, "difficulty": long}))
    assert errors and all(len(error) < 400 for error in errors), errors
    assert any("unknown key 'xxxx" in error and "…'" in error for error in errors)
