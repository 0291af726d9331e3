"""Names that become file names: save ids, and the names of saves and reports.

A save is untrusted, and its ``id`` is written back into every later save of
the game; an id such as ``../../x`` or ``-rf`` would be trouble wherever it
became part of a path or a command line. A safe name is letters, digits,
``-`` and ``_``, starting with a letter or digit, at most ``MAX_LENGTH``
characters: no separators, no dots, nothing a shell or file system treats
specially.

Saves and reports are named for people telling them apart in a folder shared
by a class: the scenario, the sides people played and the local time, as in
``cuban-missile-crisis-usa-2026-12-07-1903``. Every part is reduced to
lower-case letters, digits and ``-`` (a long scenario id or list of sides
shortened), so the name needs no quoting anywhere and stays under 80 characters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from wargame.errors import SaveError

MAX_LENGTH = 64
SAFE_PATTERN = rf"^[A-Za-z0-9][A-Za-z0-9_-]{{0,{MAX_LENGTH - 1}}}$"
RULE = f"letters, digits, '-' and '_', starting with a letter or digit, at most {MAX_LENGTH} characters"

PART_LENGTH = 24
"""Most characters the scenario, and the sides, each take in a file name (the time takes 15)."""

NOBODY = "computers"
"""Stands for the sides in the name of a game nobody played (a facilitator watching the computers)."""


def is_safe_name(text: str) -> bool:
    """Whether ``text`` can be part of a file name in the saves folder as it is."""
    return re.fullmatch(SAFE_PATTERN, text) is not None


def check_safe_name(text: str, what: str = "a save's id") -> str:
    """``text`` when it is a safe name; else a ``SaveError`` saying why (the value shortened)."""
    if not is_safe_name(text):
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise SaveError(f"{what} must be a plain name ({RULE}), not {shown!r}")
    return text


def slug(text: str, limit: int = PART_LENGTH) -> str:
    """``text`` as lower-case letters, digits and single dashes, at most ``limit`` characters ("" when none is left)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:limit].strip("-")


def file_stem(scenario_id: str, sides: Sequence[str] | None, when: dt.datetime, extra: str = "") -> str:
    """``SCENARIO-SIDES[-EXTRA]-YYYY-MM-DD-HHMM``: what a save or report of this game is called, without suffix.

    ``sides`` are the actors people play (empty: nobody, the computers play
    alone; None: not known, and left out); ``when`` is shown as it is, so pass
    local time.
    """
    parts = [slug(scenario_id) or "game"]
    if sides is not None:
        parts.append(slug("-".join(sides)) or NOBODY)
    if extra:
        parts.append(slug(extra))
    parts.append(when.strftime("%Y-%m-%d-%H%M"))
    return "-".join(part for part in parts if part)
