"""The host's terminal: one live table of every game of the class.

When ``wargame host`` runs in a terminal, the instructor sees each game's
turn, phase, rung, outcome, the teams it waits for, its clock and who holds
each side, redrawn whenever a game moves. Piped into a file or a script, it
prints one line per change instead (``Table.summary``). A game's full white
cell opens with its facilitator code (``wargame join``, or a browser page).

Sides' names come from the scenario file: they reach the terminal as plain
text, never as markup or control characters.
"""

from __future__ import annotations

from rich.table import Table as RichTable
from rich.text import Text

from wargame.safe_text import printable
from wargame.tui.clock_words import clock_words


def overview(classroom) -> RichTable:
    """The class at a glance, one row per game."""
    grid = RichTable(title="wargame host: the class", title_justify="left", expand=False)
    for column in ("game", "turn", "phase", "rung", "outcome", "waiting for", "clock", "computer plays"):
        grid.add_column(column, no_wrap=column in ("game", "turn", "rung"))
    for number, table in sorted(classroom.tables.items()):
        game = table.game
        over = game.is_over()
        outcome = (game.outcome.kind if game.outcome else "ended") if over else ""
        status = table.status()
        computers = [side for side, holder in status["seats"].items() if holder == "computer"]
        waiting = "" if over else ", ".join(table.waiting_for()) or "nobody"
        cells = (str(number), f"{game.turn}/{game.scenario.spec.turns}", "over" if over else table.phase, str(game.rung), outcome,
                 waiting, clock_words(status["clock"], 0.0, status["paused"]), ", ".join(computers))
        grid.add_row(*(Text(printable(cell)) for cell in cells),
                     style="bold" if waiting and waiting != "nobody" else None)
    return grid
