"""``wargame debrief --class DIR``: every game of a class folder compared in one report, each game's own beside it."""

from __future__ import annotations

import pytest

from tests.support import ROOT, play_turn, run_cli
from wargame import saves
from wargame.ai.autoplay import play_to_end
from wargame.engine import Game, actor_view
from wargame.net.codes import write_codes
from wargame.scenario.loader import load_scenario


def other_move(game: Game, actor: str) -> tuple[str, str | None]:
    """A move other than holding position, available to ``actor`` now."""
    option = next(o for o in actor_view(game, actor).options if o.available and o.move.id != "hold_position")
    return option.move.id, (option.targets[0] if option.targets else None)


@pytest.fixture(scope="module")
def games():
    """Two games of one seed that part on turn 2 (Kestria holds in one, moves in the other), played to the end."""
    scenario = load_scenario(ROOT / "scenarios" / "tutorial.yaml")
    first, second = Game(scenario, 11), Game(scenario, 11)
    for game in (first, second):
        play_turn(game)
    play_turn(first)
    play_turn(second, kestria=other_move(second, "kestria"))
    return [play_to_end(first), play_to_end(second)]


@pytest.fixture
def folder(games, tmp_path):
    """A class folder as ``wargame host`` leaves it: codes.json and a save per game."""
    folder = tmp_path / "class"
    folder.mkdir()
    rows = []
    for number, game in enumerate(games, 1):
        saves.save_game(game, folder / f"tutorial-g{number}.json")
        rows.append({"game": number, "save": f"tutorial-g{number}.json", "humans": ["kestria"]})
    write_codes(folder, "tutorial", rows, [])
    return folder


def reports_in(folder):
    return sorted(folder.glob("class-debrief-*.md"))


def test_the_class_report_compares_outcomes_rungs_and_where_the_games_parted(folder, games, capsys):
    status, out, err = run_cli(capsys, "debrief", "--class", str(folder))
    assert status == 0 and err == ""
    [report] = reports_in(folder)
    text = report.read_text()
    for heading in ("# Class debrief: Tutorial", "## Outcomes", "## The ladder, turn by turn",
                    "## Where the games diverged", "## Turning points", "## Questions for the class"):
        assert heading in text
    for number, game in enumerate(games, 1):
        kind = game.outcome.kind
        assert f"| {number} | 11 | {kind}" in text  # each game's outcome in its row
        assert (folder / f"tutorial-g{number}-debrief.md").exists()  # and its own report beside it
        assert f"wrote {folder / f'tutorial-g{number}-debrief.md'}" in out
    assert "The games first differ on turn 2" in text
    kestria = games[0].scenario.actor("kestria").name
    assert f"- game 1: {kestria}: hold position;" in text  # how they differed, game by game
    assert f"- game 2: {kestria}: hold position;" not in text
    assert "All games share one seed" in text
    assert f"wrote {report}" in out


def test_a_second_run_writes_a_new_report_and_keeps_the_games_own(folder, capsys):
    run_cli(capsys, "debrief", "--class", str(folder))
    own = folder / "tutorial-g1-debrief.md"
    own.write_text("the instructor's notes\n")
    status, out, _ = run_cli(capsys, "debrief", "--class", str(folder))
    assert status == 0 and len(reports_in(folder)) == 2  # never over the first one
    assert own.read_text() == "the instructor's notes\n" and str(own) not in out


def test_a_corrupt_save_is_named_and_the_other_games_are_still_reported(folder, capsys):
    (folder / "tutorial-g2.json").write_text("{ not a save")
    status, _, err = run_cli(capsys, "debrief", "--class", str(folder))
    assert status == 1
    assert err.startswith("wargame: error: game 2 (tutorial-g2.json): ") and len(err.splitlines()) == 1
    text = reports_in(folder)[0].read_text()
    assert "| 1 | 11 |" in text and "| 2 | 11 |" not in text
    assert "Left out (the save could not be read):" in text and "game 2 (tutorial-g2.json)" in text


def test_a_folder_that_is_not_a_class_folder_is_one_clear_error(tmp_path, capsys):
    status, out, err = run_cli(capsys, "debrief", "--class", str(tmp_path))
    assert status == 1 and out == ""
    assert err == f"wargame: error: {tmp_path} is not a class folder (no codes.json)\n"


def test_class_takes_no_save_or_html(folder, capsys):
    status, _, err = run_cli(capsys, "debrief", "x.json", "--class", str(folder))
    assert status == 1 and "--class DIR writes a Markdown report" in err
