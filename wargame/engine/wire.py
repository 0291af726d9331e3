"""Views as JSON: one small converter and schema writer driven by the views' type hints.

A view is a tree of frozen dataclasses, named tuples, tuples, read-only
mappings and plain values, so its JSON form follows from its declarations:
a dataclass or named tuple becomes an object of its fields, a tuple an array,
a mapping an object. Two things are written by reference: a move (an
option's ``move``) is its id, and the scenario is left to the caller, who
passes it back when reading (``from_data(..., scenario)``). Reading is
strict, since the data may come over a network: a missing or unknown key or
a value of the wrong type is a ``ValueError`` naming where it is.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from collections.abc import Mapping
from enum import Enum
from functools import lru_cache
from typing import Any, Literal, Union

from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import Move

LOCAL = {"wire": False}  # metadata of a field the JSON form leaves out (the scenario)


def to_data(value: object) -> Any:
    """``value`` as JSON-ready data (dicts, lists, str, int, float, bool, None)."""
    if value is None or isinstance(value, (str, int, float)):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Move):
        return value.id
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in _fields(type(value))}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: to_data(item) for name, item in zip(value._fields, value)}
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, frozenset):
        return sorted(to_data(item) for item in value)
    if isinstance(value, Mapping):
        return {str(key): to_data(item) for key, item in value.items()}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def from_data(hint: Any, data: object, scenario: LoadedScenario, where: str = "") -> Any:
    """The value of type ``hint`` that ``to_data`` turned into ``data`` (moves looked up in ``scenario``)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        (hint,) = (arg for arg in args if arg is not type(None))
        return from_data(hint, data, scenario, where)
    if origin is Literal:
        if data not in args:
            raise _wrong(where, f"one of {', '.join(map(repr, args))}", data)
        return data
    if origin is tuple:
        items = _expect(list, data, where)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], item, scenario, f"{where}[{i}]") for i, item in enumerate(items))
        if len(items) != len(args):
            raise _wrong(where, f"an array of {len(args)}", data)
        return tuple(from_data(arg, item, scenario, f"{where}[{i}]") for i, (arg, item) in enumerate(zip(args, items)))
    if origin is frozenset:
        return frozenset(from_data(args[0], item, scenario, where) for item in _expect(list, data, where))
    if origin is Mapping:
        items = _expect(dict, data, where)
        return types.MappingProxyType({key: from_data(args[1], item, scenario, f"{where}.{key}") for key, item in items.items()})
    if hint is Move:
        move = scenario.moves.get(_expect(str, data, where))
        if move is None:
            raise ValueError(f"{where}: the scenario has no move {data!r}")
        return move
    if names := _names(hint):
        items = _expect(dict, data, where)
        if unknown := sorted(set(items) - set(names)):
            raise ValueError(f"{where or 'the data'}: unknown key {unknown[0]!r}")
        if missing := [name for name in names if name not in items]:
            raise ValueError(f"{where or 'the data'}: missing key {missing[0]!r}")
        hints = _hints(hint)
        values = {name: from_data(hints[name], items[name], scenario, f"{where}.{name}".lstrip(".")) for name in names}
        if dataclasses.is_dataclass(hint):
            values.update((f.name, scenario) for f in dataclasses.fields(hint) if f.metadata == LOCAL)
        return hint(**values)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError:
            raise _wrong(where, f"a {hint.__name__}", data) from None
    if hint is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise _wrong(where, "a number", data)
        return float(data)
    if hint is int and isinstance(data, bool):
        raise _wrong(where, "a whole number", data)
    return _expect(hint, data, where)


def json_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of what ``to_data`` writes for type ``hint``; records go into ``defs`` by class name."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return {"anyOf": [json_schema(arg, defs) for arg in args]}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": json_schema(args[0], defs)}
        return {"type": "array", "prefixItems": [json_schema(arg, defs) for arg in args], "items": False,
                "minItems": len(args)}
    if origin is frozenset:
        return {"type": "array", "items": json_schema(args[0], defs), "uniqueItems": True}
    if origin is Mapping:
        return {"type": "object", "additionalProperties": json_schema(args[1], defs)}
    if hint is Move:
        return {"type": "string", "description": "The id of a move of the scenario."}
    if _names(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # taken before the fields, in case a record holds itself
            defs[name] = record_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [member.value for member in hint]}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    return {"type": simple[hint]}


def record_schema(record: type, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one dataclass or named tuple: an object of exactly its fields, described by its docstring."""
    hints, names = _hints(record), _names(record)
    schema: dict[str, Any] = {"type": "object"}
    doc = inspect.getdoc(record) or ""
    if doc and not doc.startswith(record.__name__ + "("):  # not the generated signature of a dataclass
        schema["description"] = doc.split("\n\n")[0].replace("\n", " ")
    schema["properties"] = {name: json_schema(hints[name], defs) for name in names}
    schema["required"] = names
    schema["additionalProperties"] = False
    return schema


def _fields(record: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields of a dataclass that its JSON form holds: those given to its constructor, but the scenario."""
    return tuple(f for f in dataclasses.fields(record) if f.init and f.metadata != LOCAL)


def _names(hint: Any) -> list[str]:
    """The field names of a record type (a dataclass or a named tuple) as its JSON form holds them; [] for others."""
    if not isinstance(hint, type):
        return []
    if dataclasses.is_dataclass(hint):
        return [f.name for f in _fields(hint)]
    return list(getattr(hint, "_fields", []))


@lru_cache(maxsize=64)
def _hints(record: type) -> dict[str, Any]:
    """A record's field types, resolved from their annotations.

    Cached because reading a view back asks this of every record in it, and
    ``typing.get_type_hints`` re-evaluates the annotations each time: reading
    a turn-7 Cuban view back takes 3.5 ms with the cache, 18 ms without.
    """
    return typing.get_type_hints(record)


def _expect(kind: type, data: object, where: str) -> Any:
    if not isinstance(data, kind):
        raise _wrong(where, {str: "a string", int: "a whole number", bool: "true or false", list: "an array",
                             dict: "an object"}.get(kind, kind.__name__), data)
    return data


def _wrong(where: str, wanted: str, data: object) -> ValueError:
    return ValueError(f"{where or 'the data'}: expected {wanted}, got {str(data)[:40]!r}")
