"""Bounded, located YAML loading: locations, traps and refusals."""

from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame.scenario import yamlreader
from wargame.scenario.yamlsafe import (
    Document,
    Location,
    YamlProblem,
    load_yaml_file,
    load_yaml_text,
)

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__, autouse=True)
def loader(request):
    """Every test runs with the C loader and the pure-Python fallback."""
    with mock.patch.object(yamlreader, "LOADER", request.param):
        yield request.param


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        load_yaml_text(text, "x.yaml")
    return caught.value


SAMPLE = """\
title: Cuban crisis
actors:
  - id: usa
    stats: {resolve: 70, prestige: 5}
  - id: ussr
    stats:
      resolve: 65
"""


def test_plain_values_and_value_locations():
    doc = load_yaml_text(SAMPLE, "s.yaml")
    assert doc.data == {
        "title": "Cuban crisis",
        "actors": [
            {"id": "usa", "stats": {"resolve": 70, "prestige": 5}},
            {"id": "ussr", "stats": {"resolve": 65}},
        ],
    }
    assert doc.source == "s.yaml"
    assert doc.text == SAMPLE
    assert doc.locations[("title",)] == Location(1, 8)
    assert doc.locations[("actors",)] == Location(3, 3)
    assert doc.locations[("actors", 0)] == Location(3, 5)
    assert doc.locations[("actors", 0, "stats", "prestige")] == Location(4, 36)
    assert doc.locations[("actors", 1, "stats", "resolve")] == Location(7, 16)


def test_key_locations():
    doc = load_yaml_text(SAMPLE)
    assert doc.key_locations[("title",)] == Location(1, 1)
    assert doc.key_locations[("actors", 0, "stats", "prestige")] == Location(4, 26)
    assert doc.key_locations[("actors", 1, "stats", "resolve")] == Location(7, 7)


def test_locate_falls_back_to_nearest_ancestor():
    doc = load_yaml_text(SAMPLE)
    assert doc.locate(("actors", 1, "stats", "nope", 3)) == Location(7, 7)
    assert doc.locate(("actors", 0, "id"), key=True) == Location(3, 5)
    assert doc.locate(("actors", 0, "missing"), key=True) == Location(3, 5)
    assert Document(data=None, source="x").locate(("a",)) == Location(1, 1)


def test_yaml11_booleans_are_recorded_and_keys_keep_their_text():
    doc = load_yaml_text("country: NO\nalert: off\nok: true\nquoted: 'no'\nyes: 1\n1.10: a\n")
    assert doc.data == {"country": False, "alert": False, "ok": True, "quoted": "no", "yes": 1, "1.10": "a"}
    assert doc.yaml11_booleans == {("country",): "NO", ("alert",): "off"}


def test_only_plain_types_are_built():
    doc = load_yaml_text("d: 2024-01-01\nn: ~\nf: 1.5\ni: 0x10\ns: !!str 12\n")
    assert doc.data == {"d": "2024-01-01", "n": None, "f": 1.5, "i": 16, "s": "12"}


@pytest.mark.parametrize("text", ["a: !!python/object/apply:os.system ['true']\n", "a: !custom x\n", "a: !!set {b}\n"])
def test_unsupported_tags_are_refused(text):
    assert "unsupported tag" in problem(text).message


def test_bad_explicit_scalar_is_a_problem_not_a_crash():
    assert problem("a: !!int ''\n").message == "cannot read '' as int"


def test_duplicate_key_reports_both_places():
    found = problem("title: a\nactors: []\ntitle: b\n")
    assert found.location == Location(3, 1)
    assert found.message == "duplicate key 'title' (first defined at line 1, column 1)"


def test_duplicate_key_after_str_conversion():
    assert "duplicate key '1'" in problem("1: a\n'1': b\n").message


def test_non_scalar_key_is_refused():
    found = problem("a: 1\n? [x, y]\n: 2\n")
    assert found.message == "a key must be a plain value, not a list"
    assert found.location == Location(2, 3)


