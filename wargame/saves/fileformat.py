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
untrusted, so its size and nesting are bounded, duplicate keys refused, and
its shape checked by the pydantic models of ``saves.model``; anything odd is
a one-line ``SaveError`` naming the file and the field ("cuban.json:
decisions[3].target: must be a string, not 7").
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import Field, Strict, TypeAdapter, ValidationError

import wargame
from wargame.engine.decisions import Decision, to_dict
from wargame.engine.game import Game
from wargame.errors import SaveError
from wargame.saves.migrate import FORMAT_VERSION, migrate
from wargame.saves.model import Branch, SaveFile, SaveHeader
from wargame.saves.problems import describe

MAX_BYTES = 16 * 1024 * 1024
"""Largest save read: a 60-turn game of eight actors is far below this."""

_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


# ------------------------------------------------------------------ building


def save_data(
    game: Game, *, game_id: str, branch: Branch | None, saved_at: str, players: tuple[str, ...] | None = None
) -> dict[str, Any]:
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


class _Encoded(dict[str, Any]):
    """A dict that also carries its JSON text, so encoding it again costs nothing.

    Used for the parts of a save that repeat from one autosave to the next
    (the embedded scenario, each decision); shared, so read-only.
    """

    __slots__ = ("json",)
    json: str


def _encoded(data: dict[str, Any], depth: int) -> _Encoded:
    result = _Encoded(data)
    result.json = _encode(data, depth)
    return result


@lru_cache(maxsize=4096)
def _decision_dict(decision: Decision) -> dict[str, Any]:
    """``to_dict`` and its JSON once per distinct decision (they repeat: every turn has the same proceeds).

    Decisions are frozen, so equal decisions give equal dicts.
    """
    return _encoded(to_dict(decision), 2)


@lru_cache(maxsize=8)
def _scenario_dict(scenario_id: str, source: str, digest: str, text: str) -> dict[str, Any]:
    return _encoded({"id": scenario_id, "source": source, "sha256": digest, "text": text}, 1)


def summary(game: Game, saved_at: str) -> dict[str, Any]:
    """What a list of saves shows, and the checkpoints a replay is verified against."""
    outcome = game.outcome
    return {
        "scenario_title": game.scenario.spec.title,
        "actors": {actor.id: actor.name for actor in game.scenario.spec.actors},
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


def state_checkpoint(game: Game) -> dict[str, Any]:
    """The state now: rung, peak, phase, and each actor's stats and perceived rung."""
    return {
        "turn": game.turn,
        "phase": game.turn_phase,
        "rung": game.rung,
        "peak": game.peak,
        "stats": {actor: dict(state.stats) for actor, state in game.actors.items()},
        "perceived_rung": {actor: state.perceived_rung for actor, state in game.actors.items()},
    }


def turn_checkpoints(game: Game) -> list[dict[str, Any]]:
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


def encode(data: dict[str, Any]) -> bytes:
    """Canonical, diff-friendly JSON: one decision or checkpoint per line."""
    return (_encode(data, 0) + "\n").encode("utf-8")


def _encode(value: Any, depth: int) -> str:
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
    return check(parse(raw, name), name, SaveFile)


def decode_header(raw: bytes, name: str) -> SaveHeader:
    """Parse and check a save's bytes but not each of its decisions: what a list of saves needs."""
    return check(parse(raw, name), name, SaveHeader)


def parse(raw: bytes, name: str) -> object:
    """The JSON in a save's bytes, refusing what is too large, too deep or has a key twice."""
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
        raise SaveError(f"{name} {_broken(text, error)}") from None
    except _Duplicate as error:
        raise SaveError(f"{name} is corrupt: the key '{error}' appears twice") from None
    except (ValueError, RecursionError) as error:
        raise SaveError(f"{name} is corrupt: {str(error) or 'nested too deeply'}") from None
    return data


def _broken(text: str, error: json.JSONDecodeError) -> str:
    """What is wrong with a save's text that is not JSON, told apart by where the parser stopped."""
    if not text.lstrip().startswith("{"):
        return "is not a wargame save: it is not a JSON object"
    if error.msg == "Extra data":
        return (f"has trailing data after the save, from line {error.lineno}, column {error.colno}: "
                "something was appended to the file")
    if error.pos >= len(text.rstrip()) or not text.rstrip().endswith("}"):
        return "is truncated: the file ends in the middle of the save"
    return f"is corrupt: broken JSON at line {error.lineno}, column {error.colno} ({error.msg})"


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        keys = [key for key, _ in pairs]
        raise _Duplicate(next(key for index, key in enumerate(keys) if key in keys[:index]))
    return data


_VERSION: TypeAdapter[int] = TypeAdapter(Annotated[int, Strict(), Field(ge=0)])


Save = TypeVar("Save", bound=SaveHeader)


def check(data: object, name: str, model: type[Save]) -> Save:
    """Check a parsed save against the format (migrating older ones first) and its scenario against its digest."""
    if not isinstance(data, dict) or "format_version" not in data:
        raise SaveError(f"{name} is not a wargame save (it has no format_version)")
    try:
        version = _VERSION.validate_python(data["format_version"])
    except ValidationError:
        raise SaveError(f"{name} has an invalid format_version {data['format_version']!r}") from None
    if version > FORMAT_VERSION:
        raise SaveError(
            f"{name} was made by a newer wargame (save format {version}, "
            f"game {data.get('game_version', '?')}); wargame {wargame.__version__} reads format {FORMAT_VERSION}: please update"
        )
    if version < FORMAT_VERSION:
        data = migrate(data, version, name)
    try:
        save = model.model_validate(data, context={"name": name})
    except ValidationError as error:
        raise SaveError(f"{name}: {describe(error)}") from None
    if hashlib.sha256(save.scenario.text.encode("utf-8")).hexdigest() != save.scenario.sha256:
        raise SaveError(f"{name} has been tampered with: the embedded scenario does not match its sha256")
    return save


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
