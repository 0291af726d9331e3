"""A save that does not fit the format, said in one line: the field's path and what is wrong with it.

Pydantic reports every problem with its location as a tuple
(``('decisions', 3, 'order', 'target')``); a player reads
``decisions[3].target: must be a string, not 7``, and how many more
problems there are.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from wargame.saves.names import RULE

_SAID = {
    "missing": "is missing",
    "extra_forbidden": "is not part of the save format",
    "string_type": "must be a string",
    "int_type": "must be a whole number",
    "float_type": "must be a number",
    "bool_type": "must be true or false",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "union_tag_not_found": "is not a decision: it has no 'type'",
    "string_pattern_mismatch": f"must be a plain name ({RULE})",
}
"""Pydantic's error types, as a save's reader would say them."""


def describe(error: ValidationError) -> str:
    """The first problem as 'path: what is wrong', and how many more there are (one line)."""
    found = error.errors(include_url=False)
    first = found[0]
    kind, context = first["type"], first.get("ctx") or {}
    if kind == "union_tag_invalid":
        said = f"unknown decision type {context['tag']!r} (expected {context['expected_tags']})"
    elif kind in ("literal_error", "enum"):
        said = f"must be one of {context['expected']}"
    else:
        said = _SAID.get(kind) or first["msg"][:1].lower() + first["msg"][1:]
    value = first.get("input")
    if kind != "missing" and isinstance(value, str | int | float | bool | None) and kind in _SAID:
        said += f", not {_short(json.dumps(value, ensure_ascii=False))}"
    more = f" (and {len(found) - 1} more problem{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
    return f"{_path(first['loc'])}: {said}{more}"


def _path(loc: tuple[int | str, ...]) -> str:
    """``('decisions', 3, 'order', 'target')`` -> ``decisions[3].target`` (the union's tag left out)."""
    text = ""
    for index, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
        elif not (index == 2 and loc[0] == "decisions"):
            text += f".{part}" if text else str(part)
    return text or "the save"


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
