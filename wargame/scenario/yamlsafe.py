"""Bounded, located YAML loading for files written by strangers.

Scenario files come from classmates and the internet, so loading must be
safe (no object construction), bounded (size, nesting, aliases, values
written and values once aliases are expanded) and must remember where every key and value came from, so that
every later complaint can point at ``file:line:col``. This module is the
way in: it checks the text as a whole (size, encoding) and words the
parser's syntax errors; ``yamlreader`` builds the values.

Keys are kept as the text written in the file (``yes:`` is the key
``"yes"``, ``1:`` is ``"1"``), so YAML 1.1 cannot turn them into booleans.

When a file has several problems, the one reported is the first found in
this order: more values written than ``MAX_WRITTEN`` (counted before
anything is built, see ``yamlcount``), unless a problem of the next group
comes first in the file; syntax, a second document, nesting and the alias count (in
file order); an undefined or repeated anchor (worded by PyYAML's
composer); an empty file; the size and depth aliases expand to (in file
order); then problems with the values (tags, scalars, keys, merge keys) in
the order they are built: a mapping's keys, merge keys included, before
its values, merged values after the explicit ones.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml

from wargame.scenario.yamlcount import MAX_WRITTEN, check_value_count
from wargame.scenario.yamldocument import Document, KeyPath, Location, YamlProblem, mark_location
from wargame.scenario.yamlreader import MAX_ALIASES, MAX_DEPTH, MAX_VALUES, Reader

__all__ = [
    "MAX_ALIASES", "MAX_BYTES", "MAX_DEPTH", "MAX_VALUES", "MAX_WRITTEN", "Document", "KeyPath", "Location", "YamlProblem",
    "load_yaml_file", "load_yaml_text",
]  # fmt: skip

MAX_BYTES = 2 * 1024 * 1024


def load_yaml_file(path: str | os.PathLike) -> Document:
    """Load one YAML file; ``OSError`` passes through, every YAML problem is a ``YamlProblem``."""
    source = os.fspath(path)
    size = os.stat(path).st_size
    if size > MAX_BYTES:
        raise YamlProblem(_too_big(size), source=source)
    with open(path, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)  # the file may have grown since stat
    if len(raw) > MAX_BYTES:
        raise YamlProblem(_too_big(len(raw)), source=source)
    return load_yaml_text(_decode(raw, source), source)


def load_yaml_text(text: str, source: str = "<string>") -> Document:
    """Load one YAML document from ``text`` into plain, located values."""
    _check_text(text, source)
    check_value_count(text, source)
    try:
        return Reader(text, source).read()
    except yaml.MarkedYAMLError as error:
        raise _marked_problem(error, text, source) from None
    except yaml.reader.ReaderError as error:
        message = str(error).splitlines()[0]
        raise YamlProblem(message, _offset_location(text, error.position), source) from None
    except yaml.YAMLError as error:
        raise YamlProblem(str(error).splitlines()[0] or "invalid YAML", source=source) from None


# -- text-level checks ---------------------------------------------------------


def _too_big(size: int) -> str:
    return f"file is too large ({size:,} bytes); the limit is {MAX_BYTES // (1024 * 1024)} MiB"


def _decode(raw: bytes, source: str) -> str:
    """Strict UTF-8 (a BOM is allowed), so a mis-saved file fails with a place to look."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it with UTF-8 encoding"
        raise YamlProblem(message, Location(line, column), source) from None


def _check_text(text: str, source: str) -> None:
    """Refuse oversized text and lone surrogates (which the C loader would crash on)."""
    if len(text) > MAX_BYTES:
        raise YamlProblem(_too_big(len(text)), source=source)
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        message = f"text contains an invalid character (U+{ord(text[error.start]):04X})"
        raise YamlProblem(message, _offset_location(text, error.start), source) from None
    if size > MAX_BYTES:
        raise YamlProblem(_too_big(size), source=source)


def _offset_location(text: str, offset: int) -> Location:
    before = text[:offset]
    return Location(before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _marked_problem(error: yaml.MarkedYAMLError, text: str, source: str) -> YamlProblem:
    """Turn a PyYAML syntax error into one line: the problem, its context, a tab hint."""
    mark = error.problem_mark or error.context_mark
    message = error.problem or error.context or "invalid YAML"
    if error.context and error.problem:
        where = f" at line {error.context_mark.line + 1}" if error.context_mark else ""
        message = f"{message} ({error.context}{where})"
    if mark is not None and _is_tab_problem(error, text, mark):
        message += "; use spaces instead of tabs: YAML does not allow tabs for indentation"
    return YamlProblem(message, mark_location(mark) if mark else Location(1, 1), source)


def _is_tab_problem(error: yaml.MarkedYAMLError, text: str, mark: Any) -> bool:
    if re.search(r"\btab\b|'\\t'", error.problem or ""):  # libyaml: "a tab character"; PyYAML: "'\\t'"
        return True
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return mark.column < len(line) and line[mark.column] == "\t"
