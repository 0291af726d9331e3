"""Bounded, located YAML loading for files written by strangers.

Scenario files come from classmates and the internet, so loading must be
safe (no object construction), bounded (size, nesting, aliases, total
values) and must remember where every key and value came from, so that
every later complaint can point at ``file:line:col``.

How: a cheap pass over the event stream refuses extra documents, deep
nesting and alias floods before anything is built; ``yaml.compose`` (C
loader when present) then gives a node graph whose expanded size is
measured *without* expanding it; only then are plain Python values built
from the nodes, by this module, with a location for every key path.

Merge keys (``<<: *base``, ``<<: [*a, *b]``) are supported: explicit keys
win over merged ones, earlier merge sources win over later ones, and a
merged value keeps the location where it was written.

Keys are kept as the text written in the file (``yes:`` is the key
``"yes"``, ``1:`` is ``"1"``), so YAML 1.1 cannot turn them into booleans.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from wargame.errors import WargameError

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASES = 100
MAX_VALUES = 100_000

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCT = yaml.constructor.SafeConstructor()  # used only for its scalar converters

_TAG = "tag:yaml.org,2002:"
_NULL, _BOOL, _INT, _FLOAT, _STR = (_TAG + t for t in ("null", "bool", "int", "float", "str"))
_KEEP_TEXT = {_TAG + "timestamp", _TAG + "value"}  # dates stay strings; "=" stays "="
_MERGE, _SEQ, _MAP = _TAG + "merge", _TAG + "seq", _TAG + "map"

KeyPath = tuple


@dataclass(frozen=True)
class Location:
    """A 1-based line and column in the source text."""

    line: int
    column: int


class YamlProblem(WargameError):
    """The text cannot be loaded; ``location`` says where, ``message`` says why."""

    def __init__(self, message: str, location: Location = Location(1, 1), source: str = "<string>"):
        super().__init__(message)
        self.message = message
        self.location = location
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}:{self.location.line}:{self.location.column}: {self.message}"


@dataclass
class Document:
    """Plain data plus where each part of it was written."""

    data: Any
    source: str
    locations: dict[KeyPath, Location] = field(default_factory=dict)
    key_locations: dict[KeyPath, Location] = field(default_factory=dict)
    yaml11_booleans: dict[KeyPath, str] = field(default_factory=dict)
    text: str = ""

    def locate(self, path: KeyPath, key: bool = False) -> Location:
        """Where ``path`` (its key if ``key``) was written, else its nearest known ancestor."""
        path = tuple(path)
        if key and path in self.key_locations:
            return self.key_locations[path]
        while path not in self.locations:
            if not path:
                return Location(1, 1)
            path = path[:-1]
        return self.locations[path]


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
    try:
        _prescan(text, source)
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        raise _marked_problem(error, text, source) from None
    except yaml.reader.ReaderError as error:
        message = str(error).splitlines()[0]
        raise YamlProblem(message, _offset_location(text, error.position), source) from None
    except yaml.YAMLError as error:
        raise YamlProblem(str(error).splitlines()[0] or "invalid YAML", source=source) from None
    if root is None or (isinstance(root, ScalarNode) and root.tag == _NULL and not root.value):
        raise YamlProblem("file is empty", source=source)
    _measure(root, 0, {}, set(), source)
    return _Builder(source, text).document(root)


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


def _mark_location(mark: Any) -> Location:
    return Location(mark.line + 1, mark.column + 1)


def _marked_problem(error: yaml.MarkedYAMLError, text: str, source: str) -> YamlProblem:
    """Turn a PyYAML syntax error into one line: the problem, its context, a tab hint."""
    mark = error.problem_mark or error.context_mark
    message = error.problem or error.context or "invalid YAML"
    if error.context and error.problem:
        where = f" at line {error.context_mark.line + 1}" if error.context_mark else ""
        message = f"{message} ({error.context}{where})"
    if mark is not None and _is_tab_problem(error, text, mark):
        message += "; use spaces instead of tabs: YAML does not allow tabs for indentation"
    return YamlProblem(message, _mark_location(mark) if mark else Location(1, 1), source)


def _is_tab_problem(error: yaml.MarkedYAMLError, text: str, mark: Any) -> bool:
    if re.search(r"\btab\b|'\\t'", error.problem or ""):  # libyaml: "a tab character"; PyYAML: "'\\t'"
        return True
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return mark.column < len(line) and line[mark.column] == "\t"


# -- bounds that hold before anything is built -------------------------------


def _prescan(text: str, source: str) -> None:
    """Walk the event stream (iterative, cheap) to refuse extra documents, deep nesting, alias floods."""
    documents = depth = aliases = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.ScalarEvent):
            continue
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _problem_at(event, f"nesting is deeper than the limit of {MAX_DEPTH} levels", source)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise _problem_at(event, f"more than {MAX_ALIASES} aliases (*name) in one file", source)
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _problem_at(event, "a second YAML document starts here; a file must hold exactly one", source)


def _problem_at(item: Node | yaml.Event, message: str, source: str) -> YamlProblem:
    return YamlProblem(message, _mark_location(item.start_mark), source)


def _measure(
    node: Node, depth: int, memo: dict[int, tuple[int, int]], active: set[int], source: str
) -> tuple[int, int]:
    """Count the values ``node`` expands to and check nesting through aliases, without expanding.

    Aliases share nodes, so results are memoized per node: a "billion
    laughs" document is measured in microseconds and refused before any
    value is built. ``depth`` counts the collections above ``node``.
    Returns (values, height in collection levels).
    """
    if isinstance(node, ScalarNode):
        return 1, 0
    if id(node) in memo:
        size, height = memo[id(node)]
    else:
        if id(node) in active:
            raise _problem_at(node, "an alias refers to a value that contains it (a loop)", source)
        if depth + 1 > MAX_DEPTH:  # checked before recursing, so recursion stays shallow
            raise _problem_at(node, _TOO_DEEP, source)
        active.add(id(node))
        size, height = 1, 0
        children = node.value if isinstance(node, SequenceNode) else (value for _key, value in node.value)
        for child in children:
            child_size, child_height = _measure(child, depth + 1, memo, active, source)
            size, height = size + child_size, max(height, child_height)
        active.discard(id(node))
        size, height = memo[id(node)] = (size, height + 1)
    if depth + height > MAX_DEPTH:
        raise _problem_at(node, _TOO_DEEP, source)
    if size > MAX_VALUES:
        message = f"more than {MAX_VALUES:,} values once aliases are expanded (a guard against alias bombs)"
        raise _problem_at(node, message, source)
    return size, height


_TOO_DEEP = f"nesting (counting aliases) is deeper than the limit of {MAX_DEPTH} levels"


# -- building plain values -------------------------------------------------------


class _Builder:
    """Build plain values from a measured node graph, recording a location per key path."""

    def __init__(self, source: str, text: str):
        self.doc = Document(data=None, source=source, text=text)

    def document(self, root: Node) -> Document:
        self.doc.data = self.build(root, ())
        return self.doc

    def problem(self, message: str, node: Node) -> YamlProblem:
        return _problem_at(node, message, self.doc.source)

    def build(self, node: Node, path: KeyPath) -> Any:
        self.doc.locations[path] = _mark_location(node.start_mark)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if node.tag not in (_SEQ, _MAP):
            raise self.problem(f"unsupported tag {node.tag!r}", node)
        if isinstance(node, SequenceNode):
            return [self.build(child, path + (index,)) for index, child in enumerate(node.value)]
        result = {}
        for key, (key_node, value_node) in self.entries(node).items():
            self.doc.key_locations[path + (key,)] = _mark_location(key_node.start_mark)
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node: ScalarNode, path: KeyPath) -> Any:
        """Only null, bool, int, float and str; YAML 1.1 booleans are remembered for error messages."""
        tag, text = node.tag, node.value
        try:
            if tag == _STR or tag in _KEEP_TEXT:
                return text
            if tag == _NULL:
                return None
            if tag == _BOOL:
                value = _CONSTRUCT.construct_yaml_bool(node)
                if not node.style and text.lower() not in ("true", "false"):
                    self.doc.yaml11_booleans[path] = text
                return value
            if tag == _INT:
                return _CONSTRUCT.construct_yaml_int(node)
            if tag == _FLOAT:
                return _CONSTRUCT.construct_yaml_float(node)
        except (KeyError, ValueError, IndexError):  # e.g. '!!bool maybe', '!!int ""', too many digits
            raise self.problem(f"cannot read {text[:40]!r} as {tag.rsplit(':', 1)[-1]}", node) from None
        raise self.problem(f"unsupported tag {tag!r}", node)

    def entries(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """Key text -> (key node, value node), with duplicates refused and merge keys applied."""
        explicit: dict[str, tuple[Node, Node]] = {}
        merged: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == _MERGE:
                for source in self.merge_sources(value_node):
                    for key, pair in self.entries(source).items():
                        merged.setdefault(key, pair)
                continue
            key = self.key_text(key_node)
            if key in explicit:
                first = _mark_location(explicit[key][0].start_mark)
                message = f"duplicate key {key!r} (first defined at line {first.line}, column {first.column})"
                raise self.problem(message, key_node)
            explicit[key] = (key_node, value_node)
        return explicit | {key: pair for key, pair in merged.items() if key not in explicit}

    def key_text(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            kind = "mapping" if isinstance(node, MappingNode) else "list"
            raise self.problem(f"a key must be a plain value, not a {kind}", node)
        return node.value

    def merge_sources(self, node: Node) -> list[MappingNode]:
        sources = node.value if isinstance(node, SequenceNode) else [node]
        if all(isinstance(item, MappingNode) and item.tag == _MAP for item in sources):
            return list(sources)
        raise self.problem("a merge key '<<' needs a mapping or a list of mappings, e.g. '<<: *base'", node)
