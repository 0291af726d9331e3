"""Bounded, located YAML loading for files written by strangers.

Scenario files come from classmates and the internet, so loading must be
safe (no object construction), bounded (size, nesting, aliases, total
values) and must remember where every key and value came from, so that
every later complaint can point at ``file:line:col``.

How: one pass over the parser's event stream (C parser when present)
builds the plain Python values, with a location for every key path, and
checks every bound as it goes: one document, nesting, the number of
aliases, and the values and nesting an alias adds. Each anchor keeps the
size and height it expands to, so an alias is measured before it is
expanded, and it is expanded only while the values counted so far stay
within the limit: an alias bomb is refused after building at most
``MAX_VALUES`` values. Nothing recurses deeper than ``MAX_DEPTH``.

An alias is expanded by reading the anchor's recorded events again at the
alias's place, so every use gets its own values and locations. Merge keys
(``<<: *base``, ``<<: [*a, *b]``) are supported the same way: explicit
keys win over merged ones, earlier merge sources win over later ones, and
a merged value keeps the location where it was written.

Keys are kept as the text written in the file (``yes:`` is the key
``"yes"``, ``1:`` is ``"1"``), so YAML 1.1 cannot turn them into booleans.

When a file has several problems, the one reported is the first found in
this order: syntax, a second document, nesting and the alias count (in
file order); an undefined or repeated anchor (worded by PyYAML's
composer); an empty file; the size and depth aliases expand to (in file
order); then problems with the values (tags, scalars, keys, merge keys) in
the order they are built: a mapping's keys, merge keys included, before
its values, merged values after the explicit ones.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

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
_CONVERTERS = {
    _BOOL: _CONSTRUCT.construct_yaml_bool,
    _INT: _CONSTRUCT.construct_yaml_int,
    _FLOAT: _CONSTRUCT.construct_yaml_float,
}

KeyPath = tuple


class Location(NamedTuple):
    """A 1-based line and column in the source text."""

    line: int
    column: int


_FILE_START = Location(1, 1)


class YamlProblem(WargameError):
    """The text cannot be loaded; ``location`` says where, ``message`` says why."""

    def __init__(self, message: str, location: Location = _FILE_START, source: str = "<string>"):
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
        return _Reader(text, source).read()
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


# -- the one pass ------------------------------------------------------------------

_TOO_DEEP = f"nesting (counting aliases) is deeper than the limit of {MAX_DEPTH} levels"
_TOO_BIG = f"more than {MAX_VALUES:,} values once aliases are expanded (a guard against alias bombs)"
_LOOP = "an alias refers to a value that contains it (a loop)"
_BAD_MERGE = "a merge key '<<' needs a mapping or a list of mappings, e.g. '<<: *base'"

# What a mapping waits for (``_Frame.key``) when it is not the value of an accepted key.
_KEY = object()  # its next key
_MERGE_VALUE = object()  # the value of a merge key '<<'
_NOT_BUILT = object()  # the value of a refused key, or of any key where nothing is built

_MAPPING, _SEQUENCE, _HOLDER = "mapping", "sequence", "holder"
_STARTS = (MappingStartEvent, SequenceStartEvent)
_ENDS = (MappingEndEvent, SequenceEndEvent)


class _Anchor:
    """Where an anchored value's events are, and (once measured) the size and height it expands to."""

    __slots__ = ("end", "height", "open", "size", "start")

    def __init__(self, start: int, end: int | None):
        self.start = start
        self.end = end  # known at once for a scalar, when it closes for a collection
        self.size: int | None = None
        self.height = 0
        self.open = False  # being measured, so an alias to it is a loop


