"""The one pass over the YAML parser's events that builds located plain values within bounds.

How: one pass over the parser's event stream (C parser when present)
builds the plain Python values, with a location for every key path, and
checks every bound as it goes: one document, nesting, the number of
aliases and of values written, and the values and nesting an alias adds. Each anchor keeps the
size and height it expands to, so an alias is measured before it is
expanded, and it is expanded only while the values counted so far stay
within the limit: an alias bomb is refused after building at most
``MAX_VALUES`` values. Nothing recurses deeper than ``MAX_DEPTH``.

An alias is expanded by reading the anchor's recorded events again at the
alias's place, so every use gets its own values and locations. Merge keys
(``<<: *base``, ``<<: [*a, *b]``) are supported the same way: explicit
keys win over merged ones, earlier merge sources win over later ones, and
a merged value keeps the location where it was written.
"""

from __future__ import annotations

from typing import Any

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

from wargame.scenario.yamldocument import Document, KeyPath, Location, YamlProblem, mark_location
from wargame.scenario.yamlframes import (
    HOLDER,
    KEY,
    MAPPING,
    MERGE_VALUE,
    NOT_BUILT,
    SEQUENCE,
    Anchor,
    Frame,
)
from wargame.scenario.yamlscalars import (
    MAP,
    MERGE,
    NULL,
    SEQ,
    UnreadableScalar,
    is_yaml11_boolean,
    plain_value,
    scalar_tag,
)

MAX_DEPTH = 64
MAX_ALIASES = 100
MAX_VALUES = 100_000
MAX_WRITTEN = 20_000
"""Values written in one file, keys aside (``yamlcount`` counts them first in a large text)."""

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TOO_DEEP = f"nesting (counting aliases) is deeper than the limit of {MAX_DEPTH} levels"
TOO_MANY = f"more than {MAX_WRITTEN:,} values written in one file; a scenario needs a few thousand at most"
_TOO_BIG = f"more than {MAX_VALUES:,} values once aliases are expanded (a guard against alias bombs)"
_LOOP = "an alias refers to a value that contains it (a loop)"
_BAD_MERGE = "a merge key '<<' needs a mapping or a list of mappings, e.g. '<<: *base'"

_STARTS = (MappingStartEvent, SequenceStartEvent)
_ENDS = (MappingEndEvent, SequenceEndEvent)


