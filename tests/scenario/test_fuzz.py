"""Mutation property test: a broken scenario is always refused cleanly.

Random mutations of the shipped scenarios (a required key deleted, a value
of the wrong type, a reference to an id that does not exist, the file cut
short) must never raise: ``wargame validate`` exits 1 and prints at least
one error located inside the file. Every mutation here is chosen so that
the result is certainly invalid; arbitrary truncation, which may leave a
valid file, is checked separately for "no traceback, a clear verdict".
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import ROOT
from wargame.cli import main
from wargame.scenario.conditions import FUNCTIONS, KEYWORDS, VARIABLES
from wargame.scenario.loader import standard_moves
from wargame.scenario.model import STATS
from wargame.scenario.yamlsafe import load_yaml_file

SOURCES = {name: ROOT / "scenarios" / f"{name}.yaml" for name in ("tutorial", "cuban-missile-crisis")}
DATA = {name: load_yaml_file(path).data for name, path in SOURCES.items()}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ERROR_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): error: \S")


def _strings(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {s for v in value.values() for s in _strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in _strings(v)}
    return {value} if isinstance(value, str) else set()


KNOWN = set().union(*map(_strings, DATA.values())) | set(standard_moves()) | set(STATS) | KEYWORDS | FUNCTIONS
KNOWN |= VARIABLES | {"self", "target"}
UNKNOWN_IDS = st.from_regex(r"[a-z][a-z0-9_]{2,12}", fullmatch=True).filter(lambda s: s not in KNOWN)


# ------------------------------------------------------------------ where a mutation can apply


def _items(data: dict, *keys: str):
    """(path, value) for each element of the list at ``keys`` (missing lists yield nothing)."""
    value = data
    for key in keys:
        value = value.get(key, {}) if isinstance(value, dict) else {}
    return [((*keys, i), item) for i, item in enumerate(value)] if isinstance(value, list) else []


def required_sites(data: dict) -> list[tuple]:
    """Paths of keys the format requires; deleting any one makes the file invalid."""
    sites = [("id",), ("title",), ("summary",), ("actors",)]
    for path, actor in _items(data, "actors"):
        sites += [path + ("id",), path + ("name",)]
        for sub, keys in (("objectives", ("id", "description", "when")),
                          ("red_lines", ("id", "description", "against", "when", "response"))):
            for i in range(len(actor.get(sub, []))):
                sites += [path + (sub, i, key) for key in keys]
    sites += [path + (key,) for path, _ in _items(data, "terms") for key in ("id", "text")]
    sites += [path + ("id",) for path, _ in _items(data, "triggers")]
    sites += [path + (key,) for path, _ in _items(data, "injects") for key in ("id", "title")]
    sites += [path + (key,) for path, _ in _items(data, "moves", "add") for key in ("id", "name", "category")]
    for path, trigger in _items(data, "triggers") + _items(data, "injects"):
        if isinstance(trigger.get("message"), dict):
            sites += [path + ("message", key) for key in ("from", "to", "text")]
    return sites


def reference_sites(data: dict) -> list[tuple[tuple, str]]:
    """(path, how) for every place that names an actor, move, term or trigger defined elsewhere.

    ``how`` is "value" (replace the value), "key" (rename the mapping key)
    or "condition" (replace the condition by one naming an unknown trigger).
    """
    sites: list[tuple[tuple, str]] = [(p, "value") for p, _ in _items(data, "recommended_sides")]
    sites += [(p, "value") for p, _ in _items(data, "moves", "withhold")]
    for path, actor in _items(data, "actors"):
        sites += [(path + ("trust", other), "key") for other in actor.get("trust", {})]
        sites += [(path + ("channels", other), "key") for other in actor.get("channels", {})]
        sites += [(path + ("withhold", i), "value") for i in range(len(actor.get("withhold", [])))]
        for r, line in enumerate(actor.get("red_lines", [])):
            sites += [(path + ("red_lines", r, "against"), "value"), (path + ("red_lines", r, "when"), "condition")]
            sites += [(path + ("red_lines", r, "response", i), "value") for i in range(len(line.get("response", [])))]
        sites += [(path + ("objectives", o, "when"), "condition") for o in range(len(actor.get("objectives", [])))]
    for path, term in _items(data, "terms"):
        sites += [(path + ("by", i), "value") for i in range(len(term.get("by", [])))]
        sites += [(path + ("forbids", i), "value") for i in range(len(term.get("forbids", [])))]
        sites += [(path + ("value", actor), "key") for actor in term.get("value", {})]
        if isinstance(term.get("requires"), dict):
            sites.append((path + ("requires", "move"), "value"))
    for path, trigger in _items(data, "triggers") + _items(data, "injects"):
        effects = trigger.get("effects", {})
        sites += [(path + ("effects", "unlock", i), "value") for i in range(len(effects.get("unlock", [])))]
        sites += [(path + ("effects", "stats", actor), "key") for actor in effects.get("stats", {})]
        if "when" in trigger:
            sites.append((path + ("when",), "condition"))
        if isinstance(trigger.get("message"), dict):
            sites += [(path + ("message", "from"), "value"), (path + ("message", "to"), "value")]
    return sites


def value_sites(data, path=()) -> list[tuple]:
    """Every path to a value (scalars, lists and mappings alike), the root excluded."""
    sites = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            sites += value_sites(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            sites += value_sites(value, path + (i,))
    return sites


def _parent(data, path):
    for key in path[:-1]:
        data = data[key]
    return data


def wrong_type(value):
    """A value of a kind no field accepts in place of ``value``: scalars become lists, lists mappings, mappings lists."""
    if isinstance(value, dict):
        return [1, 2]
    if isinstance(value, list):
        return {"zz_not_a_list": 1}
    return [["not", "a", "scalar"]]


# ------------------------------------------------------------------ the property


def assert_refused(text: str, tmp_path: Path, capsys) -> list[str]:
    """``wargame validate`` exits 1, printing located errors; returns the error lines."""
    path = tmp_path / "mutant.yaml"
    path.write_text(text, encoding="utf-8")
    status = main(["validate", str(path)])
    out = capsys.readouterr().out
    assert status == 1, out
    errors = [(line, m) for line in out.splitlines() if (m := ERROR_LINE.match(line))]
    assert errors, out
    lines = max(1, len(text.splitlines()) + 1)
    for line, match in errors:
        assert match["path"] == str(path)
        assert 1 <= int(match["line"]) <= lines and int(match["col"]) >= 1, line
    assert out.splitlines()[-1].startswith(f"{path}: invalid (")
    return [line for line, _ in errors]


def dump(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@FUZZ
@given(name=st.sampled_from(sorted(DATA)), data=st.data())
def test_deleting_a_required_key(tmp_path_factory, capsys, name, data):
    mutant = copy.deepcopy(DATA[name])
    path = data.draw(st.sampled_from(required_sites(mutant)), label="deleted")
    del _parent(mutant, path)[path[-1]]
    errors = assert_refused(dump(mutant), tmp_path_factory.mktemp("fuzz"), capsys)
    assert any(f"missing required key '{path[-1]}'" in e for e in errors) or path[-1] in ("id", "actors", "against")


@FUZZ
@given(name=st.sampled_from(sorted(DATA)), data=st.data())
def test_a_value_of_the_wrong_type(tmp_path_factory, capsys, name, data):
    mutant = copy.deepcopy(DATA[name])
    path = data.draw(st.sampled_from(value_sites(mutant)), label="replaced")
    parent = _parent(mutant, path)
    parent[path[-1]] = wrong_type(parent[path[-1]])
    assert_refused(dump(mutant), tmp_path_factory.mktemp("fuzz"), capsys)


@FUZZ
@given(name=st.sampled_from(sorted(DATA)), data=st.data(), unknown=UNKNOWN_IDS)
def test_a_reference_to_something_that_does_not_exist(tmp_path_factory, capsys, name, data, unknown):
    mutant = copy.deepcopy(DATA[name])
    path, how = data.draw(st.sampled_from(reference_sites(mutant)), label="site")
    parent = _parent(mutant, path)
    if how == "key":
        parent[unknown] = parent.pop(path[-1])
    elif how == "condition":
        parent[path[-1]] = f"fired({unknown})"
    else:
        parent[path[-1]] = unknown
    errors = assert_refused(dump(mutant), tmp_path_factory.mktemp("fuzz"), capsys)
    assert any(f"'{unknown}'" in e for e in errors), errors


@FUZZ
@given(name=st.sampled_from(sorted(DATA)), fraction=st.floats(0, 1, exclude_max=True))
def test_a_file_cut_short_before_its_second_actor_is_complete(tmp_path_factory, capsys, name, fraction):
    """Cut anywhere before the second actor's name has been written: fewer than two complete actors remain."""
    text = SOURCES[name].read_text(encoding="utf-8")
    second = [m.start() for m in re.finditer(r"(?m)^  - id: ", text[text.index("\nactors:"):])][1]
    end = text.index("\n", text.index("name:", text.index("\nactors:") + second)) - 1
    assert_refused(text[: int(fraction * end)], tmp_path_factory.mktemp("fuzz"), capsys)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(DATA)), cut=st.integers(0, 10**6), junk=st.text(max_size=8))
def test_any_truncation_gets_a_verdict_not_a_traceback(tmp_path_factory, capsys, name, cut, junk):
    """Cut anywhere and append junk: valid or not, the answer is a verdict, and errors are located."""
    text = SOURCES[name].read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("fuzz") / "cut.yaml"
    path.write_text(text[: cut % (len(text) + 1)] + junk, encoding="utf-8")
    status = main(["validate", str(path)])
    out = capsys.readouterr().out
    assert status in (0, 1)
    verdict = out.splitlines()[-1]
    if status == 0:
        assert verdict.startswith(f"{path}: valid, scenario ") and ": error: " not in out
    else:
        assert verdict.startswith(f"{path}: invalid (") and any(map(ERROR_LINE.match, out.splitlines()))
