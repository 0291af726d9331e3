"""The save file: building it from a game, writing its bytes, reading them back.

A save is one JSON object, keys in this order::

    format_version, game_version, id, branch,
    scenario {id, source, sha256, text}, seed, [players [...]], decisions [...], summary {...}

``players`` (optional, written by the UI) lists the actors people played, so
a resumed game seats them again; a save without it leaves the choice to the
loader.

The decisions are the game; the summary is derived from it (enough to list
saves without replaying, plus per-turn checkpoints for ``replay --verify``).
Encoding is canonical, so save -> load -> save gives the same bytes, and
nothing in it depends on the clock except ``summary.saved_at``, which is
kept when an unchanged game is saved again. Reading is strict: the file is
untrusted, so sizes are bounded, types are checked and anything odd is a
one-line ``SaveError``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import wargame
from wargame.engine.decisions import Decision, to_dict
from wargame.engine.game import Game
from wargame.errors import SaveError
from wargame.saves.migrate import FORMAT_VERSION, migrate

MAX_BYTES = 16 * 1024 * 1024
"""Largest save read: a 60-turn game of eight actors is far below this."""

MAX_PLAYERS = 64
"""Most human sides a save may list (scenarios have far fewer actors)."""

_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


@dataclass(frozen=True)
class SaveFile:
    """A parsed, checked save: everything needed to replay it, nothing replayed yet."""

    name: str
    game_version: str
    id: str
    branch: dict | None
    scenario_id: str
    scenario_source: str
    scenario_sha256: str
    scenario_text: str
    seed: int
    decisions: list
    summary: dict
    players: tuple[str, ...] | None = None  # the actors people played; None when the save does not say


# ------------------------------------------------------------------ building


def save_data(
    game: Game, *, game_id: str, branch: dict | None, saved_at: str, players: tuple[str, ...] | None = None
) -> dict:
    scenario = game.scenario
    data = {
        "format_version": FORMAT_VERSION,
        "game_version": wargame.__version__,
        "id": game_id,
        "branch": branch,
        "scenario": _scenario_dict(scenario.id, scenario.source, scenario.digest, scenario.text),
        "seed": game.seed,
    }
    if players is not None:
        data["players"] = list(players)
    data["decisions"] = [_decision_dict(decision) for decision in game.decisions]
    data["summary"] = summary(game, saved_at)
    return data


class _Encoded(dict):
    """A dict that also carries its JSON text, so encoding it again costs nothing.

    Used for the parts of a save that repeat from one autosave to the next
    (the embedded scenario, each decision); shared, so read-only.
    """

    __slots__ = ("json",)


def _encoded(data: dict, depth: int) -> _Encoded:
    result = _Encoded(data)
    result.json = _encode(data, depth)
    return result


@lru_cache(maxsize=4096)
def _decision_dict(decision: Decision) -> dict:
    """``to_dict`` and its JSON once per distinct decision (they repeat: every turn has the same proceeds).

    Decisions are frozen, so equal decisions give equal dicts.
    """
    return _encoded(to_dict(decision), 2)


@lru_cache(maxsize=8)
def _scenario_dict(scenario_id: str, source: str, digest: str, text: str) -> dict:
    return _encoded({"id": scenario_id, "source": source, "sha256": digest, "text": text}, 1)


def summary(game: Game, saved_at: str) -> dict:
    """What a list of saves shows, and the checkpoints a replay is verified against."""
    outcome = game.outcome
    return {
        "scenario_title": game.scenario.spec.title,
        "turn": game.turn,
        "turn_label": game.turn_label(),
        "phase": game.turn_phase,
        "rung": game.rung,
        "rung_name": game.rung_names[game.rung],
        "outcome": outcome.kind if outcome else None,
        "outcome_reason": outcome.reason if outcome else None,
        "scores": dict(outcome.scores) if outcome else {},
        "saved_at": saved_at,
        "state": state_checkpoint(game),
        "checkpoints": turn_checkpoints(game),
    }


def state_checkpoint(game: Game) -> dict:
    """The state now: rung, peak, phase, and each actor's stats and perceived rung."""
    return {
        "turn": game.turn,
        "phase": game.turn_phase,
        "rung": game.rung,
        "peak": game.peak,
        "stats": {actor: dict(state.stats) for actor, state in game.actors.items()},
        "perceived_rung": {actor: state.perceived_rung for actor, state in game.actors.items()},
    }


def turn_checkpoints(game: Game) -> list[dict]:
    """One per resolved turn; ``stats`` are the stats the turn's orders were resolved with."""
    return [
        {
            "turn": record.turn,
            "rung_before": record.rung_before,
            "rung_after": record.rung_after,
            "stats": snapshot,
            "perceived_rung": dict(record.perceived_rung),
        }
        for record, snapshot in zip(game.history, game.stat_snapshots)
    ]


