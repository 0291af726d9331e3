"""Ringing each game's phase clock on time, on the host's event loop.

After every change to a game the host re-arms its alarm for the moment its
clock runs out (``Table.clock``); when it rings, the host asks the table to
act on the timeout. A moved, cleared or paused clock simply re-arms (or
disarms) on the next change, so nothing polls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from wargame.net.table import Table

SLACK = 0.01  # seconds after the deadline: the clock has surely run out when the alarm rings


class Alarms:
    """One pending alarm per game; ``ring(table)`` is awaited when that game's clock runs out."""

    def __init__(self, ring: Callable[[Table], Awaitable[None]]) -> None:
        self.ring = ring
        self._pending: dict[int, asyncio.TimerHandle] = {}
        self._ringing: set[asyncio.Task] = set()

    def arm(self, table: Table) -> None:
        """Set the game's alarm for its clock as it stands now (or none, when no clock runs)."""
        if (handle := self._pending.pop(table.number, None)) is not None:
            handle.cancel()
        table.status()  # the clock follows the game's phase
        clock = table.clock
        left = clock.left()
        if left is None or clock.frozen is not None or (left <= 0 and not clock.due()):
            return  # no clock, a paused one, or one already acted on (overdue)
        loop = asyncio.get_running_loop()
        self._pending[table.number] = loop.call_later(max(0.0, left) + SLACK, self._fire, table)

    def _fire(self, table: Table) -> None:
        self._pending.pop(table.number, None)
        task = asyncio.ensure_future(self.ring(table))
        self._ringing.add(task)  # kept until done: the loop holds only weak references to tasks
        task.add_done_callback(self._ringing.discard)
