"""Save files: byte-exact round trips, exact replays, crash safety, and clear refusals."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.support import ROOT, full_state, random_game, run_cli
from wargame import saves
from wargame.ai.autoplay import play_computers, play_to_end
from wargame.engine import Game, Message
from wargame.errors import SaveError
from wargame.saves import atomic, fileformat, migrate
from wargame.scenario.loader import load_scenario

# ------------------------------------------------------------------ helpers




def write_save(game: Game, path: Path) -> bytes:
    saves.save_game(game, path, saved_at="2024-01-01T00:00:00+00:00")
    return path.read_bytes()


@pytest.fixture
def cuban_save(cuban, tmp_path) -> Path:
    """A long game (random orders, so it does not depend on how the doctrines play)."""
    game = random_game(cuban, 1)
    assert len(game.history) >= 6
    path = tmp_path / "cuban.json"
    write_save(game, path)
    return path


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize("name", ["tutorial", "cuban"])
def test_save_load_save_gives_identical_bytes(name, request, tmp_path):
    game = random_game(request.getfixturevalue(name), 5)
    first = write_save(game, tmp_path / "a.json")
    saves.save_game(saves.load_game(tmp_path / "a.json"), tmp_path / "b.json")  # saved_at kept from the file
    assert (tmp_path / "b.json").read_bytes() == first


def test_a_game_in_the_middle_of_a_turn_round_trips(cuban, tmp_path):
    game = Game(cuban, 2)
    while (game.turn, game.turn_phase) != (2, "hotline"):
        play_computers(game, game.actor_ids)
        game.proceed()
    sender, recipient = next((a, b) for a in game.actor_ids for b in game.actor_ids
                             if a != b and game.channel(a, b) != "severed")
    game.send(Message(sender, recipient, "statement", "We are watching — closely."))
    first = write_save(game, tmp_path / "a.json")
    loaded = saves.load_game(tmp_path / "a.json")
    assert loaded.turn_phase == "hotline" and full_state(loaded) == full_state(game)
    assert saves.save_bytes(loaded) == first


def test_saved_at_is_kept_for_an_unchanged_game_and_renewed_after_play(cuban, tmp_path):
    game = Game(cuban, 1)
    write_save(game, tmp_path / "a.json")
    loaded = saves.load_game(tmp_path / "a.json")
    assert json.loads(saves.save_bytes(loaded))["summary"]["saved_at"] == "2024-01-01T00:00:00+00:00"
    loaded.proceed()
    assert json.loads(saves.save_bytes(loaded))["summary"]["saved_at"] != "2024-01-01T00:00:00+00:00"


def test_a_save_still_plays_after_its_scenario_file_changed(tmp_path):
    source = tmp_path / "tutorial.yaml"
    shutil.copy(ROOT / "scenarios" / "tutorial.yaml", source)
    game = Game(load_scenario(source), 4)
    while (game.turn, game.turn_phase) != (2, "orders"):
        play_computers(game, game.actor_ids)
        game.proceed()
    write_save(game, tmp_path / "s.json")
    source.write_text("this is not a scenario any more", encoding="utf-8")
    loaded = saves.load_game(tmp_path / "s.json")
    assert full_state(loaded) == full_state(game)
    play_to_end(loaded)
    assert loaded.is_over()
    source.unlink()
    assert saves.load_game(tmp_path / "s.json").turn == game.turn


def test_500_random_games_replay_exactly(tutorial, cuban, tmp_path):  # how fast: benchmarks/bench_saves.py
    kinds = set()
    for seed in range(500):
        scenario = cuban if seed % 3 == 0 else tutorial
        game = random_game(scenario, seed)
        kinds.update(type(d).__name__ for d in game.decisions)
        path = tmp_path / f"{seed}.json"
        original = write_save(game, path)
        loaded = saves.load_game(path)
        assert full_state(loaded) == full_state(game), f"seed {seed}"
        assert saves.save_bytes(loaded) == original, f"seed {seed}"
        saves.verify(saves.read_save(path), loaded)
    assert kinds == {"Order", "Message", "Proceed", "Inject", "Override"}  # every kind of decision was replayed


# ------------------------------------------------------------------ crash safety


def test_a_failure_mid_write_keeps_the_previous_save_and_leaves_no_temp_file(cuban_save, monkeypatch):
    before = cuban_save.read_bytes()
    game = saves.load_game(cuban_save)
    game2 = Game(game.scenario, 99)

    real_write = os.write

    def half_then_fail(fd, data):
        real_write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_fail)
    with pytest.raises(SaveError, match="No space left on device"):
        saves.save_game(game2, cuban_save)
    assert cuban_save.read_bytes() == before
    assert sorted(p.name for p in cuban_save.parent.iterdir()) == ["cuban.json"]
    assert saves.load_game(cuban_save).seed == 1


def test_a_failing_rename_keeps_the_previous_save(cuban_save, monkeypatch):
    before = cuban_save.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError, match="Permission denied"):
        saves.save_game(Game(saves.load_game(cuban_save).scenario, 1), cuban_save)
    assert cuban_save.read_bytes() == before
    assert sorted(p.name for p in cuban_save.parent.iterdir()) == ["cuban.json"]


NOON = datetime(2024, 3, 1, 12, 0)  # local time, as file names show it

KILLED_WRITER = """
import os, sys, time
from wargame import saves
from wargame.engine import Game

