"""Saves people can tell apart: named for the scenario, the sides played and the time; nothing overwritten."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.support import play_computer_turn, random_game
from wargame import saves
from wargame.engine import Game
from wargame.saves.names import file_stem
from wargame.saves.store import loaded, write_new

NOON = datetime(2024, 3, 1, 12, 0)  # local time, as names show it


@pytest.mark.parametrize(("scenario", "sides", "extra", "stem"), [
    ("cuban_missile_crisis", ["usa"], "", "cuban-missile-crisis-usa-2024-03-01-1200"),
    ("cuban_missile_crisis", ["usa", "ussr"], "", "cuban-missile-crisis-usa-ussr-2024-03-01-1200"),
    ("tutorial", [], "", "tutorial-computers-2024-03-01-1200"),  # a facilitator watching the computers
    ("tutorial", None, "", "tutorial-2024-03-01-1200"),  # who played is not known
    ("tutorial", ["kestria"], "turn3", "tutorial-kestria-turn3-2024-03-01-1200"),
])
def test_a_file_is_named_for_the_scenario_the_sides_and_the_time(scenario, sides, extra, stem):
    assert file_stem(scenario, sides, NOON, extra) == stem


def test_a_long_or_odd_name_stays_a_short_plain_file_name():
    stem = file_stem("a" * 40 + "_Ü/../x", ["side_" + "b" * 39] * 8, NOON, "turn12")
    assert len(stem) < 80
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in stem) and stem[0].isalnum()


def test_a_new_file_never_overwrites_one_that_exists(tmp_path):
    (tmp_path / "x.json").write_text("theirs", encoding="utf-8")
    first = write_new(tmp_path, "x", ".json", b"mine")
    second = write_new(tmp_path, "x", ".json", b"mine again")
    assert (first.name, second.name) == ("x-2.json", "x-3.json")
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == "theirs"
    assert second.read_bytes() == b"mine again"


def test_two_teams_with_one_seed_in_one_minute_keep_two_autosaves(tutorial, tmp_path):
    """The class that used one seed: same scenario, same side, same minute, two games, two files."""
    a, b = Game(tutorial, 7), Game(tutorial, 7)
    play_computer_turn(a)
    path_a = saves.autosave(a, tmp_path, players=["kestria"], now=NOON)
    path_b = saves.autosave(b, tmp_path, players=["kestria"], now=NOON)
    assert (path_a.name, path_b.name) == ("tutorial-kestria-2024-03-01-1200.json", "tutorial-kestria-2024-03-01-1200-2.json")
    play_computer_turn(a)
    assert saves.autosave(a, tmp_path, players=["kestria"]) == path_a  # later autosaves go to the game's own file
    assert saves.read_summary(path_a).turn == a.turn and saves.read_summary(path_b).turn == 1


def test_a_resumed_game_keeps_the_file_it_was_loaded_from_and_autosaves_into_a_new_one(tutorial, tmp_path):
    game = Game(tutorial, 4)
    play_computer_turn(game)
    first = saves.autosave(game, tmp_path, players=["kestria"], now=NOON)
    before = first.read_bytes()
    resumed = saves.load_game(first)
    assert saves.autosave(resumed, tmp_path, players=["kestria"]) == first  # nothing played since: already saved
    assert first.read_bytes() == before and len(list(tmp_path.iterdir())) == 1
    play_computer_turn(resumed)
    later = saves.autosave(resumed, tmp_path, players=["kestria"], now=datetime(2024, 3, 8, 9, 30))
    assert later.name == "tutorial-kestria-2024-03-08-0930.json"
    assert first.read_bytes() == before  # the save it was resumed from is kept as it was


def test_loading_from_another_folder_writes_the_autosave_in_the_saves_folder(tutorial, tmp_path):
    game = Game(tutorial, 4)
    elsewhere = saves.save_game(game, tmp_path / "x.json")
    resumed = loaded(saves.load_game(elsewhere), elsewhere)
    path = saves.autosave(resumed, tmp_path / "saves", players=["kestria"], now=NOON)
    assert path.parent == tmp_path / "saves" and path.is_file()


def test_the_summary_names_every_actor_and_the_list_says_who_played(cuban, tmp_path):
    path = saves.autosave(random_game(cuban, 2), tmp_path, players=["usa"], now=NOON)
    summary = saves.read_summary(path)
    assert summary.actors == {a.id: a.name for a in cuban.spec.actors}
    assert summary.players == ("usa",)
    assert summary.sides()[:2] == [("United States", True), ("Soviet Union", False)]


def test_an_older_save_without_actor_names_still_loads_and_lists_its_actors(cuban, tmp_path):
    game = random_game(cuban, 2)
    data = json.loads(saves.save_bytes(game))
    del data["summary"]["actors"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    summary = saves.read_summary(path)
    assert summary.readable and set(summary.actors) == set(cuban.actor_ids) and summary.actors["usa"] == "usa"
    assert {human for _, human in summary.sides()} == {None}  # who played is not recorded
    assert saves.load_game(path).decisions == game.decisions