class _Frame:
    """An open collection, or a holder of one value (the document's root, a value read apart).

    ``build``: its values go into the document, and ``child_path`` is where the
    next one goes (None when it is not built). ``measure``: it counts toward the
    size and depth bounds (keys do not, nor values read again). ``source``: it
    is a merge source, whose ``entries`` are wanted. A frame that builds or is
    a source checks its keys. Problems are kept in three slots because a
    mapping's keys are checked before its values are built.
    """

    __slots__ = (
        "anchor", "build", "child_path", "entries", "height", "index", "is_key", "key", "key_location",
        "key_problem", "keys", "kind", "level", "measure", "merged", "path", "size", "source", "start",
        "tag_problem", "value", "value_problem",
    )  # fmt: skip

    def __init__(self, kind: str, start: int, level: int, path: KeyPath | None, *, measure: bool,
                 source: bool = False, is_key: bool = False):  # fmt: skip
        self.kind, self.start, self.level, self.path = kind, start, level, path
        self.build, self.measure, self.source, self.is_key = path is not None, measure, source, is_key
        self.anchor: _Anchor | None = None
        self.value: Any = None
        self.child_path = path + (0,) if kind is _SEQUENCE and path is not None else None
        if kind is _HOLDER:
            self.child_path = path
        self.key: Any = _KEY if kind is _MAPPING else None
        self.key_location: Location | None = None
        self.keys: dict[str, Location] = {}  # explicit keys so far
        self.index = 0
        self.merged: dict[str, tuple[Location, int, int]] = {}  # merged keys -> where they were written
        self.entries: dict[str, tuple[Location, int, int]] = {}  # a source's keys, merged ones included
        self.size = 0 if kind is _HOLDER else 1
        self.height = 0
        self.tag_problem = self.key_problem = self.value_problem = None

    def put(self, value: Any) -> None:
        if self.kind is _MAPPING:
            self.value[self.key] = value
        elif self.kind is _SEQUENCE:
            self.value.append(value)
        else:
            self.value = value

    def key_failed(self, problem: YamlProblem) -> None:
        if self.key_problem is None:
            self.key_problem = problem

    def value_failed(self, problem: YamlProblem) -> None:
        if self.value_problem is None:
            self.value_problem = problem

    def problem(self) -> YamlProblem | None:
        return self.tag_problem or self.key_problem or self.value_problem


