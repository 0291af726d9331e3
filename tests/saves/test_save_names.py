"""A save's id names its autosave file: a crafted id is refused on load and never writes outside the folder."""

from __future__ import annotations

import json

import pytest

from tests.support import random_game
from wargame import saves
from wargame.engine import Game
from wargame.errors import SaveError
from wargame.saves import provenance
from wargame.saves.names import is_safe_name

HOSTILE_IDS = ["../../escaped", "a/b", "a\\b", "..", ".hidden", "-rf", "x" * 65, "", "a b", "é", "a.json", "a\nb"]


@pytest.mark.parametrize("name", HOSTILE_IDS)
def test_a_hostile_name_is_not_safe(name):
    assert not is_safe_name(name)


@pytest.mark.parametrize("name", ["1a2b3c4d", "game_1", "Abc-def", "x" * 64])
def test_plain_names_are_safe(name):
    assert is_safe_name(name)


@pytest.mark.parametrize("crafted", HOSTILE_IDS)
def test_a_save_with_a_crafted_id_is_refused_in_one_line(crafted, tutorial, tmp_path):
    path = tmp_path / "s.json"
    data = json.loads(saves.save_bytes(random_game(tutorial, 2)))
    data["id"] = crafted
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"s\.json: id: must be a plain name") as caught:
        saves.read_save(path)
    assert "\n" not in str(caught.value)


def test_a_crafted_branch_parent_is_refused(tutorial, tmp_path):
    path = tmp_path / "s.json"
    data = json.loads(saves.save_bytes(random_game(tutorial, 2)))
    data["branch"] = {"parent": "../x", "from_turn": 1}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"branch\.parent: must be a plain name"):
        saves.read_save(path)


def test_autosave_never_writes_outside_its_folder_whatever_the_id(tutorial, tmp_path):
    game = Game(tutorial, 1)
    provenance.remember(game, provenance.Provenance("../../escaped"))
    folder = tmp_path / "deep" / "saves"
    with pytest.raises(SaveError, match="plain name"):
        saves.autosave(game, folder)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_an_honest_autosave_lands_in_its_folder(tutorial, tmp_path):
    path = saves.autosave(Game(tutorial, 1), tmp_path)
    assert path.parent == tmp_path and is_safe_name(path.stem.split("-")[-1])
