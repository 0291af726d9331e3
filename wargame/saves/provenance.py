"""What a save remembers about a game beyond its decisions: identity and branch.

A game keeps the same short id from its first save on; a fork gets a new
id and remembers its parent and turn. The game also remembers the file it
was loaded from and the file its autosaves go to, so that one sitting of a
game autosaves into one file. This lives in a weak registry beside the game rather than on the
engine's ``Game``, which knows nothing of files.
"""

from __future__ import annotations

import datetime as dt
import secrets
import weakref
from dataclasses import dataclass
from pathlib import Path

from wargame.engine.game import Game
from wargame.saves.model import Branch


@dataclass
class Provenance:
    game_id: str
    branch: Branch | None = None  # {"parent": id, "from_turn": N} for a counterfactual fork
    saved_at: str | None = None
    saved_decisions: int = -1  # length of the decision log when saved_at was taken
    loaded_from: Path | None = None  # the file the game was loaded from, if any
    loaded_decisions: int = -1  # length of the decision log when loaded
    autosave_to: Path | None = None  # the file this game's autosaves go to, once the first is written


_REGISTRY: weakref.WeakKeyDictionary[Game, Provenance] = weakref.WeakKeyDictionary()


def new_id() -> str:
    """A short id for a new game; chance here never touches the game's own generator."""
    return secrets.token_hex(4)


def of(game: Game) -> Provenance:
    """The game's provenance, giving it a fresh id on first use."""
    info = _REGISTRY.get(game)
    if info is None:
        info = _REGISTRY[game] = Provenance(new_id())
    return info


def remember(game: Game, info: Provenance) -> None:
    _REGISTRY[game] = info


def stamp(game: Game, saved_at: str | None) -> str:
    """The ``saved_at`` to write: the given one, the kept one if nothing happened since, or now."""
    info = of(game)
    if saved_at is None:
        if info.saved_at is not None and info.saved_decisions == len(game.decisions):
            saved_at = info.saved_at
        else:
            saved_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    info.saved_at, info.saved_decisions = saved_at, len(game.decisions)
    return saved_at