real_write = os.write

def half_then_hang(fd, data):
    real_write(fd, data[: len(data) // 2])
    print("mid-write", flush=True)
    time.sleep(60)

game = saves.load_game(sys.argv[1])
os.write = half_then_hang
saves.save_game(Game(game.scenario, 12345), sys.argv[1])
"""


def test_a_writer_killed_mid_write_leaves_the_previous_save_loadable(cuban_save):
    before = cuban_save.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(cuban_save)], stdout=subprocess.PIPE, env=env)
    try:
        assert child.stdout.readline().strip() == b"mid-write"
        temps = [p for p in cuban_save.parent.iterdir() if atomic.is_temp_file(p)]
        assert len(temps) == 1 and 0 < temps[0].stat().st_size < len(before)  # caught in the middle
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert cuban_save.read_bytes() == before
    assert saves.load_game(cuban_save).seed == 1
    assert [s.path.name for s in saves.list_saves(cuban_save.parent)] == ["cuban.json"]  # the leftover is ignored


# ------------------------------------------------------------------ refusals, each one line and exit 1


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _corrupt(path: Path) -> None:
    """Braces where a key should be: at a fixed place in the save, not a byte offset that moves with the
    length of the scenario path the save records (a checkout in a longer folder put it past a closing quote)."""
    raw = bytearray(path.read_bytes())
    at = raw.index(b'"game_version"')
    raw[at:at + 10] = b"}}}}}}}}}}"
    path.write_bytes(bytes(raw))


def _set(key, value):
    return lambda path: edit(path, lambda data: data.__setitem__(key, value))


def _illegal_move(path: Path) -> None:
    def change(data):
        index = next(i for i, d in enumerate(data["decisions"]) if d["type"] == "order" and d["actor"] == "usa")
        data["decisions"][index]["move"] = "major_offensive"  # not available at the crisis's opening rung

    edit(path, change)


def _wrong_type(path: Path) -> None:
    edit(path, lambda data: data["decisions"].insert(2, {"type": "override", "actor": "usa", "stat": "resolve", "value": "x"}))


def _wrong_message_kind(path: Path) -> None:
    edit(path, lambda data: data["decisions"].append({"type": "message", "sender": "usa", "recipient": "ussr", "kind": "bribe"}))


def _edited_scenario(path: Path) -> None:
    edit(path, lambda data: data["scenario"].__setitem__("text", data["scenario"]["text"].replace("turns: 13", "turns: 30")))


BROKEN = {
    "truncated": (_truncate, "truncated"),
    "corrupt": (_corrupt, "corrupt: broken JSON at line"),
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "binary": (lambda p: p.write_bytes(b"\xff\xfe\x00garbage"), "not UTF-8"),
    "not a save": (lambda p: p.write_text("[1, 2, 3]"), "not a wargame save"),
    "wrong version": (_set("format_version", 0), "save format 0, which this wargame can no longer read"),
    "version not a number": (_set("format_version", "1"), "invalid format_version '1'"),
    "newer": (_set("format_version", 2), "made by a newer wargame"),
    "tampered decision": (_illegal_move, "(order usa major_offensive) is illegal on replay: Major offensive is not available"),
    "wrong type in a decision": (_wrong_type, 'cuban.json: decisions[2].value: must be a whole number, not "x"'),
    "unknown decision": (lambda p: edit(p, lambda d: d["decisions"].append({"type": "bribe"})), "unknown decision type 'bribe'"),
    "unknown field in a decision": (lambda p: edit(p, lambda d: d["decisions"][0].update(why=1)),
                                    "cuban.json: decisions[0].why: is not part of the save format"),
    "wrong message kind": (_wrong_message_kind, "].kind: must be one of 'statement', 'proposal'"),
    "missing summary field": (lambda p: edit(p, lambda d: d["summary"]["checkpoints"][1].pop("rung_after")),
                              "cuban.json: summary.checkpoints[1].rung_after: is missing"),
    "tampered scenario": (_edited_scenario, "tampered with: the embedded scenario does not match its sha256"),
    "missing seed": (lambda p: edit(p, lambda d: d.pop("seed")), "cuban.json: seed: is missing"),
    "seed not a number": (_set("seed", "1"), 'cuban.json: seed: must be a whole number, not "1"'),
    "unknown key": (_set("cheats", True), "cuban.json: cheats: is not part of the save format"),
    "duplicate key": (lambda p: p.write_text('{"format_version": 1, "format_version": 1}'), "appears twice"),
    "players not a list": (_set("players", "usa"), 'cuban.json: players: must be a list, not "usa"'),
    "players not ids": (_set("players", ["usa", 7]), "cuban.json: players[1]: must be a string, not 7"),
}


@pytest.mark.parametrize("command", ["replay", "debrief"])
@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_save_is_refused_in_one_line_and_nothing_else_is_touched(kind, command, cuban_save, capsys):
    damage, message = BROKEN[kind]
    damage(cuban_save)
    other = cuban_save.parent / "other.txt"
    other.write_text("keep me")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in cuban_save.parent.iterdir()}
    code, out, err = run_cli(capsys, command, str(cuban_save))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("wargame: error: ") and message in err, err
    assert "Traceback" not in err
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in cuban_save.parent.iterdir()} == before


def test_an_illegal_decision_is_named_by_its_place_in_the_log(cuban_save):
    data = json.loads(cuban_save.read_text(encoding="utf-8"))
    index = max(i for i, d in enumerate(data["decisions"]) if d["type"] == "order")
    data["decisions"][index]["actor"] = "nobody"
    cuban_save.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=f"decision {index + 1} of {len(data['decisions'])} .*unknown actor 'nobody'"):
        saves.load_game(cuban_save)


def test_an_oversized_file_is_refused_without_reading_it_all(cuban_save, monkeypatch):
    monkeypatch.setattr(fileformat, "MAX_BYTES", 1000)
    with pytest.raises(SaveError, match="too large"):
        saves.load_game(cuban_save)


def test_a_missing_save_is_one_line(tmp_path, capsys):
    code, _, err = run_cli(capsys, "replay", str(tmp_path / "nope.json"))
    assert code == 1 and "no save" in err and err.count("\n") == 1


def test_an_older_format_is_migrated(cuban_save, monkeypatch):
    def v1_to_v2(data):
        data["summary"]["saved_at"] = "migrated"
        return data

    monkeypatch.setattr(migrate, "FORMAT_VERSION", 2)
    monkeypatch.setattr(fileformat, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrate, "MIGRATIONS", {1: v1_to_v2})
    save = saves.read_save(cuban_save)
    assert save.summary.saved_at == "migrated" and save.format_version == 2
    assert saves.load_game(cuban_save).seed == 1
    monkeypatch.setattr(migrate, "MIGRATIONS", {})
    with pytest.raises(SaveError, match="save format 1, which this wargame can no longer read"):
        saves.read_save(cuban_save)


# ------------------------------------------------------------------ verify


def test_verify_passes_on_an_honest_save(cuban_save, capsys):
    code, out, _ = run_cli(capsys, "replay", str(cuban_save), "--verify")
    assert code == 0 and "verified:" in out and "Outcome:" in out


def test_verify_names_the_first_turn_that_differs(cuban_save, capsys):
    edit(cuban_save, lambda d: d["summary"]["checkpoints"][2]["stats"]["ussr"].__setitem__("resolve", 101))
    code, _out, err = run_cli(capsys, "replay", str(cuban_save), "--verify")
    assert code == 1
    assert "differs from the save at turn 3: stats.ussr.resolve is 101 in the save" in err
    assert err.count("\n") == 1


def test_verify_catches_a_changed_final_state(cuban_save, capsys):
    edit(cuban_save, lambda d: d["summary"].__setitem__("rung", 0))
    code, _, err = run_cli(capsys, "replay", str(cuban_save), "--verify")
    assert code == 1 and "rung is 0 in the save" in err


# ------------------------------------------------------------------ forks


def test_fork_replays_up_to_the_briefing_of_the_turn(cuban, tmp_path):
    game = random_game(cuban, 1)
    assert len(game.history) >= 5
    fork = saves.fork_game(game, 4)
    assert (fork.turn, fork.turn_phase) == (4, "briefing")
    assert fork.history == game.history[:3]
    assert fork.decisions == game.decisions[: len(fork.decisions)]
    # replaying the rest of the original's decisions on the branch reproduces the original
    for decision in game.decisions[len(fork.decisions):]:
        fork.apply(decision)
    assert full_state(fork) == full_state(game)


def test_a_fork_is_saved_as_a_new_branch(cuban, tmp_path):
    game = play_to_end(Game(cuban, 3))
    original = saves.autosave(game, tmp_path)
    branch = saves.fork_game(saves.load_game(original), 2)
    branch_path = saves.autosave(branch, tmp_path)
    assert branch_path != original
    info = saves.read_save(branch_path)
    assert info.branch == {"parent": saves.read_save(original).id, "from_turn": 2}
    assert saves.read_summary(branch_path).from_turn == 2


def test_fork_at_turn_one_is_a_fresh_game_and_a_late_fork_is_refused(cuban):
    game = play_to_end(Game(cuban, 3))
    assert saves.fork_game(game, 1).decisions == []
    with pytest.raises(SaveError, match=f"cannot fork at turn {game.turn + 1}"):
        saves.fork_game(game, game.turn + 1)
    with pytest.raises(SaveError, match="cannot fork at turn 0"):
        saves.fork_game(game, 0)


# ------------------------------------------------------------------ folder, autosave, listing


def test_saves_dir_precedence(tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(saves.ENV_VAR, raising=False)
    assert saves.saves_dir() == Path(platformdirs.user_data_dir("wargame")) / "saves"
    (tmp_path / "saves").mkdir()
    assert saves.saves_dir() == tmp_path / "saves"
    monkeypatch.setenv(saves.ENV_VAR, str(tmp_path / "env"))
    assert saves.saves_dir() == tmp_path / "env"
    assert saves.saves_dir(tmp_path / "flag") == tmp_path / "flag"


def test_a_save_is_found_by_name_in_the_saves_folder(cuban_save, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, _ = run_cli(capsys, "replay", "cuban", "--saves-dir", str(tmp_path))
    assert code == 0 and out.startswith("The Cuban Missile Crisis")
    monkeypatch.setenv(saves.ENV_VAR, str(tmp_path))
    assert saves.find_save("cuban.json") == cuban_save


def test_autosave_keeps_one_file_per_game_and_updates_it(tutorial, tmp_path):
    folder = tmp_path / "new" / "saves"
    game = Game(tutorial, 6)
    paths = set()
    while not game.is_over():
        if game.turn_phase in ("hotline", "orders"):
            play_computers(game, game.actor_ids)
        game.proceed()
        if game.turn_phase == "aftermath":
            paths.add(saves.autosave(game, folder, players=["kestria"], now=NOON))
            assert saves.read_summary(next(iter(paths))).turn == game.turn
    assert len(paths) == 1
    path = paths.pop()
    assert path.name == "tutorial-kestria-2024-03-01-1200.json"
    other = saves.autosave(Game(tutorial, 6), folder, players=["kestria"], now=NOON)  # another game, another file
    assert other.name == "tutorial-kestria-2024-03-01-1200-2.json"
    assert saves.read_summary(path).turn == game.turn  # untouched


def test_list_saves_shows_broken_files_with_the_reason(cuban, tutorial, tmp_path):
    a = play_to_end(Game(cuban, 1))
    saves.save_game(a, tmp_path / "a.json", saved_at="2024-01-01T00:00:00+00:00")
    saves.save_game(Game(tutorial, 2), tmp_path / "b.json", saved_at="2024-02-01T00:00:00+00:00")
    (tmp_path / "c.json").write_text('{"format_version": 1, "scen')
    (tmp_path / ".b.json.abc.tmp").write_text("{")
    (tmp_path / "notes.txt").write_text("not a save")
    listed = saves.list_saves(tmp_path)
    assert [s.path.name for s in listed] == ["b.json", "a.json", "c.json"]
    newest, older, broken = listed
    assert (newest.scenario_title, newest.turn, newest.outcome, newest.phase) == (tutorial.spec.title, 1, None, "briefing")
    assert older.outcome == a.outcome.kind and older.scores == dict(a.outcome.scores) and older.turn == a.turn
    assert not broken.readable and "truncated" in broken.problem
    assert saves.list_saves(tmp_path / "missing") == []


def test_the_save_layout(cuban_save):
    data = json.loads(cuban_save.read_text(encoding="utf-8"))
    assert list(data) == ["format_version", "game_version", "id", "branch", "scenario", "seed", "decisions", "summary"]
    assert list(data["scenario"]) == ["id", "source", "sha256", "text"]
    game = saves.load_game(cuban_save)
    assert len(data["summary"]["checkpoints"]) == len(game.history)
    assert data["summary"]["checkpoints"][0]["rung_before"] == game.history[0].rung_before


def test_the_players_are_saved_and_read_back(cuban, tmp_path):
    """The UI records which sides people played; the save round-trips byte for byte with them."""
    game = random_game(cuban, 3)
    path = tmp_path / "hot-seat.json"
    saves.save_game(game, path, saved_at="2024-01-01T00:00:00+00:00", players=["ussr", "usa"])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["format_version", "game_version", "id", "branch", "scenario", "seed", "players", "decisions", "summary"]
    assert data["players"] == ["ussr", "usa"]
    save = saves.read_save(path)
    assert save.players == ("ussr", "usa")
    assert saves.save_bytes(saves.load_game(path), players=save.players) == path.read_bytes()
    watched = saves.autosave(game, tmp_path / "auto", players=[])  # a facilitator watching the computers: nobody
    assert saves.read_save(watched).players == ()


def test_a_save_without_players_still_loads(cuban_save):
    """Saves written before players were recorded (and by ``wargame run``) say nothing about them."""
    assert "players" not in json.loads(cuban_save.read_text(encoding="utf-8"))
    assert saves.read_save(cuban_save).players is None
    assert saves.load_game(cuban_save).decisions


def test_saves_and_debrief_never_import_the_ui():
    code = "import sys, wargame.saves, wargame.debrief; print('textual' in sys.modules, 'rich' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.stdout.strip() == "False False", result.stderr