class Reader:
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
        self.anchors: dict[str, Anchor] = {}
        self.stack: list[Frame] = []
        self.closed: Frame | None = None  # the collection closed last
        self.root: int | None = None  # where the document's root value starts
        self.locations: dict[KeyPath, Location] = {}
        self.key_locations: dict[KeyPath, Location] = {}
        self.booleans: dict[KeyPath, str] = {}
        self.anchor_problem = False  # an undefined alias or a repeated anchor
        self.measure_problem: YamlProblem | None = None
        self.live = True  # reading the parser's events, not kept ones
        self.deferred = False  # an alias or a merge key is to be built: build again once all is measured

    # -- reading

    def read(self) -> Document:
        loader = LOADER(self.text)
        try:
            self.resolve = loader.resolve
            document = self.read_stream(loader.get_event)
        finally:
            loader.dispose()
        if self.anchor_problem:
            yaml.compose(self.text, Loader=LOADER)  # raises the composer's own words for it
        if self.root is None or self.is_empty(self.events[self.root]):
            raise YamlProblem("file is empty", source=self.source)
        if self.measure_problem:
            raise self.measure_problem
        if self.deferred:
            document = self.rebuild()
        if document.problem():
            raise document.problem()
        return Document(document.value, self.source, self.locations, self.key_locations, self.booleans, self.text)

    def read_stream(self, next_event) -> Frame:
        """Read the parser's events, refusing at once what the stream alone shows is too much."""
        events, stack, documents, aliases, written = self.events, self.stack, 0, 0, 0
        document = Frame(HOLDER, 0, 0, (), measure=True)
        while True:
            event = next_event()
            index = len(events)
            events.append(event)
            kind = event.__class__
            if kind is ScalarEvent:
                if event.anchor is not None:
                    self.define(event.anchor, index, index)
                parent = stack[-1]
                if parent.key is KEY:
                    self.key(parent, event)
                else:
                    written += 1
                    if written > MAX_WRITTEN:
                        raise self.problem(TOO_MANY, event)
                    self.scalar(parent, event, index)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if stack[-1].level >= MAX_DEPTH:
                    raise self.problem(f"nesting is deeper than the limit of {MAX_DEPTH} levels", event)
                written += stack[-1].key is not KEY
                if written > MAX_WRITTEN:
                    raise self.problem(TOO_MANY, event)
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
            self.anchors[name] = Anchor(start, end)

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
                if parent.key is KEY:
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

    def measured_anchor(self, event: yaml.Event, index: int) -> Anchor | None:
        """The anchor defined at ``index``, if measured already and counted here as a value."""
        parent = self.stack[-1]
        if event.anchor is None or not parent.measure or parent.key is KEY:
            return None
        anchor = self.anchors.get(event.anchor)
        return anchor if anchor is not None and anchor.start == index and anchor.size is not None else None

    def replay_apart(self, start: int, end: int, *, measure: bool = False, source: bool = False) -> Frame | None:
        """Read one kept value again on its own (nothing built): to measure it, or as a merge source."""
        holder = Frame(HOLDER, start, self.stack[-1].level, None, measure=measure, source=source)
        self.stack.append(holder)
        self.replay(start, end)
        self.stack.pop()
        return self.closed

    def defer(self) -> None:
        """Stop building: an alias or a merge key is to be built, which is safe only once all is measured."""
        self.deferred = True
        for frame in self.stack:
            frame.build, frame.child_path = False, None

    def rebuild(self) -> Frame:
        """Build the document again from the kept events, expanding aliases and merge keys on the way.

        The whole stream has been measured by now: nothing expands beyond the bounds.
        """
        self.locations, self.key_locations, self.booleans = {}, {}, {}
        document = Frame(HOLDER, self.root, 0, (), measure=False)
        self.stack = [document]
        self.replay(self.root, self.ends.get(self.root, self.root))
        return document

    def problem(self, message: str, event: yaml.Event) -> YamlProblem:
        return YamlProblem(message, mark_location(event.start_mark), self.source)

    def is_empty(self, root: yaml.Event) -> bool:
        return root.__class__ is ScalarEvent and root.value == "" and scalar_tag(root, self.resolve) == NULL

    # -- values

    def scalar(self, parent: Frame, event: ScalarEvent, index: int) -> None:
        if parent.measure:
            parent.size += 1
        path = parent.child_path
        if path is not None:
            self.locations[path] = mark_location(event.start_mark)
            parent.put(self.scalar_value(parent, event, path))
        self.value_done(parent, index, index)

    def scalar_value(self, parent: Frame, event: ScalarEvent, path: KeyPath) -> Any:
        """Only null, bool, int, float and str; YAML 1.1 booleans are remembered for error messages."""
        tag = scalar_tag(event, self.resolve)
        try:
            value = plain_value(tag, event.value)
        except UnreadableScalar as why:
            parent.value_failed(self.problem(str(why), event))
            return None
        if is_yaml11_boolean(tag, event):
            self.booleans[path] = event.value
        return value

    def start(self, event: yaml.Event, index: int) -> None:
        """A mapping or a list starts, as a value or as a key of the frame on top."""
        parent = self.stack[-1]
        kind = MAPPING if event.__class__ is MappingStartEvent else SEQUENCE
        if parent.key is KEY:
            self.collection_key(parent, event)
            frame = Frame(kind, index, parent.level + 1, None, measure=False, is_key=True)
        else:
            path = parent.child_path
            frame = Frame(kind, index, parent.level + 1, path, measure=parent.measure,
                           source=parent.source and parent.kind is HOLDER)  # fmt: skip
            if frame.measure and frame.level > MAX_DEPTH:
                self.measure_failed(self.problem(_TOO_DEEP, event))
            if path is not None:
                self.locations[path] = mark_location(event.start_mark)
                frame.value = {} if kind is MAPPING else []
                parent.put(frame.value)
                if event.tag is not None and event.tag != "!" and event.tag not in (SEQ, MAP):
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

    def value_done(self, parent: Frame, start: int, end: int) -> None:
        """The value ``events[start..end]`` of ``parent`` is complete."""
        if parent.kind is MAPPING:
            key = parent.key
            if key is MERGE_VALUE:
                if parent.key_problem is None:
                    self.merge(parent, start, end)
            elif parent.source and key is not NOT_BUILT:
                parent.entries[key] = (parent.key_location, start, end)
            parent.key = KEY
        elif parent.kind is SEQUENCE:
            parent.index += 1
            if parent.build:
                parent.child_path = parent.path + (parent.index,)

    # -- keys

    def key(self, parent: Frame, event: yaml.Event) -> None:
        """A key written as a scalar, or the anchored value an alias key refers to."""
        parent.key, parent.child_path = NOT_BUILT, None  # unless it is accepted below
        if not (parent.build or parent.source):
            return
        if event.__class__ is not ScalarEvent:
            parent.key_failed(self.problem(self.complex_key(event), event))
        elif scalar_tag(event, self.resolve) == MERGE:
            if self.live:
                self.defer()  # merged values are built once the whole stream is measured
            else:
                parent.key = MERGE_VALUE
        else:
            self.plain_key(parent, event)

    def plain_key(self, parent: Frame, event: ScalarEvent) -> None:
        key, location = event.value, mark_location(event.start_mark)
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

    def collection_key(self, parent: Frame, event: yaml.Event) -> None:
        """A mapping or list used as a key: refused; it is read (it may hold anchors) but never built."""
        if parent.build or parent.source:
            parent.key_failed(self.problem(self.complex_key(event), event))
        parent.key, parent.child_path = NOT_BUILT, None

    @staticmethod
    def complex_key(event: yaml.Event) -> str:
        kind = "mapping" if event.__class__ is MappingStartEvent else "list"
        return f"a key must be a plain value, not a {kind}"

    # -- aliases

    def alias(self, event: AliasEvent, index: int) -> None:
        parent = self.stack[-1]
        anchor = self.anchors.get(event.anchor)
        if anchor is None:  # undefined: the composer will say so
            if parent.key is KEY:
                parent.key, parent.child_path = NOT_BUILT, None
            else:
                self.value_done(parent, index, index)
            return
        node = self.events[anchor.start]
        if parent.key is KEY:
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

    def measure_alias(self, parent: Frame, anchor: Anchor, node: yaml.Event) -> None:
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

    def count(self, parent: Frame, anchor: Anchor, node: yaml.Event) -> None:
        """Add a measured anchor's size and height where it is used."""
        self.check_bounds(node, parent.level, anchor.height, anchor.size)
        parent.size += anchor.size
        parent.height = max(parent.height, anchor.height)

    def expand(self, parent: Frame, start: int, end: int) -> None:
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

    def merge(self, frame: Frame, start: int, end: int) -> None:
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
        return event.__class__ is MappingStartEvent and event.tag in (None, "!", MAP)

    def build_merged(self, frame: Frame) -> None:
        """Build the merged entries no explicit key overrides, as values of ``frame``, where they were written."""
        for key, (key_location, start, end) in frame.merged.items():
            if key not in frame.keys:
                frame.key, frame.child_path = key, frame.path + (key,)
                self.key_locations[frame.child_path] = key_location
                self.expand(frame, start, end)
