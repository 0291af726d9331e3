"""The JSON Schema: generated from the model, kept in the repo, accepted by editors and by every shipped scenario."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.support import ROOT, play_computer_turn
from wargame.cli import main
from wargame.commands.schema import schema, schema_text, view_schema_text
from wargame.engine import Game, actor_view, facilitator_view
from wargame.scenario.yamlsafe import load_yaml_file, load_yaml_text

SCHEMA_FILE = ROOT / "docs" / "scenario.schema.json"
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
FIRST_LINE = "# yaml-language-server: $schema=../docs/scenario.schema.json"


@pytest.fixture(scope="module")
def validator():
    body = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(body)
    return jsonschema.Draft202012Validator(body)


def test_schema_file_is_in_sync_with_the_model():
    """docs/scenario.schema.json is exactly what `wargame schema` prints; regenerate with
    `wargame schema -o docs/scenario.schema.json` after changing wargame/scenario/model.py."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_schema_names_its_draft_and_title():
    body = schema()
    assert list(body)[:2] == ["$schema", "title"]
    assert body["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert body["title"] == "wargame scenario"
    assert body["additionalProperties"] is False


def test_schema_command_prints_and_writes(tmp_path, capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()
    target = tmp_path / "s.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()


def test_there_are_shipped_scenarios():
    assert {"tutorial.yaml", "cuban-missile-crisis.yaml"} <= {p.name for p in SHIPPED}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_scenario_points_editors_at_the_schema(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == FIRST_LINE
    assert (path.parent / FIRST_LINE.split("=", 1)[1]).resolve() == SCHEMA_FILE


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_scenario_is_accepted_by_the_schema(path, validator):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(load_yaml_file(path).data)]
    assert errors == []


@pytest.mark.parametrize(
    "text, where",
    [
        ("id: x\ntitle: T\nsummary: S\nactors: [{id: a, name: A}, {id: b, name: B}]\nsetting2: x\n", []),
        ("id: x\ntitle: T\nsummary: S\nactors: [{id: a, name: A}, {id: b, name: B, stats: {resolve: 101}}]\n",
         ["actors", 1, "stats", "resolve"]),
        ("id: X\ntitle: T\nsummary: S\nactors: [{id: a, name: A}, {id: b, name: B}]\n", ["id"]),
        ("id: x\ntitle: T\nsummary: S\nactors: [{id: a, name: A}]\n", ["actors"]),
        ("id: x\ntitle: T\nactors: [{id: a, name: A}, {id: b, name: B}]\n", []),
    ],
    ids=["unknown key", "stat out of range", "bad id", "one actor", "missing summary"],
)
def test_schema_rejects_what_the_loader_rejects(text, where, validator):
    """The schema is strict in the same places as the model, so editors flag the same mistakes."""
    errors = list(validator.iter_errors(load_yaml_text(text, "t.yaml").data))
    assert errors, "the schema accepted a broken scenario"
    assert any(list(e.absolute_path) == where for e in errors)


# ---------------------------------------------------------------- the view schema (docs/view.schema.json)

VIEW_SCHEMA_FILE = ROOT / "docs" / "view.schema.json"


def test_view_schema_file_is_in_sync_with_the_view_classes():
    """docs/view.schema.json is exactly what `wargame schema --view` prints; regenerate with
    `wargame schema --view -o docs/view.schema.json` after changing a view's fields."""
    assert VIEW_SCHEMA_FILE.read_text(encoding="utf-8") == view_schema_text()


def test_view_schema_command_prints_and_writes(tmp_path, capsys):
    assert main(["schema", "--view"]) == 0
    assert capsys.readouterr().out == view_schema_text()
    target = tmp_path / "v.json"
    assert main(["schema", "--view", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == view_schema_text()


def test_real_views_are_accepted_by_the_view_schema(shipped_scenarios):
    body = json.loads(VIEW_SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(body)
    validator = jsonschema.Draft202012Validator(body)
    for scenario in shipped_scenarios:
        game = Game(scenario, 1)
        while True:
            for data in [*(actor_view(game, a).to_dict() for a in game.actor_ids), facilitator_view(game).to_dict()]:
                errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
                assert errors == [], scenario.id
            if game.is_over():
                break
            play_computer_turn(game)


def test_the_view_schema_refuses_what_reading_a_view_refuses(cuban):
    validator = jsonschema.Draft202012Validator(json.loads(VIEW_SCHEMA_FILE.read_text(encoding="utf-8")))
    data = json.loads(json.dumps(actor_view(Game(cuban, 1), "usa").to_dict()))
    assert list(validator.iter_errors(data)) == []
    for broken in ({**data, "secret": 1}, {**data, "turn": "3"}, {k: v for k, v in data.items() if k != "stats"},
                   {**data, "kind": "facilitator"}):
        assert list(validator.iter_errors(broken)), broken
