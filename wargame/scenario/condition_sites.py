"""Where a scenario's conditions are, and their problems found even when the rest of the file is wrong.

The loader checks conditions only once the whole declaration is valid, so a
file with ``turns: many`` and a ``playd(...)`` typo used to report the first
and hide the second until the next run. :func:`rough_condition_problems`
reads the raw YAML data instead: it names what the file declares as well as
it can (ids of actors, moves, red lines, triggers and terms, wherever they
are well formed) and checks every condition string against those names, so
``validate`` reports both problems in one pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from wargame.errors import ConditionError
from wargame.scenario.conditions import Namespace, check_condition
from wargame.scenario.diagnostics import Diagnostic
from wargame.scenario.model import STATS, Move
from wargame.scenario.yamlsafe import Document

SIDES = frozenset({"self", "target"})  # the aliases a move's prerequisite may use


def column_in(doc: Document, path: tuple, column: int) -> int:
    """Offset from the start of a scalar to a column inside it (quotes skipped; 0 for block scalars)."""
    where = doc.locate(path)
    lines = doc.text.splitlines()
    if not 0 < where.line <= len(lines):
        return 0
    line = lines[where.line - 1]
    start = line[where.column - 1] if where.column - 1 < len(line) else ""
    if start in ("|", ">"):
        return 0
    return column - 1 + (1 if start in ("'", '"') else 0)


def condition_problem(doc: Document, path: tuple, problem: ConditionError) -> Diagnostic:
    """A condition's problem, placed at its column inside the YAML scalar."""
    where = doc.locate(path)
    column = where.column + column_in(doc, path, problem.column)
    return Diagnostic(doc.source, where.line, column, "error", f"in condition: {problem}", path)


def rough_condition_problems(doc: Document, standard: Mapping[str, Move], known: list[Diagnostic]) -> list[Diagnostic]:
    """The first problem of each condition in the raw data, except where ``known`` already points."""
    data = doc.data if isinstance(doc.data, dict) else {}
    namespace = _rough_namespace(data, standard)
    with_sides = Namespace(**{**namespace.__dict__, "actor_aliases": SIDES})
    taken = {d.path for d in known}
    problems = []
    for path, text, sided in _raw_sites(data):
        if any(path[:len(p)] == p for p in taken if p):
            continue
        errors = check_condition(text, with_sides if sided else namespace)
        if errors:
            problems.append(condition_problem(doc, path, errors[0]))
    return problems


def _items(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _ids(items: list[Any]) -> frozenset[str]:
    return frozenset(item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str))


def _rough_namespace(data: dict[str, Any], standard: Mapping[str, Move]) -> Namespace:
    actors = _items(data, "actors")
    moves = data.get("moves") if isinstance(data.get("moves"), dict) else {}
    return Namespace(
        actors=_ids(actors),
        stats=frozenset(STATS),
        moves=frozenset(standard) | _ids(_items(moves, "add")),
        red_lines=frozenset().union(*(_ids(_items(actor, "red_lines")) for actor in actors)),
        triggers=_ids(_items(data, "triggers")) | _ids(_items(data, "injects")),
        terms=_ids(_items(data, "terms")),
    )


def _raw_sites(data: dict[str, Any]) -> Iterator[tuple[tuple, str, bool]]:
    """(path, condition text, whether ``self``/``target`` may appear) for every condition string in the data."""
    for a, actor in enumerate(_items(data, "actors")):
        for key in ("objectives", "red_lines"):
            for i, item in enumerate(_items(actor, key)):
                if isinstance(item, dict) and isinstance(item.get("when"), str):
                    yield ("actors", a, key, i, "when"), item["when"], False
    for t, trigger in enumerate(_items(data, "triggers")):
        if isinstance(trigger, dict) and isinstance(trigger.get("when"), str):
            yield ("triggers", t, "when"), trigger["when"], False
    outcomes = data.get("outcomes")
    if isinstance(outcomes, dict) and isinstance(outcomes.get("settlement"), str):
        yield ("outcomes", "settlement"), outcomes["settlement"], False
    moves = data.get("moves") if isinstance(data.get("moves"), dict) else {}
    for m, move in enumerate(_items(moves, "add")):
        if isinstance(move, dict) and isinstance(move.get("requires"), str):
            yield ("moves", "add", m, "requires"), move["requires"], True
    adjust = moves.get("adjust")
    for move_id, change in (adjust.items() if isinstance(adjust, dict) else ()):
        if isinstance(change, dict) and isinstance(change.get("requires"), str):
            yield ("moves", "adjust", move_id, "requires"), change["requires"], True