class _Reader:
    """Read one document from the event stream: values, locations and every bound, in one pass.

    Every event is kept, so that an anchored value (or a merge source) can be
    read again where an alias (or a merge key) uses it. Building stops at the
    first alias or merge key that is to be built; once the whole stream has
    been measured, the document is built again from the kept events.
    """

    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source
        self.events: list[yaml.Event] = []
        self.ends: dict[int, int] = {}  # where each collection's events end, by where they start
        self.anchors: dict[str, _Anchor] = {}
        self.stack: list[_Frame] = []
        self.closed: _Frame | None = None  # the collection closed last
        self.root: int | None = None  # where the document's root value starts
        self.locations: dict[KeyPath, Location] = {}
        self.key_locations: dict[KeyPath, Location] = {}
        self.booleans: dict[KeyPath, str] = {}
        self.tags: dict[tuple, str] = {}  # (text, implicit) -> resolved tag: keys and values repeat
        self.scalars: dict[tuple[str, str], Any] = {}  # (tag, text) -> converted value
        self.anchor_problem = False  # an undefined alias or a repeated anchor
        self.measure_problem: YamlProblem | None = None
        self.live = True  # reading the parser's events, not kept ones
        self.deferred = False  # an alias or a merge key is to be built: build again once all is measured

    # -- reading

    def read(self) -> Document:
        loader = _LOADER(self.text)
        try:
            self.resolve = loader.resolve
            document = self.read_stream(loader.get_event)
        finally:
            loader.dispose()
        if self.anchor_problem:
            yaml.compose(self.text, Loader=_LOADER)  # raises the composer's own words for it
        if self.root is None or self.is_empty(self.events[self.root]):
            raise YamlProblem("file is empty", source=self.source)
        if self.measure_problem:
            raise self.measure_problem
        if self.deferred:
            document = self.rebuild()
        if document.problem():
            raise document.problem()
        return Document(document.value, self.source, self.locations, self.key_locations, self.booleans, self.text)

    def read_stream(self, next_event) -> _Frame:
        """Read the parser's events, refusing at once what the stream alone shows is too much."""
        events, stack, documents, aliases = self.events, self.stack, 0, 0
        document = _Frame(_HOLDER, 0, 0, (), measure=True)
        while True:
            event = next_event()
            index = len(events)
            events.append(event)
            kind = event.__class__
            if kind is ScalarEvent:
                if event.anchor is not None:
                    self.define(event.anchor, index, index)
                parent = stack[-1]
                if parent.key is _KEY:
                    self.key(parent, event)
                else:
                    self.scalar(parent, event, index)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if stack[-1].level >= MAX_DEPTH:
                    raise self.problem(f"nesting is deeper than the limit of {MAX_DEPTH} levels", event)
                if event.anchor is not None:
                    self.define(event.anchor, index, None)
                self.start(event, index)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self.end(index)
            elif kind is AliasEvent:
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise self.problem(f"more than {MAX_ALIASES} aliases (*name) in one file", event)
                if event.anchor not in self.anchors:
                    self.anchor_problem = True
                self.alias(event, index)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.problem("a second YAML document starts here; a file must hold exactly one", event)
                stack.append(document)
                self.root = index + 1
            elif kind is StreamEndEvent:
                self.live = False
                return document

    def define(self, name: str, start: int, end: int | None) -> None:
        if name in self.anchors:
            self.anchor_problem = True  # the first one stays
        else:
            self.anchors[name] = _Anchor(start, end)

    def replay(self, start: int, end: int) -> None:
        """Read the kept events ``start..end`` (one value) again, where the stack now stands.

        Measuring, it does not go into an anchored value measured already: it
        counts it as an alias to it would.
        """
        events, index = self.events, start
        while index <= end:
            event = events[index]
            kind = event.__class__
            if kind is ScalarEvent:
                parent = self.stack[-1]
                if parent.key is _KEY:
                    self.key(parent, event)
                else:
                    self.scalar(parent, event, index)
            elif kind in _STARTS:
                measured = self.measured_anchor(event, index) if index > start else None
                if measured is None:
                    self.start(event, index)
                else:
                    self.count(self.stack[-1], measured, event)
                    self.value_done(self.stack[-1], index, measured.end)
                    index = measured.end
            elif kind in _ENDS:
                self.end(index)
            elif kind is AliasEvent:
                self.alias(event, index)
            index += 1

    def measured_anchor(self, event: yaml.Event, index: int) -> _Anchor | None:
        """The anchor defined at ``index``, if measured already and counted here as a value."""
        parent = self.stack[-1]
        if event.anchor is None or not parent.measure or parent.key is _KEY:
            return None
        anchor = self.anchors.get(event.anchor)
        return anchor if anchor is not None and anchor.start == index and anchor.size is not None else None

    def replay_apart(self, start: int, end: int, *, measure: bool = False, source: bool = False) -> _Frame | None:
        """Read one kept value again on its own (nothing built): to measure it, or as a merge source."""
        holder = _Frame(_HOLDER, start, self.stack[-1].level, None, measure=measure, source=source)
        self.stack.append(holder)
        self.replay(start, end)
        self.stack.pop()
        return self.closed

    def defer(self) -> None:
        """Stop building: an alias or a merge key is to be built, which is safe only once all is measured."""
        self.deferred = True
        for frame in self.stack:
            frame.build, frame.child_path = False, None

    def rebuild(self) -> _Frame:
        """Build the document again from the kept events, expanding aliases and merge keys on the way.

        The whole stream has been measured by now: nothing expands beyond the bounds.
        """
        self.locations, self.key_locations, self.booleans = {}, {}, {}
        document = _Frame(_HOLDER, self.root, 0, (), measure=False)
        self.stack = [document]
        self.replay(self.root, self.ends.get(self.root, self.root))
        return document

    def problem(self, message: str, event: yaml.Event) -> YamlProblem:
        return YamlProblem(message, _mark_location(event.start_mark), self.source)

    def is_empty(self, root: yaml.Event) -> bool:
        return root.__class__ is ScalarEvent and root.value == "" and self.tag(root) == _NULL

    # -- values

    def scalar(self, parent: _Frame, event: ScalarEvent, index: int) -> None:
        if parent.measure:
            parent.size += 1
        path = parent.child_path
        if path is not None:
            mark = event.start_mark
            self.locations[path] = Location(mark.line + 1, mark.column + 1)
            parent.put(self.scalar_value(parent, event, path))
        self.value_done(parent, index, index)

    def scalar_value(self, parent: _Frame, event: ScalarEvent, path: KeyPath) -> Any:
        """Only null, bool, int, float and str; YAML 1.1 booleans are remembered for error messages."""
        tag, text = self.tag(event), event.value
        if tag == _STR or tag in _KEEP_TEXT:
            return text
        if tag == _NULL:
            return None
        if tag not in _CONVERTERS:
            parent.value_failed(self.problem(f"unsupported tag {tag!r}", event))
            return None
        try:
            value = self.scalars[tag, text]
        except KeyError:
            try:
                value = self.scalars[tag, text] = _CONVERTERS[tag](ScalarNode(tag, text))
            except (KeyError, ValueError, IndexError):  # e.g. '!!bool maybe', '!!int ""', too many digits
                parent.value_failed(self.problem(f"cannot read {text[:40]!r} as {tag.rsplit(':', 1)[-1]}", event))
                return None
        if tag == _BOOL and not event.style and text.lower() not in ("true", "false"):
            self.booleans[path] = text
        return value

    def tag(self, event: ScalarEvent) -> str:
        """The scalar's tag, resolved from its text as the composer does when none is written."""
        tag = event.tag
        if tag is None or tag == "!":
            key = (event.value, event.implicit)
            tag = self.tags.get(key)
            if tag is None:
                tag = self.tags[key] = self.resolve(ScalarNode, event.value, event.implicit)
        return tag

    def start(self, event: yaml.Event, index: int) -> None:
        """A mapping or a list starts, as a value or as a key of the frame on top."""
        parent = self.stack[-1]
        kind = _MAPPING if event.__class__ is MappingStartEvent else _SEQUENCE
        if parent.key is _KEY:
            self.collection_key(parent, event)
            frame = _Frame(kind, index, parent.level + 1, None, measure=False, is_key=True)
        else:
            path = parent.child_path
            frame = _Frame(kind, index, parent.level + 1, path, measure=parent.measure,
                           source=parent.source and parent.kind is _HOLDER)  # fmt: skip
            if frame.measure and frame.level > MAX_DEPTH:
                self.measure_failed(self.problem(_TOO_DEEP, event))
            if path is not None:
                mark = event.start_mark
                self.locations[path] = Location(mark.line + 1, mark.column + 1)
                frame.value = {} if kind is _MAPPING else []
                parent.put(frame.value)
                if event.tag is not None and event.tag != "!" and event.tag not in (_SEQ, _MAP):
                    frame.tag_problem = self.problem(f"unsupported tag {event.tag!r}", event)
        if event.anchor is not None:
            anchor = self.anchors.get(event.anchor)
            if anchor is not None and anchor.start == index:
                frame.anchor = anchor
                anchor.open = frame.measure
        self.stack.append(frame)

    def end(self, index: int) -> None:
        frame = self.stack[-1]
        if frame.merged and frame.build:
            self.build_merged(frame)
        self.stack.pop()
        self.closed = frame
        self.ends[frame.start] = index
        anchor = frame.anchor
        if anchor is not None and anchor.end is None:
            anchor.end = index
        parent = self.stack[-1]
        if frame.measure:
            height = frame.height + 1
            if anchor is not None:
                anchor.size, anchor.height, anchor.open = frame.size, height, False
            self.check_bounds(self.events[frame.start], frame.level - 1, height, frame.size)
            parent.size += frame.size
            parent.height = max(parent.height, height)
        if frame.build and frame.problem():
            parent.value_failed(frame.problem())
        if frame.source:
            for key, entry in frame.merged.items():
                frame.entries.setdefault(key, entry)
        if not frame.is_key:
            self.value_done(parent, frame.start, index)

    def value_done(self, parent: _Frame, start: int, end: int) -> None:
        """The value ``events[start..end]`` of ``parent`` is complete."""
        if parent.kind is _MAPPING:
            key = parent.key
            if key is _MERGE_VALUE:
                if parent.key_problem is None:
                    self.merge(parent, start, end)
            elif parent.source and key is not _NOT_BUILT:
                parent.entries[key] = (parent.key_location, start, end)
            parent.key = _KEY
        elif parent.kind is _SEQUENCE:
            parent.index += 1
            if parent.build:
                parent.child_path = parent.path + (parent.index,)

    # -- keys

    def key(self, parent: _Frame, event: yaml.Event) -> None:
        """A key written as a scalar, or the anchored value an alias key refers to."""
        parent.key, parent.child_path = _NOT_BUILT, None  # unless it is accepted below
        if not (parent.build or parent.source):
            return
        if event.__class__ is not ScalarEvent:
            parent.key_failed(self.problem(self.complex_key(event), event))
        elif self.tag(event) == _MERGE:
            if self.live:
                self.defer()  # merged values are built once the whole stream is measured
            else:
                parent.key = _MERGE_VALUE
        else:
            self.plain_key(parent, event)

    def plain_key(self, parent: _Frame, event: ScalarEvent) -> None:
        key, mark = event.value, event.start_mark
        location = Location(mark.line + 1, mark.column + 1)
        first = parent.keys.get(key)
        if first is not None:
            message = f"duplicate key {key!r} (first defined at line {first.line}, column {first.column})"
            parent.key_failed(self.problem(message, event))
            return
        parent.keys[key] = location
        parent.key = key
        parent.key_location = location
        if parent.build:
            parent.child_path = path = parent.path + (key,)
            self.key_locations[path] = location

    def collection_key(self, parent: _Frame, event: yaml.Event) -> None:
        """A mapping or list used as a key: refused; it is read (it may hold anchors) but never built."""
        if parent.build or parent.source:
            parent.key_failed(self.problem(self.complex_key(event), event))
        parent.key, parent.child_path = _NOT_BUILT, None

    @staticmethod
    def complex_key(event: yaml.Event) -> str:
        kind = "mapping" if event.__class__ is MappingStartEvent else "list"
        return f"a key must be a plain value, not a {kind}"

    # -- aliases

    def alias(self, event: AliasEvent, index: int) -> None:
        parent = self.stack[-1]
        anchor = self.anchors.get(event.anchor)
        if anchor is None:  # undefined: the composer will say so
            if parent.key is _KEY:
                parent.key, parent.child_path = _NOT_BUILT, None
            else:
                self.value_done(parent, index, index)
            return
        node = self.events[anchor.start]
        if parent.key is _KEY:
            self.key(parent, node)
            return
        if parent.measure and self.measure_problem is None:
            self.measure_alias(parent, anchor, node)
        if parent.child_path is not None:
            if not self.live:
                self.expand(parent, anchor.start, anchor.end)
                return
            self.defer()  # aliases are expanded once the whole stream is measured
        self.value_done(parent, index, index)

    def measure_alias(self, parent: _Frame, anchor: _Anchor, node: yaml.Event) -> None:
        """Count what an alias adds, without expanding it; an anchor not measured yet (written inside a key) is."""
        if node.__class__ is ScalarEvent:
            parent.size += 1
        elif anchor.open:
            self.measure_failed(self.problem(_LOOP, node))
        else:
            if anchor.size is None:
                self.replay_apart(anchor.start, anchor.end, measure=True)
            if self.measure_problem is None:
                self.count(parent, anchor, node)

    def count(self, parent: _Frame, anchor: _Anchor, node: yaml.Event) -> None:
        """Add a measured anchor's size and height where it is used."""
        self.check_bounds(node, parent.level, anchor.height, anchor.size)
        parent.size += anchor.size
        parent.height = max(parent.height, anchor.height)

    def expand(self, parent: _Frame, start: int, end: int) -> None:
        """Build the kept value ``events[start..end]`` again as the next value of ``parent``.

        It was counted where it is used, so ``parent`` stops measuring meanwhile.
        """
        measure, parent.measure = parent.measure, False
        self.replay(start, end)
        parent.measure = measure

    # -- bounds

    def check_bounds(self, event: yaml.Event, depth: int, height: int, size: int) -> None:
        """A value of ``size`` values and ``height`` levels, under ``depth`` collections."""
        if depth + height > MAX_DEPTH:
            self.measure_failed(self.problem(_TOO_DEEP, event))
        elif size > MAX_VALUES:
            self.measure_failed(self.problem(_TOO_BIG, event))

    def measure_failed(self, problem: YamlProblem) -> None:
        if self.measure_problem is None:
            self.measure_problem = problem

    # -- merge keys

    def merge(self, frame: _Frame, start: int, end: int) -> None:
        """``<<: value`` in ``frame``: note each source's entries; explicit keys and earlier sources win."""
        sources = self.merge_sources(start, end)
        if isinstance(sources, YamlProblem):
            frame.key_failed(sources)
            return
        for source_start, source_end in sources:
            source = self.replay_apart(source_start, source_end, source=True)
            if source.key_problem:
                frame.key_failed(source.key_problem)
                return
            for key, entry in source.entries.items():
                frame.merged.setdefault(key, entry)

    def merge_sources(self, start: int, end: int) -> list[tuple[int, int]] | YamlProblem:
        """The mappings a merge key's value names: itself, or each item of a list."""
        value = self.resolved(start, end)
        event = self.events[value[0]]
        items = [value]
        if event.__class__ is SequenceStartEvent:
            items = [self.resolved(*item) for item in self.items(*value)]
        if all(self.is_plain_mapping(item) for item in items):
            return items
        return self.problem(_BAD_MERGE, event)

    def resolved(self, start: int, end: int) -> tuple[int, int]:
        """The events of the value at ``start``, through an alias."""
        event = self.events[start]
        if event.__class__ is AliasEvent:
            anchor = self.anchors[event.anchor]
            return anchor.start, anchor.end
        return start, end

    def items(self, start: int, end: int):
        """(start, end) of each item of the list ``events[start..end]``."""
        index = start + 1
        while index < end:
            item_end = self.ends.get(index, index)
            yield index, item_end
            index = item_end + 1

    def is_plain_mapping(self, value: tuple[int, int]) -> bool:
        event = self.events[value[0]]
        return event.__class__ is MappingStartEvent and event.tag in (None, "!", _MAP)

    def build_merged(self, frame: _Frame) -> None:
        """Build the merged entries no explicit key overrides, as values of ``frame``, where they were written."""
        for key, (key_location, start, end) in frame.merged.items():
            if key not in frame.keys:
                frame.key, frame.child_path = key, frame.path + (key,)
                self.key_locations[frame.child_path] = key_location
                self.expand(frame, start, end)
