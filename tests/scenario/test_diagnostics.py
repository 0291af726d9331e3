"""Pydantic errors become short file:line:col diagnostics at the right place."""

from typing import Annotated, Literal

import pytest
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from wargame.scenario.diagnostics import (
    Diagnostic,
    did_you_mean,
    format_path,
    pydantic_diagnostics,
)
from wargame.scenario.yamlsafe import load_yaml_text


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Stats(Strict):
    resolve: int = Field(ge=0, le=100)
    prestige: int = 0


class Negotiate(Strict):
    kind: Literal["negotiate"]
    target: str


class Threaten(Strict):
    kind: Literal["threaten"]
    level: int


class Ladder(Strict):
    rungs: list[str] = Field(min_length=1)
    name: str = ""


def _checked(stats: Stats) -> Stats:
    return stats


class Actor(Strict):
    id: str
    stats: Stats
    side: Literal["east", "west"] = "east"
    opening: Annotated[Negotiate | Threaten, Field(discriminator="kind")] | None = None
    backup: int | Annotated[Stats, AfterValidator(_checked)] = 0
    trust: dict[str, int] = {}
    display_name: str = Field("", alias="displayName")


class Scenario(Strict):
    model_config = ConfigDict(extra="forbid", title="diagnostics test scenario")
    title: str
    ladder: Literal["default"] | Ladder = "default"
    actors: list[Actor]


GOOD = """\
title: Test
actors:
  - id: usa
    stats: {resolve: 70}
  - id: ussr
    stats:
      resolve: 60
"""


def diagnose(text: str, model=Scenario) -> list[str]:
    doc = load_yaml_text(text, "s.yaml")
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate(doc.data)
    return [str(d) for d in pydantic_diagnostics(caught.value, doc, model)]


def test_good_document_validates():
    Scenario.model_validate(load_yaml_text(GOOD).data)


# -- small helpers ----------------------------------------------------------------


def test_format_path():
    assert format_path(("actors", 0, "stats")) == "actors[0].stats"
    assert format_path(()) == ""
    assert format_path((0, "id")) == "[0].id"
    assert format_path(("trust", "east bloc")) == "trust['east bloc']"


def test_diagnostic_str_and_order():
    late = Diagnostic("s.yaml", 12, 7, "error", "input should be at most 100", ("actors", 0, "stats", "resolve"))
    early = Diagnostic("s.yaml", 3, 1, "warning", "file is empty")
    assert str(late) == "s.yaml:12:7: error: actors[0].stats.resolve: input should be at most 100"
    assert str(early) == "s.yaml:3:1: warning: file is empty"
    assert sorted([late, early]) == [early, late]


def test_did_you_mean():
    assert did_you_mean("resolv", ["resolve", "prestige"]) == " (did you mean 'resolve'?)"
    assert did_you_mean("Resolve", ["resolve"]) == " (did you mean 'resolve'?)"
    assert did_you_mean("zzz", ["resolve"]) == ""
    assert did_you_mean("resolve", ["resolve"]) == ""


# -- one mistake each ---------------------------------------------------------------

