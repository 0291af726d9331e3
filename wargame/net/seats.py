"""Seats: who holds a side. A side is held by one seat, and the table asks the seat, never the side.

- ``Remote``: a team that joined with its code, from its own laptop; the
  table waits for its decisions and its ``ready``.
- ``Computer``: the side's doctrine (``wargame.ai.autoplay``), played by the
  host the moment a phase opens, so the table never waits for it.

The facilitator hands a side to the computer and back with a ``Seat``
decision (recorded in the save), so a resumed game seats every side as it
was left. A team at the host's own terminal is the same idea; it comes later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from wargame.engine import Decision
from wargame.engine import Seat as SeatChange


@dataclass(frozen=True)
class Remote:
    """A team playing over the network: the table waits for it."""

    waits: ClassVar[bool] = True
    label: ClassVar[str] = "team"


@dataclass(frozen=True)
class Computer:
    """The side's doctrine plays it on the host: never waited for."""

    waits: ClassVar[bool] = False
    label: ClassVar[str] = "computer"


Seat = Remote | Computer


def seat_sides(actors: tuple[str, ...], humans: tuple[str, ...], decisions: Iterable[Decision] = ()) -> dict[str, Seat]:
    """Every actor's seat: the ``humans`` are remote teams, the others the computer, then each recorded change."""
    seats: dict[str, Seat] = {actor: Remote() if actor in humans else Computer() for actor in actors}
    for decision in decisions:
        if isinstance(decision, SeatChange):
            seats[decision.actor] = Computer() if decision.holder == "computer" else Remote()
    return seats
