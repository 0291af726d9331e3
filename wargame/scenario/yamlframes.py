"""The bookkeeping of the YAML reader's one pass: anchors and open collections.

The reader walks the parser's events once and may read a stretch of them
again (an alias, a merge source); what it must remember meanwhile about an
anchored value (where it is, how much it expands to) and about each open
collection (what it builds, what it counts toward the bounds, which
problem it found first) lives here, apart from the walking itself.
"""

from __future__ import annotations

from typing import Any

from wargame.scenario.yamldocument import KeyPath, Location, YamlProblem

# What a mapping waits for (``Frame.key``) when it is not the value of an accepted key.
KEY = object()  # its next key
MERGE_VALUE = object()  # the value of a merge key '<<'
NOT_BUILT = object()  # the value of a refused key, or of any key where nothing is built

MAPPING, SEQUENCE, HOLDER = "mapping", "sequence", "holder"


class Anchor:
    """Where an anchored value's events are, and (once measured) the size and height it expands to."""

    __slots__ = ("end", "height", "open", "size", "start")

    def __init__(self, start: int, end: int | None):
        self.start = start
        self.end = end  # known at once for a scalar, when it closes for a collection
        self.size: int | None = None
        self.height = 0
        self.open = False  # being measured, so an alias to it is a loop


class Frame:
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
        self.anchor: Anchor | None = None
        self.value: Any = None
        self.child_path = path + (0,) if kind is SEQUENCE and path is not None else None
        if kind is HOLDER:
            self.child_path = path
        self.key: Any = KEY if kind is MAPPING else None
        self.key_location: Location | None = None
        self.keys: dict[str, Location] = {}  # explicit keys so far
        self.index = 0
        self.merged: dict[str, tuple[Location, int, int]] = {}  # merged keys -> where they were written
        self.entries: dict[str, tuple[Location, int, int]] = {}  # a source's keys, merged ones included
        self.size = 0 if kind is HOLDER else 1
        self.height = 0
        self.tag_problem = self.key_problem = self.value_problem = None

    def put(self, value: Any) -> None:
        if self.kind is MAPPING:
            self.value[self.key] = value
        elif self.kind is SEQUENCE:
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