USA, USSR = "  - id: usa\n", "  - id: ussr\n"


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("resolve: 60", "resolv: 60", [
        "s.yaml:7:7: error: actors[1].stats: missing required key 'resolve'",
        "s.yaml:7:7: error: actors[1].stats: unknown key 'resolv' (did you mean 'resolve'?)",
    ], id="unknown key at the key, with a suggestion"),
    pytest.param(USSR, USSR + "    displayname: Soviets\n", [
        "s.yaml:6:5: error: actors[1]: unknown key 'displayname' (did you mean 'displayName'?)",
    ], id="unknown key suggests the alias"),
    pytest.param("title: Test\n", "", [
        "s.yaml:1:1: error: missing required key 'title'",
    ], id="missing key at the parent mapping"),
    pytest.param("  - id: usa\n    stats", "  - stats", [
        "s.yaml:3:5: error: actors[0]: missing required key 'id'",
    ], id="missing key at the parent list item"),
    pytest.param(USA, USA + "    side: weast\n", [
        "s.yaml:4:11: error: actors[0].side: input should be 'east' or 'west', got 'weast' (did you mean 'west'?)",
    ], id="literal error with a suggestion"),
    pytest.param("resolve: 60", "resolve: 160", [
        "s.yaml:7:16: error: actors[1].stats.resolve: input should be at most 100",
    ], id="bound error at the value"),
    pytest.param("resolve: 60", "resolve: lots", [
        "s.yaml:7:16: error: actors[1].stats.resolve: input should be a whole number, got 'lots'",
    ], id="type error says what was written"),
    pytest.param(USSR, USSR + "    trust:\n      usa: high\n", [
        "s.yaml:7:12: error: actors[1].trust.usa: input should be a whole number, got 'high'",
    ], id="dict value error is located"),
    # unions: labels stripped, the meant branch reported
    pytest.param(USSR, USSR + "    opening: {kind: threatne, level: 3}\n", [
        "s.yaml:6:21: error: actors[1].opening.kind: unknown kind 'threatne' (did you mean 'threaten'?); "
        "expected one of 'negotiate', 'threaten'",
    ], id="discriminated union: a bad tag is pointed at"),
    pytest.param(USSR, USSR + "    opening: {kind: threaten, levle: 3}\n", [
        "s.yaml:6:14: error: actors[1].opening: missing required key 'level'",
        "s.yaml:6:31: error: actors[1].opening: unknown key 'levle' (did you mean 'level'?)",
    ], id="discriminated union: the branch's keys are known"),
    pytest.param(USSR, USSR + "    opening: {level: 3}\n", [
        "s.yaml:6:14: error: actors[1].opening: missing required key 'kind'",
    ], id="discriminated union without a tag"),
    pytest.param("title: Test\n", "title: Test\nladder:\n  rungs: []\n  nmae: x\n", [
        "s.yaml:3:10: error: ladder.rungs: should have at least 1 item, got 0",
        "s.yaml:4:3: error: ladder: unknown key 'nmae' (did you mean 'name'?)",
    ], id="smart union: the branch that got inside is reported"),
    pytest.param("title: Test\n", "title: Test\nladder: defualt\n", [
        "s.yaml:2:9: error: ladder: input should be 'default' or a mapping (key: value), "
        "got 'defualt' (did you mean 'default'?)",
    ], id="smart union: the wrong kind is one sentence"),
    pytest.param(USSR, USSR + "    backup: {resolve: x}\n", [
        "s.yaml:6:23: error: actors[1].backup.resolve: input should be a whole number, got 'x'",
    ], id="a function-after validator's label is stripped"),
])  # fmt: skip
def test_one_mistake_is_reported_where_it_was_written(old, new, expected):
    assert diagnose(GOOD.replace(old, new)) == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("id: ussr", "id: NO", "s.yaml:5:9: error: actors[1].id: 'NO' was read as the boolean false"),
        ("id: ussr", "id: ussr\n    side: off", "s.yaml:6:11: error: actors[1].side: 'off' was read as the boolean false"),
    ],
)
def test_yaml11_boolean_is_explained(old, new, expected):
    word = expected.split("'")[1]
    assert diagnose(GOOD.replace(old, new)) == [f'{expected} (YAML 1.1); quote it: "{word}"']


# -- the whole file at once --------------------------------------------------------


THREE_MISTAKES = """\
title: Test
actors:
  - id: usa
    stats: {resolve: 170}
    sidee: east
  - id: ussr
    stats: {resolve: 60}
    side: south
"""


def test_every_problem_is_reported_at_once_sorted():
    assert diagnose(THREE_MISTAKES) == [
        "s.yaml:4:22: error: actors[0].stats.resolve: input should be at most 100",
        "s.yaml:5:5: error: actors[0]: unknown key 'sidee' (did you mean 'side'?)",
        "s.yaml:8:11: error: actors[1].side: input should be 'east' or 'west', got 'south'",
    ]


def test_model_is_found_by_title_when_not_given():
    assert diagnose(THREE_MISTAKES, model=None) == diagnose(THREE_MISTAKES)


def test_messages_are_short_and_clean():
    for line in diagnose(THREE_MISTAKES) + diagnose(GOOD.replace("resolve: 60", "resolve: [1]")):
        message = line.split(": error: ", 1)[1].split(": ", 1)[1]
        assert message[0].islower() or message[0] == "'"
        assert "https://" not in message and "[type=" not in message


def test_identical_diagnostics_are_merged():
    doc = load_yaml_text(GOOD)
    error = ValidationError.from_exception_data(
        "diagnostics test scenario", [{"type": "missing", "loc": ("title",), "input": {}}] * 2
    )
    assert [str(d) for d in pydantic_diagnostics(error, doc)] == ["<string>:1:1: error: missing required key 'title'"]


def test_without_any_model_labels_are_still_stripped():
    class Other(Strict):
        ladder: Literal["default"] | Ladder

    doc = load_yaml_text("ladder:\n  rungs: [a]\n  nmae: x\n")
    with pytest.raises(ValidationError) as caught:
        Other.model_validate(doc.data)
    error = ValidationError.from_exception_data("nothing by this title", caught.value.errors())
    assert [str(d) for d in pydantic_diagnostics(error, doc)] == ["<string>:3:3: error: ladder: unknown key 'nmae'"]
