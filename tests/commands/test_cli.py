"""The authoring and headless commands, through ``wargame.cli.main``: exit codes and what they print."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from tests.support import ROOT, run_cli
from wargame import catalog
from wargame.ai import doctrine_names
from wargame.ai.autoplay import play_to_end
from wargame.cli import main
from wargame.engine import Game
from wargame.engine.phases import crisis_machine, turn_machine
from wargame.scenario.loader import check_scenario, load_scenario

TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
CUBAN = ROOT / "scenarios" / "cuban-missile-crisis.yaml"
WARNING_ONLY = """\
id: quiet
title: Quiet
summary: A trigger that can never fire is a warning, not an error.
actors:
  - {id: east, name: Eastland}
  - {id: west, name: Westland, role: mediator}
triggers:
  - {id: never, chance: 0, news: Never.}
"""


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """Run from an empty folder with an empty user folder: only the shipped scenarios are known."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user-data"))
    return work


# ------------------------------------------------------------------ validate


def test_validate_shipped_scenarios(capsys):
    paths = sorted(str(p) for p in (ROOT / "scenarios").glob("*.yaml"))
    status, out, _ = run_cli(capsys, "validate", *paths)
    assert status == 0
    for path in paths:
        assert f"{path}: valid, scenario '" in out
    assert "error:" not in out


def test_validate_by_name_from_anywhere(elsewhere, capsys):
    status, out, _ = run_cli(capsys, "validate", "tutorial", "cuban_missile_crisis")
    assert status == 0
    assert out.count(": valid, scenario '") == 2


def test_validate_warnings_still_exit_zero(tmp_path, capsys):
    path = tmp_path / "quiet.yaml"
    path.write_text(WARNING_ONLY)
    status, out, _ = run_cli(capsys, "validate", str(path))
    assert status == 0
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    assert any(line.startswith(f"{path}:8:25: warning: ") and "can never fire" in line for line in warnings)
    assert out.splitlines()[-1] == f"{path}: valid, scenario 'quiet' (0 errors, {len(warnings)} warnings)"


def test_validate_mixed_files_reports_each_and_exits_one(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nsummary: s\nturns: 99\nactors: [{id: a, name: A}, {id: b, name: B}]\n")
    status, out, _ = run_cli(capsys, "validate", str(TUTORIAL), str(bad))
    assert status == 1
    lines = out.splitlines()
    assert f"{bad}:4:8: error: turns: input should be at most 60" in lines
    assert f"{TUTORIAL}: valid, scenario 'tutorial' (0 errors, 0 warnings)" in lines
    assert lines[-1] == f"{bad}: invalid (1 error, 0 warnings)"


def test_validate_missing_file_and_unknown_name(elsewhere, capsys):
    status, out, _ = run_cli(capsys, "validate", "nowhere.yaml", "tutorail")
    assert status == 1
    assert "nowhere.yaml: error: no such file" in out
    assert "tutorail: error: no scenario of that name (did you mean 'tutorial'?)" in out
    assert out.count("invalid (not found)") == 2


def test_validate_without_paths_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["validate"])
    assert stop.value.code == 2
    assert "PATH" in capsys.readouterr().err


