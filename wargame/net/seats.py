"""Seats: who holds a side. A side is held by one seat, and the table asks the seat, never the side.

- ``Remote``: a team that joined with its code, from its own laptop; the
  table waits for its decisions and its ``ready``.
- ``Computer``: the side's doctrine (``wargame.ai.autoplay``), played by the
  host the moment a phase opens, so the table never waits for it.

A team at the host's own terminal and the facilitator taking a side over
are the same idea (a seat for the side); they come later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


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


def seat_sides(actors: tuple[str, ...], humans: tuple[str, ...]) -> dict[str, Seat]:
    """Every actor's seat: the ``humans`` are remote teams, the others are played by the computer."""
    return {actor: Remote() if actor in humans else Computer() for actor in actors}
