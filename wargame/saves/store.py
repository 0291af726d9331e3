"""Saving, loading and autosaving games as files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from wargame.engine.game import Game
from wargame.errors import SaveError
from wargame.saves import fileformat, provenance
from wargame.saves.atomic import atomic_write
from wargame.saves.model import SaveFile
from wargame.saves.names import check_safe_name
from wargame.saves.replay import restore


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


def read_save(path: str | Path) -> SaveFile:
    """Parse and check a save file without replaying it."""
    path = Path(path)
    return fileformat.decode(fileformat.read_bytes(path), str(path))


def load_game(path: str | Path) -> Game:
    """The game a save file holds, rebuilt by replaying its decisions."""
    return restore(read_save(path))


def autosave_path(game: Game, folder: str | Path) -> Path:
    """One file per game: scenario id, seed and the game's short id (the id checked: it comes from a save, the rest is validated)."""
    return Path(folder) / f"{game.scenario.id}-{game.seed}-{check_safe_name(provenance.of(game).game_id)}.json"


def autosave(game: Game, folder: str | Path, players: Sequence[str] | None = None) -> Path:
    """Save the game into ``folder`` (created if needed) under its own name; called after every turn."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(f"cannot create the saves folder {folder}: {error.strerror or error}") from None
    return save_game(game, autosave_path(game, folder), players=players)
