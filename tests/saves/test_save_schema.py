"""The save format's JSON Schema: generated from the models, kept in the repo, accepted by real saves."""

from __future__ import annotations

import json
from dataclasses import MISSING, fields

import jsonschema
import pytest

from tests.support import ROOT, random_game, run_cli
from wargame import saves
from wargame.engine import decisions
from wargame.errors import SaveError

SCHEMA_FILE = ROOT / "docs" / "save.schema.json"


@pytest.fixture(scope="module")
def validator():
    body = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(body)
    return jsonschema.Draft202012Validator(body)


def test_the_schema_file_is_what_the_command_prints(capsys):
    """Regenerate with `wargame schema --save -o docs/save.schema.json` after changing wargame/saves/model.py."""
    code, out, _ = run_cli(capsys, "schema", "--save")
    assert code == 0
    assert SCHEMA_FILE.read_text(encoding="utf-8") == out


def test_real_saves_of_every_decision_kind_validate(validator, tutorial, cuban):
    kinds = set()
    for seed in range(8):
        game = random_game(cuban if seed % 2 else tutorial, seed)
        data = json.loads(saves.save_bytes(game, players=["usa"] if seed == 3 else None))
        kinds.update(decision["type"] for decision in data["decisions"])
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], f"seed {seed}"
    assert kinds == {"order", "message", "proceed", "inject", "override"}


@pytest.mark.parametrize("damage", [
    lambda d: d["decisions"].append({"type": "override", "actor": None, "stat": "rung", "value": "x"}),
    lambda d: d["decisions"].append({"type": "bribe"}),
    lambda d: d["decisions"][0].update(why=1),
    lambda d: d.pop("seed"),
    lambda d: d.update(players=["usa", 7]),
    lambda d: d["summary"]["state"].update(rung=True),
])
def test_what_the_loader_refuses_the_schema_refuses_too(damage, validator, cuban, tmp_path):
    path = tmp_path / "s.json"
    data = json.loads(saves.save_bytes(random_game(cuban, 1)))
    damage(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert not validator.is_valid(data)
    with pytest.raises(SaveError, match=r"s\.json: \w+"):
        saves.read_save(path)


@pytest.mark.parametrize("record, decision", [
    (decisions.OrderRecord, decisions.Order), (decisions.MessageRecord, decisions.Message),
    (decisions.ProceedRecord, decisions.Proceed), (decisions.InjectRecord, decisions.Inject),
    (decisions.OverrideRecord, decisions.Override),
])
def test_each_decision_is_saved_with_exactly_its_fields(record, decision):
    """A field added to a decision must be added to its record too, with the same default, or saves would lose it."""
    saved = {name: info for name, info in record.model_fields.items() if name != "type"}
    assert list(saved) == [field.name for field in fields(decision)]
    for field in fields(decision):
        info = saved[field.name]
        default = tuple(info.default) if isinstance(info.default, list) else info.default
        assert info.is_required() if field.default is MISSING else default == field.default, field.name
