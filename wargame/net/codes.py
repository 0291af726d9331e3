"""Join codes: random, unguessable, and saying which game and side they open.

A code reads ``g2-usa-K7QM-4XTD-9PLA``: the game, the side (or
``facilitator``), then 60 random bits from ``secrets`` in a 32-letter
alphabet without look-alikes. The readable part only helps people; the host
looks the whole code up, so a made-up code with a real game and side is as
wrong as any other. ``codes.json`` in the class folder lists them all.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from wargame.errors import WargameError

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, no 1/I
GROUPS, GROUP = 3, 4
FACILITATOR = "facilitator"
CODES_FILE = "codes.json"
CODES_VERSION = 1


@dataclass(frozen=True)
class Code:
    """One code: the game (1, 2, ...), the side it seats (or ``facilitator``) and the code itself."""

    game: int
    side: str
    code: str


def new_code(game: int, side: str) -> Code:
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP)) for _ in range(GROUPS))
    return Code(game, side, f"g{game}-{side}-{'-'.join(groups)}")


def normalize(text: str) -> str:
    """What people type, as the host stores it: trimmed, the random part upper case, the prefix lower case."""
    parts = text.strip().split("-")
    if len(parts) <= GROUPS:
        return text.strip()
    head, tail = parts[:-GROUPS], parts[-GROUPS:]
    return "-".join([*(p.lower() for p in head), *(p.upper() for p in tail)])


def write_codes(folder: Path, scenario: str, games: list[dict], codes: list[Code]) -> Path:
    """``codes.json``: the scenario, each game's save and sides, and every code (written atomically)."""
    from wargame.saves import atomic_write

    data = {"codes_version": CODES_VERSION, "scenario": scenario, "games": games,
            "codes": [{"game": c.game, "side": c.side, "code": c.code} for c in codes]}
    return atomic_write(folder / CODES_FILE, (json.dumps(data, indent=2) + "\n").encode())


def read_codes(folder: Path) -> tuple[list[dict], list[Code]]:
    """The games and codes of a class folder; a missing or broken file is one clear error."""
    path = folder / CODES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        games = [{"game": int(g["game"]), "save": str(g["save"]), "humans": [str(h) for h in g["humans"]]}
                 for g in data["games"]]
        codes = [Code(int(c["game"]), str(c["side"]), str(c["code"])) for c in data["codes"]]
    except FileNotFoundError:
        raise WargameError(f"{folder} is not a class folder (no {CODES_FILE})") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise WargameError(f"cannot read {path}: {error}") from None
    if any(Path(g["save"]).name != g["save"] for g in games):
        raise WargameError(f"{path}: a save must be a file name in the class folder")
    return games, codes
