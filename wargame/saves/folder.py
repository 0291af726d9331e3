"""Where saves live, and finding a save from what a user typed.

``saves/`` in the working directory when it exists (as in a checkout),
otherwise the user data folder; ``--saves-dir`` and ``WARGAME_SAVES``
override both, in that order.
"""

from __future__ import annotations

import os
from pathlib import Path

from wargame.errors import SaveError

ENV_VAR = "WARGAME_SAVES"
SUFFIX = ".json"


def saves_dir(override: str | Path | None = None) -> Path:
    """The saves folder to use now (not created here: writers create it)."""
    if override:
        return Path(override).expanduser()
    if env := os.environ.get(ENV_VAR, "").strip():
        return Path(env).expanduser()
    local = Path.cwd() / "saves"
    if local.is_dir():
        return local
    import platformdirs

    return Path(platformdirs.user_data_dir("wargame")) / "saves"


def find_save(name: str | Path, override: str | Path | None = None) -> Path:
    """A save named on the command line: a path, or a file name in the saves folder (``.json`` optional)."""
    path = Path(name).expanduser()
    if path.is_file():
        return path
    folder = saves_dir(override)
    for candidate in (folder / path.name, folder / (path.name + SUFFIX)):
        if path.parent == Path(".") and candidate.is_file():
            return candidate
    if path.exists():
        raise SaveError(f"{path} is not a file")
    raise SaveError(f"no save '{name}': not a file, and not in the saves folder {folder}")
