"""Save files: versioned, atomic, replayable decision logs.

A save is the scenario (embedded, with its sha256), the seed and every
decision; loading replays them through the rules, so a save always
reproduces its game and a tampered one is refused. See ``fileformat`` for
the layout, ``model`` for what reading checks (and the JSON Schema),
``problems`` for how a misfit reads, ``atomic`` for crash safety and
``migrate`` for older formats.
"""

from wargame.saves.atomic import atomic_write
from wargame.saves.fileformat import MAX_BYTES
from wargame.saves.folder import ENV_VAR, find_save, saves_dir
from wargame.saves.listing import SaveSummary, list_saves, read_summary
from wargame.saves.migrate import FORMAT_VERSION
from wargame.saves.model import SaveFile
from wargame.saves.replay import ReplayMismatch, fork_game, replay, verify
from wargame.saves.store import autosave, autosave_path, load_game, read_save, save_bytes, save_game

__all__ = [
    "ENV_VAR", "FORMAT_VERSION", "MAX_BYTES", "ReplayMismatch", "SaveFile", "SaveSummary", "atomic_write",
    "autosave", "autosave_path", "find_save", "fork_game", "list_saves", "load_game", "read_save", "read_summary",
    "replay", "save_bytes", "save_game", "saves_dir", "verify",
]
