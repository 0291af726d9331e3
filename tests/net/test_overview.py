"""The host's terminal: one table of every game, as it moves."""

from __future__ import annotations

import io

from rich.console import Console

from wargame.net.overview import overview


def shown(classroom) -> str:
    console = Console(record=True, width=120, file=io.StringIO())
    console.print(overview(classroom))
    return console.export_text()


def rows(classroom) -> dict[str, list[str]]:
    """Each game's cells, by game number."""
    table = {}
    for line in shown(classroom).splitlines():
        cells = [cell.strip() for cell in line.strip().split("│")[1:-1]]
        if cells and cells[0].isdigit():
            table[cells[0]] = cells
    return table


def test_each_game_has_its_turn_phase_rung_and_the_teams_it_waits_for(classroom):
    before = rows(classroom)
    assert set(before) == {"1", "2"}
    assert before["1"][1:4] == ["1/7", "briefing", str(classroom.tables[1].game.rung)]
    assert before["1"][5] == "kestria, dornland"
    classroom.tables[1].mark_ready("kestria", "briefing")
    after = rows(classroom)
    assert after["1"][5] == "dornland" and after["2"][5] == "kestria, dornland"  # only game 1 moved


def test_a_game_that_is_over_shows_its_outcome(classroom):
    from wargame.engine import End

    table = classroom.tables[2]
    table.game.apply(End("stalemate", None, "the bell rang"))
    row = rows(classroom)["2"]
    assert row[2] == "over" and row[4] == "stalemate" and row[5] == ""