# ------------------------------------------------------------------ bytes


def encode(data: dict) -> bytes:
    """Canonical, diff-friendly JSON: one decision or checkpoint per line."""
    return (_encode(data, 0) + "\n").encode("utf-8")


def _encode(value, depth: int) -> str:
    if type(value) is _Encoded:
        return value.json
    expand = (isinstance(value, dict) and depth <= 1) or (isinstance(value, list) and depth <= 2)
    if not expand or not value:
        return _DUMPS(value)
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{pad}{_DUMPS(key)}: {_encode(item, depth + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    items = [pad + _encode(item, depth + 1) for item in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"


def decode(raw: bytes, name: str) -> SaveFile:
    """Parse and check a save's bytes; ``name`` is how messages refer to the file."""
    if len(raw) > MAX_BYTES:
        raise SaveError(f"{name} is too large for a save ({len(raw)} bytes; at most {MAX_BYTES})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(f"{name} is not a save: it is not UTF-8 text") from None
    if not text.strip():
        raise SaveError(f"{name} is empty: the save was never written completely")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or not text.rstrip().endswith("}"):
            raise SaveError(f"{name} is truncated: the file ends in the middle of the save") from None
        raise SaveError(f"{name} is corrupt: broken JSON at line {error.lineno}, column {error.colno} ({error.msg})") from None
    except _Duplicate as error:
        raise SaveError(f"{name} is corrupt: the key '{error}' appears twice") from None
    except (ValueError, RecursionError) as error:
        raise SaveError(f"{name} is corrupt: {str(error) or 'nested too deeply'}") from None
    return check(data, name)


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list) -> dict:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set = set()
        raise _Duplicate(next(key for key, _ in pairs if key in seen or seen.add(key)))
    return data


def check(data: object, name: str) -> SaveFile:
    """Check the version and the shape of a parsed save, migrating older formats."""
    if not isinstance(data, dict) or "format_version" not in data:
        raise SaveError(f"{name} is not a wargame save (it has no format_version)")
    version = data["format_version"]
    if not _is_int(version) or version < 0:
        raise SaveError(f"{name} has an invalid format_version {version!r}")
    if version > FORMAT_VERSION:
        raise SaveError(
            f"{name} was made by a newer wargame (save format {version}, "
            f"game {data.get('game_version', '?')}); wargame {wargame.__version__} reads format {FORMAT_VERSION}: please update"
        )
    if version < FORMAT_VERSION:
        data = migrate(data, version, name)
    scenario = _field(data, "scenario", dict, name)
    text = _field(scenario, "text", str, name, "scenario.")
    digest = _field(scenario, "sha256", str, name, "scenario.")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        raise SaveError(f"{name} has been tampered with: the embedded scenario does not match its sha256")
    seed = data.get("seed")
    if not _is_int(seed):
        raise SaveError(f"{name} is corrupt: 'seed' must be an integer")
    branch = data.get("branch")
    if branch is not None and not isinstance(branch, dict):
        raise SaveError(f"{name} is corrupt: 'branch' must be an object or null")
    decisions = _field(data, "decisions", list, name)
    players = data.get("players")
    if players is not None and not (
        isinstance(players, list) and len(players) <= MAX_PLAYERS and all(isinstance(p, str) and 0 < len(p) <= 40 for p in players)
    ):
        raise SaveError(f"{name} is corrupt: 'players' must be a list of actor ids")
    return SaveFile(
        name=name,
        game_version=str(data.get("game_version", "?")),
        id=_field(data, "id", str, name),
        branch=branch,
        scenario_id=_field(scenario, "id", str, name, "scenario."),
        scenario_source=_field(scenario, "source", str, name, "scenario."),
        scenario_sha256=digest,
        scenario_text=text,
        seed=seed,
        decisions=decisions,
        summary=_field(data, "summary", dict, name),
        players=tuple(players) if players is not None else None,
    )


def _field(data: dict, key: str, kind: type, name: str, prefix: str = ""):
    value = data.get(key)
    if not isinstance(value, kind):
        what = {dict: "an object", list: "a list", str: "a string"}[kind]
        problem = "is missing" if value is None else f"must be {what}"
        raise SaveError(f"{name} is corrupt: '{prefix}{key}' {problem}")
    return value


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_bytes(path: Path) -> bytes:
    """Read at most ``MAX_BYTES`` + 1 bytes, so a huge file is refused without reading it all."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(f"no save file {path}") from None
    except IsADirectoryError:
        raise SaveError(f"{path} is a folder, not a save") from None
    except OSError as error:
        raise SaveError(f"cannot read {path}: {error.strerror or error}") from None
