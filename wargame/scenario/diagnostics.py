"""Every problem in a scenario file as ``file:line:col: severity: path: message``.

Authors fix files faster when each complaint points at the exact line and
says what to type instead, so pydantic's errors are translated here: the
location comes from the loaded ``Document``, pydantic's union/validator
labels are dropped from the path, and unknown keys or bad choices get a
"did you mean". Generic: knows pydantic and ``Document``, not the scenario.
"""

from __future__ import annotations

import collections.abc
import difflib
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import pydantic

from wargame.scenario.yamlsafe import Document


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place; sorts by source, then line and column."""

    source: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    message: str
    path: tuple = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", _LONG_QUOTE.sub(_cut_quote, self.message))

    def __str__(self) -> str:
        where = f"{format_path(self.path)}: " if self.path else ""
        return f"{self.source}:{self.line}:{self.column}: {self.severity}: {where}{self.message}"


SHOWN = 80
"""Most characters of an offending value a message shows: a 2 MiB key or name is cut, with an ellipsis."""

_LONG_QUOTE = re.compile(rf"'([^'\n]{{{SHOWN + 1},}})'")


def shorten(text: str, limit: int = SHOWN) -> str:
    """``text`` cut to ``limit`` characters, the last an ellipsis, when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cut_quote(match: re.Match) -> str:
    """Any quoted value in a message, whichever check wrote it, is cut to ``SHOWN`` characters."""
    return f"'{shorten(match.group(1))}'"


def format_path(path: tuple) -> str:
    """Key path as an author would write it: ``('actors', 0, 'stats')`` -> ``actors[0].stats``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[\w-]+", str(part)):
            text += f".{part}" if text else str(part)
        else:
            text += f"[{shorten(str(part))!r}]"
    return text


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice (case-insensitive), or ``""``."""
    if len(str(word)) > SHOWN:  # nothing is that close, and matching a huge word is slow
        return ""
    by_lower: dict[str, str] = {}
    for choice in map(str, choices):
        by_lower.setdefault(choice.lower(), choice)
    match = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1, cutoff=0.6)
    if not match or by_lower[match[0]] == str(word):
        return ""
    return f" (did you mean {by_lower[match[0]]!r}?)"


def pydantic_diagnostics(
    error: pydantic.ValidationError, doc: Document, model: type[pydantic.BaseModel] | None = None
) -> list[Diagnostic]:
    """One diagnostic per real problem in ``error``, located in ``doc``, deduplicated and sorted.

    ``model`` is the class that was validated; when omitted it is found by
    the error's title (class name or ``model_config['title']``). Knowing it
    lets unknown keys be matched against the allowed ones and lets union
    branch labels be told apart from keys.
    """
    model = model or _model_titled(error.title)
    problems = [_problem(raw, doc, model) for raw in error.errors(include_url=False)]
    problems = _settle_unions(problems)
    diagnostics = [_diagnostic(problem, doc) for problem in problems]
    unique = dict.fromkeys(diagnostics)
    return sorted(unique, key=lambda d: (d.line, d.column))  # stable: pydantic order at one place


# -- one pydantic error -> one problem ------------------------------------------


@dataclass
class _Problem:
    """A pydantic error re-expressed on the data path, before it gets a location."""

    path: tuple
    kind: str
    value: Any
    message: str
    expect: str | None = None  # "a whole number": lets failed union branches be merged into one sentence
    at_key: bool = False  # point at the key itself (unknown or bad dict keys)
    at_parent: bool = False  # point at the enclosing mapping (missing keys)
    choices: tuple = ()  # (union path, branch label) for each union crossed
    suggestions: tuple = ()  # allowed values, for "did you mean"


_EXPECT = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "set_type": "a list",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "none_required": "empty (null)",
}

_BOUNDS = {
    "less_than_equal": ("le", "at most"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "less than"),
    "greater_than": ("gt", "greater than"),
}