def test_merge_keys_explicit_wins_and_locations_point_at_the_source():
    doc = load_yaml_text("base: &b {speed: 1, armor: 2}\nunit:\n  <<: *b\n  armor: 5\n")
    assert doc.data["unit"] == {"armor": 5, "speed": 1}
    assert doc.locations[("unit", "speed")] == Location(1, 18)
    assert doc.locations[("unit", "armor")] == Location(4, 10)


def test_merge_list_earlier_source_wins():
    doc = load_yaml_text("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc: {<<: [*a, *b]}\n")
    assert doc.data["c"] == {"x": 1, "y": 2}


def test_merge_of_a_scalar_is_refused():
    assert "merge key" in problem("a: &a 3\nb: {<<: *a}\n").message


def test_recursive_alias_is_refused():
    assert "loop" in problem("a: &x [1, *x]\n").message


LAUGHS = 'lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 9)}]\n" for i in range(2, 10)
)


def test_billion_laughs_is_refused_before_expanding():  # how fast: benchmarks/bench_loading.py
    with mock.patch.object(yamlreader.Reader, "expand", side_effect=AssertionError("expanded before refusing")):
        found = problem(LAUGHS)
    assert "more than 100,000 values" in found.message
    assert found.location.line == 6  # the first anchor that is too big on its own: 9**6 values


def test_alias_bomb_through_merge_keys_is_refused_before_expanding():
    text = "m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n" + "".join(
        f"m{i}: &m{i} {{<<: [{', '.join([f'*m{i - 1}'] * 9)}], x{i}: 1}}\n" for i in range(1, 10)
    )
    with mock.patch.object(yamlreader.Reader, "expand", side_effect=AssertionError("expanded before refusing")):
        found = problem(text)
    assert "more than 100,000 values" in found.message
    assert found.location == Location(6, 14)  # m5's list of 9 merge sources, each of 9**4 values and more


def test_merge_keys_and_aliases_are_built_once_everything_is_measured():
    doc = load_yaml_text("base: &b {speed: 1, tags: [x]}\nunit: {<<: *b, armor: 2}\ncopy: *b\n")
    assert doc.data["unit"] == {"armor": 2, "speed": 1, "tags": ["x"]}
    assert doc.data["copy"] == doc.data["base"]
    assert doc.data["copy"] is not doc.data["base"] and doc.data["copy"]["tags"] is not doc.data["base"]["tags"]
    assert doc.locations[("copy",)] == Location(1, 7)
    assert doc.locations[("copy", "tags", 0)] == Location(1, 28)
    assert doc.key_locations[("unit", "tags")] == Location(1, 21)


def test_alias_to_an_enclosing_anchor_through_a_merge_key_is_a_loop():
    found = problem("a: &x {b: 1, <<: *x}\n")
    assert found.message == "an alias refers to a value that contains it (a loop)"
    assert found.location == Location(1, 4)


def test_anchor_written_inside_a_key_is_measured_where_an_alias_uses_it():
    found = problem("? &k [*k]\n: 1\nv: *k\n")  # the key alone is never built, so never measured
    assert found.message == "an alias refers to a value that contains it (a loop)"
    assert found.location == Location(1, 3)


def test_anchor_problems_are_worded_by_the_composer():
    found = problem("a: 1\nb: *nowhere\n")
    assert "found undefined alias" in found.message
    assert found.location == Location(2, 4)
    found = problem("a: &x 1\nb: &x 2\n")
    assert "found duplicate anchor" in found.message and "first occurrence at line 1" in found.message
    assert found.location == Location(2, 4)


def test_a_mappings_key_problems_come_before_problems_in_its_values():
    assert problem("a: !!int x\n<<: {b: 1, b: 2}\n").message.startswith("duplicate key 'b'")
    assert problem("a: !!int x\na: 2\n").message.startswith("duplicate key 'a'")
    assert problem("a: [!!int x]\n? [k]\n: 2\n").message == "a key must be a plain value, not a list"