def test_entry_point_exit_codes(tmp_path):
    """The real program: usage errors exit 2, user errors 1 with one line and no traceback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    usage = subprocess.run([sys.executable, "-m", "wargame", "validate"], capture_output=True, text=True, env=env)
    assert usage.returncode == 2
    missing = subprocess.run([sys.executable, "-m", "wargame", "run", str(tmp_path / "gone.yaml")],
                             capture_output=True, text=True, env=env)
    assert missing.returncode == 1
    assert missing.stderr == f"wargame: error: {tmp_path / 'gone.yaml'}: no such file\n"


# ------------------------------------------------------------------ catalog and list


def test_catalog_precedence_local_then_user_then_bundled(elsewhere, tmp_path):
    local = elsewhere / "scenarios"
    local.mkdir()
    shutil.copy(TUTORIAL, local / "tutorial.yaml")
    user = catalog.user_dir()
    user.mkdir(parents=True)
    shutil.copy(CUBAN, user / "cuban-missile-crisis.yaml")
    assert catalog.resolve("tutorial") == Path("scenarios/tutorial.yaml").absolute()
    assert catalog.resolve("Cuban_Missile_Crisis") == user / "cuban-missile-crisis.yaml"
    bundled = catalog.bundled_dir()
    assert bundled is not None and (bundled / "tutorial.yaml").is_file()
    origins = {(e.name, e.origin) for e in catalog.entries()}
    assert {("tutorial", "local"), ("cuban-missile-crisis", "user"), ("tutorial", "bundled")} <= origins


def test_catalog_paths_are_never_searched(elsewhere):
    with pytest.raises(catalog.ScenarioNotFound, match="no such file"):
        catalog.resolve("scenarios/tutorial.yaml")  # looks like a path: not looked up by name
    with pytest.raises(catalog.ScenarioNotFound, match="not a file"):
        catalog.resolve(str(elsewhere) + "/")


def test_list_shows_good_and_broken_scenarios(elsewhere, capsys):
    user = catalog.user_dir()
    user.mkdir(parents=True)
    shutil.copy(TUTORIAL, user / "my-copy.yaml")
    (user / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    status, out, _ = run_cli(capsys, "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "TITLE", "ACTORS", "TURNS", "DIFFICULTY", "PATH"]
    assert any(line.startswith("broken ") and "(does not load: 3:1:" in line for line in lines)
    copy = next(line for line in lines if line.startswith("my-copy "))
    assert "Tutorial: The Tessel Bridge Incident" in copy and "kestria, dornland" in copy and " 7 " in copy

    status, out, _ = run_cli(capsys, "list", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["broken"]["origin"] == "user" and rows["broken"]["errors"] >= 1 and "error" in rows["broken"]
    assert rows["my-copy"]["actors"] == ["kestria", "dornland"] and rows["my-copy"]["turns"] == 7
    assert rows["tutorial"]["origin"] == "bundled" and rows["tutorial"]["difficulty"] == "tutorial"
    assert rows["cuban-missile-crisis"]["id"] == "cuban_missile_crisis"


# ------------------------------------------------------------------ new


@pytest.mark.parametrize("actors", [2, 3, 4])
def test_new_skeleton_validates_cleanly_and_plays_to_an_end(elsewhere, capsys, actors):
    status, out, _ = run_cli(capsys, "new", "border-dispute", "--actors", str(actors))
    assert status == 0
    path = elsewhere / "scenarios" / "border-dispute.yaml"
    assert f"wrote {Path('scenarios') / 'border-dispute.yaml'}" in out
    loaded, diagnostics = check_scenario(path)
    assert [str(d) for d in diagnostics] == []
    assert loaded.id == "border_dispute" and len(loaded.actor_ids) == actors
    assert "#" in path.read_text()  # commented
    for doctrine in doctrine_names():
        for seed in range(3):
            game = play_to_end(Game(loaded, seed), {a: doctrine for a in loaded.actor_ids})
            assert game.is_over() and game.outcome.turn <= loaded.spec.turns
    assert main(["validate", "border-dispute"]) == 0  # found by name in ./scenarios


def test_new_refuses_to_overwrite(elsewhere, capsys):
    target = elsewhere / "mine.yaml"
    target.write_text("precious\n")
    status, _, err = run_cli(capsys, "new", "mine", "-o", str(target))
    assert status == 1
    assert "already exists" in err
    assert target.read_text() == "precious\n"


def test_new_schema_line_points_at_the_repo_schema(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "x.yaml"
    assert main(["new", "x", "-o", str(target)]) == 0
    first = target.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (target.parent / first.split("=", 1)[1]).resolve() == ROOT / "docs" / "scenario.schema.json"


@pytest.mark.parametrize("name, message", [
    ("a/b", "NAME is a name, not a path"), ("123", "cannot become a scenario id"),
    ("-rf", "NAME cannot start with '-'"), (".hidden", "NAME cannot start with '.'"),
])
def test_new_rejects_bad_names(elsewhere, capsys, name, message):
    status, _, err = run_cli(capsys, "new", "--", name)
    assert status == 1 and message in err
    assert not (elsewhere / "scenarios").exists() or not any((elsewhere / "scenarios").iterdir())


def test_new_writes_all_or_nothing(elsewhere, capsys, monkeypatch):
    def fail(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", fail)
    status, _, err = run_cli(capsys, "new", "full")
    assert status == 1 and "No space left on device" in err and len(err.strip().splitlines()) == 1
    assert list((elsewhere / "scenarios").iterdir()) == []


def test_new_actor_count_is_bounded(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["new", "x", "--actors", "5"])
    assert stop.value.code == 2


# ------------------------------------------------------------------ run


def test_run_prints_a_full_account(capsys):
    status, out, _ = run_cli(capsys, "run", str(CUBAN), "--seed", "7")
    assert status == 0
    game = play_to_end(Game(load_scenario(CUBAN), 7))
    assert out.splitlines()[0] == "The Cuban Missile Crisis — seed 7"
    assert out.count("── Day ") == len(game.history)
    misreads = sum(p.misread for record in game.history for p in record.perceptions)
    assert out.count("⚠ misread") == misreads
    for record in game.history:
        for actor, order in record.orders.items():
            assert f"    {actor}: {game.scenario.moves[order.move].name}" in out
    for trigger in game.fired:
        assert f"trigger {trigger}: " in out
    assert f"Outcome: {game.outcome.kind.upper()} on turn {game.outcome.turn}" in out
    for actor, score in game.outcome.scores:
        assert any(line.split()[:2] == [actor, f"{score:+d}"] for line in out.splitlines())


def test_run_is_reproducible_and_prints_a_chosen_seed(capsys):
    first = run_cli(capsys, "run", "tutorial", "--seed", "3")[1]
    assert run_cli(capsys, "run", "tutorial", "--seed", "3")[1] == first
    status, out, _ = run_cli(capsys, "run", "tutorial")
    seed = out.splitlines()[0].split("--seed ")[1].rstrip(")")
    assert status == 0 and run_cli(capsys, "run", "tutorial", "--seed", seed)[1].splitlines()[1:] == out.splitlines()[1:]


def test_run_save_writes_a_replayable_save(tmp_path, capsys):
    from wargame.saves import load_game

    target = tmp_path / "games" / "t.json"
    status, out, _ = run_cli(capsys, "run", "tutorial", "--seed", "5", "--save", str(target))
    assert status == 0 and f"saved to {target}" in out
    restored = load_game(target)
    assert restored.outcome == play_to_end(Game(load_scenario(TUTORIAL), 5)).outcome


def test_run_unknown_scenario_is_one_line(elsewhere, capsys):
    status, out, err = run_cli(capsys, "run", "cuban")
    assert status == 1 and out == ""
    assert err.startswith("wargame: error: cuban: no scenario of that name") and err.count("\n") == 1


# ------------------------------------------------------------------ simulate


def test_simulate_json_is_the_same_whatever_the_worker_count(capsys):
    one = json.loads(run_cli(capsys, "simulate", "tutorial", "--runs", "12", "--seed", "4", "--json")[1])
    two = json.loads(run_cli(capsys, "simulate", "tutorial", "--runs", "12", "--seed", "4", "--workers", "2",
                             "--json")[1])
    assert one == two
    assert one["format"] == 1 and one["runs"] == 12 and one["seed"] == 4
    assert list(one["outcomes"]) == ["settled", "defused", "stalemate", "capitulation", "war"]
    assert sum(row["count"] for row in one["outcomes"].values()) == 12
    tutorial = load_scenario(TUTORIAL)
    assert list(one["triggers"]) == [t.id for t in tutorial.spec.triggers]
    assert set(one["red_lines"]) == {line.id for a in tutorial.spec.actors for line in a.red_lines}
    assert set(one["scores"]) == set(tutorial.actor_ids)
    assert 1 <= one["turns"]["min"] <= one["turns"]["mean"] <= one["turns"]["max"] <= tutorial.spec.turns


def test_simulate_json_has_exactly_the_documented_fields(capsys):
    """docs/cli.md pins the --json structure: per-game data (such as the moves) stays out of it."""
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc.split("### `wargame simulate --json`", 1)[1].split("\n### ", 1)[0]
    table = [line for line in section.splitlines() if line.startswith("| `")]
    documented = {name for line in table for name in re.findall(r"`(\w+)`", line.split("|")[1])}
    report = json.loads(run_cli(capsys, "simulate", "tutorial", "--runs", "2", "--json")[1])
    assert set(report) == documented
    assert "moves" not in json.dumps(report)


def test_simulate_matches_games_played_one_by_one(capsys):
    from wargame.simulation import game_seed

    report = json.loads(run_cli(capsys, "simulate", "tutorial", "--runs", "6", "--seed", "9", "--json")[1])
    scenario = load_scenario(TUTORIAL)
    games = [play_to_end(Game(scenario, game_seed(9, i))) for i in range(6)]
    for kind, row in report["outcomes"].items():
        assert row["count"] == sum(g.outcome.kind == kind for g in games)
    assert report["peak_rung"]["max"] == max(g.peak for g in games)
    for trigger, count in report["triggers"].items():
        assert count == sum(trigger in g.fired for g in games)


def test_simulation_is_the_same_under_the_spawn_start_method(monkeypatch):
    """macOS and Windows start workers with spawn: each loads the scenario from its text, same results."""
    import multiprocessing

    from wargame import pool, simulation

    scenario = load_scenario(TUTORIAL)
    forked = simulation.simulate(scenario, 8, seed=2, workers=2).to_dict()
    monkeypatch.setattr(pool, "context", lambda: multiprocessing.get_context("spawn"))
    assert simulation.simulate(scenario, 8, seed=2, workers=2).to_dict() == forked
    assert simulation.simulate(scenario, 8, seed=2, workers=1).to_dict() == forked


def test_simulate_text_has_no_progress_bar_when_piped(capsys):
    status, out, err = run_cli(capsys, "simulate", "cuban-missile-crisis", "--runs", "5", "--workers", "2")
    assert status == 0 and err == ""
    assert "\r" not in out and "\x1b" not in out
    assert out.startswith("The Cuban Missile Crisis: 5 games, seed 0\n")
    for heading in ("Outcomes:", "Length:", "Peak rung:", "Red lines", "Triggers", "Scores"):
        assert heading in out


def test_simulate_doctrine_override_is_checked(capsys):
    status, _, err = run_cli(capsys, "simulate", "tutorial", "--runs", "2", "--doctrine", "kestira=hawk")
    assert status == 1 and "unknown actor 'kestira' (did you mean 'kestria'?)" in err
    status, out, _ = run_cli(capsys, "simulate", "tutorial", "--runs", "2", "--doctrine", "kestria=hawk")
    assert status == 0 and "doctrines: kestria=hawk" in out


# ------------------------------------------------------------------ graph


def test_graph_draws_every_transition_of_both_machines(capsys):
    status, out, _ = run_cli(capsys, "graph")
    assert status == 0
    assert out.count("```mermaid") == 2
    machine = turn_machine()
    for name, event in machine.events.items():
        for source, transitions in event.transitions.items():
            for t in transitions:
                assert f'  s_{source} -->|"{name}' in out and f"| s_{t.dest}\n" in out
    ladder = load_scenario(TUTORIAL).ladder
    crisis = crisis_machine(tuple(b.id for b in ladder.bands))
    for state in crisis.states:
        assert f"s_{state}" in out
    for band in ladder.bands[:-1]:
        assert band.name in out


def test_graph_dependencies_of_a_scenario(capsys):
    status, out, _ = run_cli(capsys, "graph", "tutorial", "--only", "dependencies")
    assert status == 0 and out.startswith("flowchart LR\n") and "```" not in out
    assert 'move_quiet_dialogue -->|"played"| trigger_fishermen_detained' in out
    assert 'red_line_troops_on_bridge -.->|"answered by"| move_show_of_force' in out
    assert 'term_no_new_deployments -.->|"forbids"| move_mobilisation' in out
    assert 'term_pull_back_patrols -->|"agreed"| settlement_settlement' in out


def test_graph_dot_output(tmp_path, capsys):
    target = tmp_path / "g.dot"
    assert main(["graph", str(CUBAN), "--format", "dot", "-o", str(target)]) == 0
    text = target.read_text()
    assert text.count("digraph ") == 3 and text.count("{") == text.count("}")
    assert 'ltail="cluster_live"' in text


def test_graph_dependencies_need_a_scenario(capsys):
    status, _, err = run_cli(capsys, "graph", "--only", "dependencies")
    assert status == 1 and "needs a SCENARIO" in err


# ------------------------------------------------------------------ README and CI


def test_readme_quick_start_and_command_table():
    """The two quick-start commands are there verbatim, and every command of the program is in the table."""
    from wargame.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = readme.splitlines()
    assert "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/wargame" in lines
    assert "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q" in lines
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    for name in commands:
        assert f"| `wargame {name}" in readme, f"README's command table lacks '{name}'"


def test_ci_script_runs_the_readme_test_command():
    """.ci/run finds the README's test line (same pattern) and runs it as written."""
    import re

    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in script
    assert "export TEXTUAL_ANIMATIONS=none" in script
    pattern = re.search(r'grep -m1 -E "(.+?)" "\$ROOT/README.md"', script).group(1).replace("\\\\", "\\")
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    matches = [line for line in readme if re.search(pattern, line)]
    assert matches[0] == "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


@pytest.mark.parametrize("command", [["schema"], ["graph", "--only", "turn"]])
def test_an_output_file_that_cannot_be_written_is_one_line_and_exit_1(command, tmp_path, capsys):
    target = tmp_path / "missing-folder" / "out.txt"
    assert main([*command, "-o", str(target)]) == 1
    assert capsys.readouterr().err.strip() == f"wargame: error: cannot write {target}: No such file or directory"
    assert main([*command, "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8")
