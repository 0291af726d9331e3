"""Computer players: doctrines that read an ``ActorView`` and decide.

Every doctrine has the same small interface (``choose_order`` and
``choose_messages``), takes the random generator it is given and nothing
else, and so is deterministic for a seed. Doctrines never see the game,
only what their actor may know, and keep nothing from one decision to the
next: a decision is a function of (view, rng, doctrine), so games played in
one process, or in threads, never meet (the only tables are bounded caches of
facts that follow from a scenario alone).
"""

from __future__ import annotations

import random
from typing import Protocol

from wargame.engine.decisions import Message, Order
from wargame.engine.views import ActorView


class Doctrine(Protocol):
    name: str
    summary: str

    def choose_order(self, view: ActorView, rng: random.Random) -> Order: ...

    def choose_messages(self, view: ActorView, rng: random.Random) -> list[Message]: ...


def doctrine(name: str) -> Doctrine:
    """The doctrine or scripted player called ``name`` (one of ``player_names()``)."""
    return players()[name]


def doctrine_names() -> tuple[str, ...]:
    """The four doctrines: the styles of play a balance report pairs against each other."""
    from wargame.ai.doctrines import DOCTRINES

    return tuple(DOCTRINES)


def player_names() -> tuple[str, ...]:
    """Everything a scenario may put on a side: the four doctrines and the scripted careful and careless players."""
    return tuple(players())


def players() -> dict[str, Doctrine]:
    from wargame.ai.doctrines import DOCTRINES
    from wargame.ai.scripted import SCRIPTED

    return {**DOCTRINES, **SCRIPTED}
