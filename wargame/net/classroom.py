"""A class: several games of one scenario, their codes, and the folder that keeps them.

``new_class`` seats the teams, draws the codes and writes every game's
first save and ``codes.json`` before anyone connects; ``resume_class``
rebuilds the same tables from that folder (each save replayed by the rules,
the same codes), so a host stopped mid-game starts again where it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from wargame.errors import WargameError
from wargame.net.codes import FACILITATOR, Code, new_code, normalize, read_codes, write_codes
from wargame.net.seats import seat_sides
from wargame.net.table import Table


@dataclass
class Classroom:
    """The tables of a class and the code that opens each seat (``side`` is a side or ``facilitator``)."""

    folder: Path
    tables: dict[int, Table]
    codes: list[Code]

    def seat_of(self, code: str) -> tuple[Table, str] | None:
        """The table and side a code opens, or None (the same None whether or not the game exists)."""
        wanted = normalize(code)
        for entry in self.codes:
            if entry.code == wanted:
                return self.tables[entry.game], entry.side
        return None


def new_class(scenario, games: int, humans: tuple[str, ...], seed: int, folder: Path | None = None,
              saves_root: Path | None = None) -> Classroom:
    """``games`` new games of ``scenario`` (seeds ``seed``, ``seed+1``...), saved in a new class folder."""
    from wargame.engine import Game
    from wargame.saves.names import slug
    from wargame.saves.store import make_folder

    if not 1 <= games <= 50:
        raise WargameError("--games takes a number from 1 to 50")
    for side in humans:
        if side not in scenario.actor_ids:
            raise WargameError(f"no actor '{side}' in {scenario.spec.title} (actors: {', '.join(scenario.actor_ids)})")
    if folder is None:
        from wargame.saves import saves_dir

        when = dt.datetime.now().astimezone().strftime("%Y-%m-%d-%H%M")
        folder = _free_folder(saves_dir(saves_root), f"class-{slug(scenario.id) or 'game'}-{when}")
    elif folder.exists() and any(folder.iterdir()):
        raise WargameError(f"{folder} is not empty: give a new folder, or --resume {folder}")
    make_folder(folder)
    tables, codes, rows = {}, [], []
    for number in range(1, games + 1):
        save = f"{slug(scenario.id) or 'game'}-g{number}.json"
        game = Game(scenario, seed + number - 1)
        table = Table(number, game, seat_sides(game.actor_ids, humans), folder / save, humans)
        table.start()
        table.save()
        tables[number] = table
        rows.append({"game": number, "save": save, "humans": list(humans)})
        codes += [new_code(number, side) for side in (*humans, FACILITATOR)]
    write_codes(folder, scenario.id, rows, codes)
    return Classroom(folder, tables, codes)


def resume_class(folder: Path) -> Classroom:
    """The class in ``folder`` where it was: every save replayed, the same codes."""
    from wargame.saves import read_save
    from wargame.saves.replay import restore

    games, codes = read_codes(folder)
    tables = {}
    for row in games:
        game = restore(read_save(folder / row["save"]))
        humans = tuple(row["humans"])
        seats = seat_sides(game.actor_ids, humans, game.decisions)  # as the facilitator last left them
        tables[row["game"]] = Table(row["game"], game, seats, folder / row["save"], humans)
    if any(code.game not in tables for code in codes):
        raise WargameError(f"{folder}: a code names a game the folder does not hold")
    return Classroom(folder, tables, codes)


def _free_folder(root: Path, stem: str) -> Path:
    path, n = root / stem, 2
    while path.exists():
        path, n = root / f"{stem}-{n}", n + 1
    return path
