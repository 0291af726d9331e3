"""Where scenarios live, and how a name on the command line becomes a file.

Three folders are searched, in this order, so that a file of one's own can
stand in for a shipped one of the same name:

1. ``./scenarios`` in the working directory (a checkout, a classroom folder);
2. the user folder, ``platformdirs.user_data_dir("wargame")/scenarios``;
3. the scenarios shipped with the game: the package
   ``wargame.bundled_scenarios`` in an installed copy, or the checkout's
   top-level ``scenarios/`` folder in an editable install.

Anything that looks like a path (it has a folder part or a ``.yaml``/``.yml``
suffix, or names an existing file) is taken as a path and never searched for.
"""

from __future__ import annotations

import importlib.util
import warnings
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from wargame.errors import WargameError
from wargame.scenario.diagnostics import did_you_mean

SUFFIXES = (".yaml", ".yml")


class UnreadableFolder(UserWarning):
    """A scenario folder exists but cannot be read: its scenarios are left out, the rest still work."""


class ScenarioNotFound(WargameError, LookupError):
    """A scenario name or path that leads to no file; prints as ``target: reason``."""

    def __init__(self, target: str, reason: str):
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason


@dataclass(frozen=True)
class Entry:
    """One scenario file found in one of the folders."""

    name: str  # the file name without its suffix: what a user types
    path: Path
    origin: str  # local | user | bundled


def user_dir() -> Path:
    """The per-user scenario folder (it may not exist yet)."""
    return Path(platformdirs.user_data_dir("wargame")) / "scenarios"


def bundled_dir() -> Path | None:
    """The shipped scenarios: the installed package, else the checkout's folder, else None."""
    spec = importlib.util.find_spec("wargame.bundled_scenarios")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            if Path(location).is_dir():
                return Path(location)
    checkout = Path(__file__).resolve().parent.parent / "scenarios"
    return checkout if checkout.is_dir() else None


def folders() -> list[tuple[str, Path]]:
    """The folders searched, in order of precedence, that exist now."""
    candidates = [("local", Path.cwd() / "scenarios"), ("user", user_dir()), ("bundled", bundled_dir())]
    found, seen = [], set()
    for origin, folder in candidates:
        if folder is None or not _is_folder(origin, folder):
            continue
        key = folder.resolve()
        if key not in seen:  # in a checkout ./scenarios and the bundled folder are the same
            seen.add(key)
            found.append((origin, folder))
    return found


def entries() -> list[Entry]:
    """Every scenario file in every folder, by precedence then name (shadowed names included)."""
    found = []
    for origin, folder in folders():
        try:
            files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
        except OSError as error:
            _unreadable(origin, folder, error)
            continue
        found.extend(Entry(p.stem, p, origin) for p in files)
    return found


def _is_folder(origin: str, folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError as error:  # a parent folder that cannot be searched
        _unreadable(origin, folder, error)
        return False


def _unreadable(origin: str, folder: Path, error: OSError) -> None:
    """One line for the user; shown once per folder and reason by the ``warnings`` machinery."""
    warnings.warn(f"cannot read the {origin} scenarios folder {folder}: {error.strerror or error}; "
                  "its scenarios are left out", UnreadableFolder, stacklevel=2)


def looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or text.endswith(SUFFIXES) or Path(text).is_file()


def resolve(name_or_path: str) -> Path:
    """The file meant by ``name_or_path``, or ``ScenarioNotFound`` saying what exists."""
    if looks_like_path(name_or_path):
        path = Path(name_or_path)
        if path.is_file():
            return path
        if path.exists():
            raise ScenarioNotFound(name_or_path, "not a file")
        raise ScenarioNotFound(name_or_path, "no such file")
    wanted = _normal(name_or_path)
    for entry in entries():
        if _normal(entry.name) == wanted:
            return entry.path
    names = sorted({entry.name for entry in entries()})
    hint = did_you_mean(name_or_path, names)
    known = f"; known scenarios: {', '.join(names)}" if names and not hint else ""
    raise ScenarioNotFound(name_or_path, f"no scenario of that name{hint}{known} (or give the path of a .yaml file)")


def _normal(name: str) -> str:
    """Names match regardless of case and of ``-`` versus ``_`` (file names use one, ids the other)."""
    return name.lower().replace("_", "-")