def _problem(raw: dict, doc: Document, model: type | None) -> _Problem:
    walk = _walk_loc(raw["loc"], doc.data, model)
    kind, ctx, value = raw["type"], raw.get("ctx") or {}, raw.get("input")
    problem = _Problem(walk.path, kind, value, _plain(raw["msg"]), at_key=walk.at_key, choices=walk.choices)
    if kind == "extra_forbidden" and walk.path:
        key = walk.path[-1]
        allowed = _allowed_keys(walk.owner) if walk.owner else ()
        problem.message, problem.at_key = f"unknown key {shorten(str(key))!r}{did_you_mean(key, allowed)}", True
    elif kind == "missing" and walk.path:
        problem.message, problem.at_parent = f"missing required key {walk.path[-1]!r}", True
    elif kind in ("literal_error", "enum"):
        problem.expect = ctx.get("expected", "")
        problem.suggestions = tuple(_quoted(problem.expect))
    elif kind == "union_tag_invalid":
        problem.message, problem.path = _tag_message(ctx, walk.path, doc)
    elif kind == "union_tag_not_found":
        problem.message = f"missing required key {_unquote(ctx.get('discriminator', ''))!r}"
    elif kind in _BOUNDS:
        name, words = _BOUNDS[kind]
        problem.message = f"input should be {words} {ctx.get(name)}"
    elif kind in ("too_short", "too_long"):
        problem.message = _length_message(kind, ctx)
    elif kind == "string_pattern_mismatch":
        what = _PATTERNS.get(ctx.get("pattern", ""), "text in the expected form")
        problem.message = f"{shorten(value) if isinstance(value, str) else value!r} is not {what}"
    else:
        problem.expect = _EXPECT.get(kind)
    if problem.expect is not None:
        problem.message = _expect_message([problem.expect], value, problem.suggestions)
    return problem


_PATTERNS = {
    r"^[a-z][a-z0-9_]{0,39}$": "an id (lower-case letters, digits and _, starting with a letter, at most 40)",
    r"^\d{4}-\d{2}-\d{2}$": "a date written YYYY-MM-DD",
}


def _plain(message: str) -> str:
    """Pydantic's message without its prefixes, starting lower-case."""
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message[:1].lower() + message[1:]


def _expect_message(expects: list[str], value: Any, suggestions: Iterable[str]) -> str:
    hint = did_you_mean(value, suggestions) if isinstance(value, str) else ""
    return f"input should be {' or '.join(dict.fromkeys(expects))}, got {_describe(value)}{hint}"


