"""Bringing saves of an older ``format_version`` up to the current one.

Each entry of ``MIGRATIONS`` turns a save of version N (a plain dict, as
parsed) into version N + 1; loading walks the chain. Format 1 is the first
published format, so the table is empty today: when format 2 arrives, add
``1: _v1_to_v2`` here and a test with a real version-1 file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wargame.errors import SaveError

FORMAT_VERSION = 1
"""The save format this wargame writes."""

MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(data: dict[str, Any], version: int, name: str) -> dict[str, Any]:
    """Apply the migrations from ``version`` up to ``FORMAT_VERSION``."""
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SaveError(f"{name} uses save format {version}, which this wargame can no longer read")
        data = step(dict(data))
        version += 1
        data["format_version"] = version
    return data
