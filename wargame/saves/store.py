"""Saving, loading and autosaving games as files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from wargame.engine.game import Game
from wargame.errors import SaveError
from wargame.saves import fileformat, provenance
from wargame.saves.atomic import atomic_create, atomic_write
from wargame.saves.model import SaveFile
from wargame.saves.names import check_safe_name, file_stem
from wargame.saves.replay import restore

MAX_TRIES = 1000
"""Most numbered names tried for a new file before giving up."""


def save_bytes(game: Game, saved_at: str | None = None, players: Sequence[str] | None = None) -> bytes:
    """The save of ``game`` as bytes (``saved_at`` kept from the last save when nothing changed since).

    ``players``: the actors people play, recorded so that resuming seats them again.
    """
    info = provenance.of(game)
    stamp = provenance.stamp(game, saved_at)
    data = fileformat.save_data(
        game, game_id=info.game_id, branch=info.branch, saved_at=stamp, players=None if players is None else tuple(players)
    )
    return fileformat.encode(data)


def save_game(game: Game, path: str | Path, saved_at: str | None = None, players: Sequence[str] | None = None) -> Path:
    """Write the game's save to ``path`` atomically (the folder must exist)."""
    return atomic_write(path, save_bytes(game, saved_at, players))


def write_new(folder: str | Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to a new file ``STEM.SUFFIX`` in ``folder`` (created), or ``STEM-2.SUFFIX``... when taken.

    Never overwrites: the name is claimed by an exclusive create, so two
    teams writing at the same minute into one shared folder get two files.
    """
    folder = make_folder(folder)
    for number in range(1, MAX_TRIES + 1):
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        if path.exists():
            continue
        try:
            return atomic_create(path, data)
        except FileExistsError:
            continue
    raise SaveError(f"cannot write {stem}{suffix} in {folder}: {MAX_TRIES} files of that name exist")


def free_path(folder: str | Path, stem: str, suffix: str) -> Path:
    """The first of ``STEM.SUFFIX``, ``STEM-2.SUFFIX``... not taken in ``folder`` now (a suggestion: not claimed)."""
    folder = Path(folder)
    for number in range(1, MAX_TRIES + 1):
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        if not path.exists():
            return path
    return folder / f"{stem}-{provenance.new_id()}{suffix}"


def same_folder(path: Path, folder: str | Path) -> bool:
    """Whether ``path`` is a file directly in ``folder``, however either is spelt."""
    try:
        return path.parent.resolve() == Path(folder).resolve()
    except OSError:
        return False


def make_folder(folder: str | Path) -> Path:
    """``folder``, created if needed; a refusal is a one-line ``SaveError``."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(f"cannot create the saves folder {folder}: {error.strerror or error}") from None
    return folder


def read_save(path: str | Path) -> SaveFile:
    """Parse and check a save file without replaying it."""
    path = Path(path)
    return fileformat.decode(fileformat.read_bytes(path), str(path))


def load_game(path: str | Path) -> Game:
    """The game a save file holds, rebuilt by replaying its decisions."""
    return loaded(restore(read_save(path)), path)


def loaded(game: Game, path: str | Path) -> Game:
    """Remember that ``game`` was just loaded from ``path`` (see ``autosave``)."""
    info = provenance.of(game)
    info.loaded_from, info.loaded_decisions = Path(path), len(game.decisions)
    return game


def autosave_path(game: Game, folder: str | Path) -> Path | None:
    """The file in ``folder`` that the game's autosaves go to: None until the first is written."""
    path = provenance.of(game).autosave_to
    return path if path is not None and same_folder(path, folder) else None


def autosave(game: Game, folder: str | Path, players: Sequence[str] | None = None, now: dt.datetime | None = None) -> Path:
    """Save the game into ``folder`` (created if needed); called after every turn.

    The first autosave of a game (new, loaded or forked) claims a new file
    named for the scenario, the ``players`` and the local time ``now``
    (``names.file_stem``; ``-2``... when taken), and later ones overwrite
    it, so one sitting of a game is one file and no other file is ever
    overwritten. A game loaded and not played since is already saved: its
    file is returned as it is.
    """
    check_safe_name(provenance.of(game).game_id)  # it comes from a save; what we write must load again
    info = provenance.of(game)
    folder = make_folder(folder)
    if (path := autosave_path(game, folder)) is not None:
        return save_game(game, path, players=players)
    source = info.loaded_from
    if source is not None and same_folder(source, folder) and info.loaded_decisions == len(game.decisions) and source.is_file():
        return source
    when = (now or dt.datetime.now()).astimezone()
    stem = file_stem(game.scenario.id, players, when)
    info.autosave_to = write_new(folder, stem, ".json", save_bytes(game, players=players))
    return info.autosave_to