def _describe(value: Any) -> str:
    """A short, YAML-flavoured description of what the author wrote."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return repr(shorten(value))
    if isinstance(value, collections.abc.Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple, set)):
        return "a list"
    return type(value).__name__


def _quoted(text: str) -> list[str]:
    return re.findall(r"'((?:[^'\\]|\\.)*)'", text)


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == "'" else text


def _tag_message(ctx: dict, path: tuple, doc: Document) -> tuple[str, tuple]:
    """Bad discriminator value: point at the value of the tag key when it is there."""
    key, tag = _unquote(ctx.get("discriminator", "")), ctx.get("tag", "")
    expected = ctx.get("expected_tags", "")
    hint = did_you_mean(tag, _quoted(expected))
    if path + (key,) in doc.locations:
        return f"unknown {key} {tag!r}{hint}; expected one of {expected}", path + (key,)
    return f"tag {tag!r} matches none of {expected}{hint}", path


def _length_message(kind: str, ctx: dict) -> str:
    limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
    words = "at least" if kind == "too_short" else "at most"
    noun = "item" if limit == 1 else "items"
    return f"should have {words} {limit} {noun}, got {ctx.get('actual_length')}"


# -- pydantic's loc -> the data path ------------------------------------------------


@dataclass
class _Walk:
    path: tuple = ()
    owner: type | None = None  # the model that owns the last key of ``path``
    at_key: bool = False
    choices: tuple = ()


_MISSING = object()


def _walk_loc(loc: tuple, data: Any, model: type | None) -> _Walk:
    """Follow ``loc`` through the model's types and the data, keeping only real keys and indexes.

    Pydantic puts union branch labels (``'Ladder'``, ``"literal['x']"``,
    ``'function-after[...]'``, a discriminator's tag) into ``loc``; the
    types say which elements those are. Where the type is unknown, the
    data decides: an element the data has is a key, anything else is a label.
    """
    walk, tp, node = _Walk(), model, data
    for index, elem in enumerate(loc):
        if elem == "[key]":
            walk.at_key = True
            continue
        kind, next_tp, owner = _step(tp, elem)
        if kind == "unknown":
            is_last = index == len(loc) - 1
            kind = "data" if _child(node, elem) is not _MISSING or isinstance(elem, int) else "label"
            if kind == "label" and is_last and "[" not in str(elem):
                kind = "data"  # e.g. the key of a missing or unknown entry
        if kind == "label":
            walk.choices += ((walk.path, elem),)
        else:
            walk.path += (elem,)
            walk.owner = owner
            node = _child(node, elem)
        tp = next_tp
    return walk


def _child(node: Any, elem: Any) -> Any:
    if isinstance(node, dict):
        return node.get(elem, _MISSING)
    if isinstance(node, list) and isinstance(elem, int) and -len(node) <= elem < len(node):
        return node[elem]
    return _MISSING


def _step(tp: Any, elem: Any) -> tuple[str, Any, type | None]:
    """What ``elem`` is at type ``tp``: ("data" | "label" | "unknown", next type, owning model)."""
    tp = _unwrap(tp)
    members = _union_members(tp)
    if members:
        return "label", _branch(members, elem), None
    if _is_model(tp):
        if issubclass(tp, pydantic.RootModel):
            return _step(tp.model_fields["root"].annotation, elem)
        if not isinstance(elem, str):
            return "unknown", None, None
        found = _field(tp, elem)
        return "data", found.annotation if found else None, tp
    origin, args = typing.get_origin(tp) or tp, typing.get_args(tp)
    if not isinstance(origin, type):
        return "unknown", None, None
    if issubclass(origin, tuple) and isinstance(elem, int):
        if len(args) == 2 and args[1] is Ellipsis:
            return "data", args[0], None
        return "data", args[elem] if 0 <= elem < len(args) else None, None
    if issubclass(origin, collections.abc.Mapping):
        return "data", args[1] if len(args) == 2 else None, None
    if issubclass(origin, (collections.abc.Sequence, collections.abc.Set)) and not issubclass(origin, (str, bytes)):
        return ("data", args[0] if args else None, None) if isinstance(elem, int) else ("unknown", None, None)
    return "unknown", None, None


def _unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``Optional`` (pydantic adds no loc for either)."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType) and len(_non_none(tp)) == 1:
            tp = _non_none(tp)[0]
        else:
            return tp


def _non_none(tp: Any) -> list:
    return [arg for arg in typing.get_args(tp) if arg is not type(None)]


def _union_members(tp: Any) -> list | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return _non_none(tp)
    return None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)


def _branch(members: list, label: Any) -> Any:
    """The union member pydantic labelled ``label`` (class name, tag, literal, function-...), or None."""
    label = str(label)
    for member in members:
        tags = [m.tag for m in typing.get_args(member)[1:] if isinstance(m, pydantic.Tag)]
        if label in tags:
            return member
    unwrapped = [(_unwrap(member), member) for member in members]
    for plain, member in unwrapped:
        if getattr(plain, "__name__", None) == label:
            return member
    for plain, member in unwrapped:
        if _is_model(plain) and any(label in _literal_values(f.annotation) for f in plain.model_fields.values()):
            return member
    for plain, member in unwrapped:
        name = getattr(plain, "__name__", None)
        if _is_model(plain) and label.startswith("function-") and re.search(rf"\b{re.escape(name)}\b", label):
            return member
    prefix = label.split("[", 1)[0]
    for plain, member in unwrapped:
        origin = typing.get_origin(plain)
        if (prefix == "literal" and origin is typing.Literal) or getattr(origin, "__name__", None) == prefix:
            return member
    return None


def _literal_values(tp: Any) -> list[str]:
    tp = _unwrap(tp)
    return [str(v) for v in typing.get_args(tp)] if typing.get_origin(tp) is typing.Literal else []


def _field(model: type[pydantic.BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias, info.validation_alias):
            return info
    return None


def _allowed_keys(model: type[pydantic.BaseModel]) -> list[str]:
    """The keys an author may write: aliases where set (names too when populating by name)."""
    by_name = model.model_config.get("populate_by_name") or model.model_config.get("validate_by_name")
    keys = []
    for name, info in model.model_fields.items():
        alias = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
        keys.append(alias or name)
        if alias and by_name:
            keys.append(name)
    return keys


def _model_titled(title: str) -> type[pydantic.BaseModel] | None:
    """The one loaded model class whose title or name is ``title``, if exactly one."""
    found, stack, seen = [], [pydantic.BaseModel], set()
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                if sub.model_config.get("title") == title or sub.__name__ == title:
                    found.append(sub)
    return found[0] if len(found) == 1 else None


# -- unions: report the branch the author meant ----------------------------------


def _settle_unions(problems: list[_Problem]) -> list[_Problem]:
    """Keep one branch per failed union, outermost first.

    Pydantic reports every branch of a plain union. A branch that got
    inside the value (its errors are deeper than the union) is what the
    author meant; among those the one with the fewest errors wins. If no
    branch got inside, the value was of the wrong kind for all of them:
    say so once, listing what would have been accepted.
    """
    unions = sorted({path for p in problems for path, _label in p.choices}, key=len)
    for union in unions:
        branches: dict[Any, list[_Problem]] = {}
        for problem in problems:
            label = dict(problem.choices).get(union, _MISSING)
            if label is not _MISSING:
                branches.setdefault(label, []).append(problem)
        if len(branches) < 2:
            continue
        deep = {label: group for label, group in branches.items() if any(len(p.path) > len(union) for p in group)}
        if deep:
            best = min(deep, key=lambda label: len(deep[label]))
            keep = deep[best]
        else:
            keep = [_merged(union, [p for group in branches.values() for p in group])]
        chosen = {id(p) for group in branches.values() for p in group}
        problems = [p for p in problems if id(p) not in chosen] + keep
    return problems


def _merged(union: tuple, problems: list[_Problem]) -> _Problem:
    """Several branches all rejected the value outright: one sentence naming what would fit."""
    first = problems[0]
    expects = [p.expect for p in problems]
    if any(e is None for e in expects):
        message = "; ".join(dict.fromkeys(p.message for p in problems))
    else:
        suggestions = [s for p in problems for s in p.suggestions]
        message = _expect_message(expects, first.value, suggestions)
    choices = tuple(c for c in first.choices if len(c[0]) < len(union))
    return replace(first, path=union, message=message, choices=choices, at_key=False, at_parent=False)


# -- problem -> located diagnostic --------------------------------------------------


def _diagnostic(problem: _Problem, doc: Document) -> Diagnostic:
    """Missing and unknown keys are reported on their mapping (the message names the key)."""
    path = problem.path
    if problem.at_parent:
        where = doc.locate(path[:-1])
    else:
        where = doc.locate(path, key=problem.at_key)
    if problem.kind in ("missing", "extra_forbidden"):
        path = path[:-1]
    message = _yaml11_message(problem, doc) or problem.message
    return Diagnostic(doc.source, where.line, where.column, "error", message, path)


def _yaml11_message(problem: _Problem, doc: Document) -> str | None:
    """A bool the author did not mean: explain YAML 1.1 and how to quote it."""
    text = doc.yaml11_booleans.get(problem.path)
    if text is None or not isinstance(problem.value, bool) or problem.at_key or problem.at_parent:
        return None
    return f"'{text}' was read as the boolean {str(problem.value).lower()} (YAML 1.1); quote it: \"{text}\""