def test_merged_values_are_built_after_explicit_ones_and_only_when_not_overridden():
    assert load_yaml_text("<<: {a: !!int x}\na: 1\n").data == {"a": 1}
    assert problem("<<: {a: !!int x}\nb: !!int y\n").message == "cannot read 'y' as int"


def test_two_mib_of_brackets_is_refused():  # how fast: benchmarks/bench_loading.py
    found = problem("[" * (2 * 1024 * 1024 - 1))
    assert "nesting" in found.message  # ours at level 65, or libyaml's own limit of 1000 before


def test_alias_cap():
    text = "a: &a 1\nb: [" + ", ".join(["*a"] * 100) + "]\n"
    assert len(load_yaml_text(text).data["b"]) == 100
    found = problem(text.replace("]", ", *a]"))
    assert found.message == "more than 100 aliases (*name) in one file"
    assert found.location == Location(2, 5 + 4 * 100)


def test_depth_cap():
    assert load_yaml_text("[" * 64 + "]" * 64).data is not None
    found = problem("[" * 65 + "]" * 65)
    assert found.message == "nesting is deeper than the limit of 64 levels"
    assert found.location == Location(1, 65)


def test_depth_cap_counts_levels_reached_through_aliases():
    text = "a: &a " + "[" * 40 + "]" * 40 + "\nb: " + "[" * 30 + "*a" + "]" * 30 + "\n"
    assert "deeper than the limit" in problem(text).message


def test_size_cap_on_files_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * (3 * 1024 * 1024 // 10))
    with mock.patch("builtins.open", side_effect=AssertionError("must not read")):
        with pytest.raises(YamlProblem) as caught:
            load_yaml_file(big)
    assert "2 MiB" in caught.value.message
    assert caught.value.source == str(big)


def test_size_cap_on_text():
    assert "2 MiB" in problem("a: " + "x" * (2 * 1024 * 1024)).message


def test_multiple_documents_are_refused():
    found = problem("a: 1\n---\nb: 2\n")
    assert "exactly one" in found.message
    assert found.location == Location(2, 1)


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "---\n"])
def test_empty_file(text):
    assert problem(text).message == "file is empty"


def test_bad_utf8_file(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: ok\nplace: Montréal\n".encode("latin-1"))
    with pytest.raises(YamlProblem) as caught:
        load_yaml_file(path)
    assert "not valid UTF-8" in caught.value.message
    assert caught.value.location == Location(2, 13)


def test_good_file_with_bom(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: ok\n")
    doc = load_yaml_file(path)
    assert doc.data == {"title": "ok"}
    assert doc.source == str(path)


def test_tab_indentation_gets_a_hint():
    found = problem("actors:\n\t- id: usa\n")
    assert found.location == Location(2, 1)
    assert "cannot start any token" in found.message
    assert "spaces" in found.message and "tabs" in found.message


def test_syntax_error_location_and_message():
    found = problem("title: ok\nactors: [usa, ussr\nturns: 3\n")
    assert found.location == Location(3, 6)
    assert "expected ',' or ']'" in found.message
    assert "line 2" in found.message
    assert str(found) == f"x.yaml:3:6: {found.message}"


def test_control_characters_and_surrogates_are_problems():
    assert problem("a: \x07\n").location == Location(1, 4)
    assert problem("a: \ud800\n").location == Location(1, 4)


YAML_TOKENS = list(":-[]{}&*!|>'\"#?,<%@`~ \t\n\r\\abyesNO01.=\x00\ud800\x85\ufeffé") + [
    "!!int ", "!!float ", "!!bool ", "!!python/object ", "<<", "&a ", "*a", "---", "...", "\n  ", "\n- ", "%YAML 1.1\n",
]  # fmt: skip
YAMLISH = st.lists(st.sampled_from(YAML_TOKENS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=200), YAMLISH))
def test_arbitrary_text_is_a_document_or_a_yaml_problem(text):
    try:
        doc = load_yaml_text(text)
    except YamlProblem as found:
        assert found.location.line >= 1 and found.location.column >= 1
    else:
        assert isinstance(doc, Document)
