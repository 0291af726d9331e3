"""Names that become file names: a save's id names its autosave file, so it must be a plain name.

A save is untrusted, and its ``id`` ends up in ``autosave_path``; an id such
as ``../../x`` or ``-rf`` would write outside the saves folder or read as an
option. A safe name is letters, digits, ``-`` and ``_``, starting with a
letter or digit, at most ``MAX_LENGTH`` characters: no separators, no dots,
nothing a shell or file system treats specially.
"""

from __future__ import annotations

import re

from wargame.errors import SaveError

MAX_LENGTH = 64
SAFE_PATTERN = rf"^[A-Za-z0-9][A-Za-z0-9_-]{{0,{MAX_LENGTH - 1}}}$"
RULE = f"letters, digits, '-' and '_', starting with a letter or digit, at most {MAX_LENGTH} characters"


def is_safe_name(text: str) -> bool:
    """Whether ``text`` can be part of a file name in the saves folder as it is."""
    return re.fullmatch(SAFE_PATTERN, text) is not None


def check_safe_name(text: str, what: str = "a save's id") -> str:
    """``text`` when it is a safe name; else a ``SaveError`` saying why (the value shortened)."""
    if not is_safe_name(text):
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise SaveError(f"{what} must be a plain name ({RULE}), not {shown!r}")
    return text
