"""What a YAML load gives back: plain data with the place of every part, or a located problem.

Every later complaint about a scenario (a wrong type, an unknown id, a
condition that never holds) points at ``file:line:col``; these types carry
those places from the YAML reader to whoever complains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from wargame.errors import WargameError

KeyPath = tuple


class Location(NamedTuple):
    """A 1-based line and column in the source text."""

    line: int
    column: int


FILE_START = Location(1, 1)


class YamlProblem(WargameError):
    """The text cannot be loaded; ``location`` says where, ``message`` says why."""

    def __init__(self, message: str, location: Location = FILE_START, source: str = "<string>"):
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


def mark_location(mark: Any) -> Location:
    """The place a PyYAML mark (0-based) stands for."""
    return Location(mark.line + 1, mark.column + 1)
