"""Which doctrine assignments a balance report plays.

With two or three actors every combination of the four computer doctrines
is played (16 or 64 pairings), so each actor meets every style of opponent.
With four or more the full product grows too fast (256, 1024, ...), so each
actor in turn cycles through the doctrines while the others keep the
doctrine the scenario gives them; the scenario's own assignment is played
once, as the baseline. Either way every pairing plays the same seeds
(common random numbers), so differences between pairings come from the
doctrines, not from luck.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from wargame.scenario.loader import LoadedScenario

FULL_PRODUCT_LIMIT = 64
"""Play every combination when there are at most this many (two or three actors)."""


@dataclass(frozen=True)
class Pairing:
    """One doctrine per actor, in scenario order."""

    doctrines: tuple[tuple[str, str], ...]  # (actor, doctrine)

    def as_dict(self) -> dict[str, str]:
        return dict(self.doctrines)

    def label(self) -> str:
        return " / ".join(doctrine for _, doctrine in self.doctrines)


def pairings(scenario: LoadedScenario, doctrines: tuple[str, ...]) -> tuple[list[Pairing], str]:
    """The pairings to play, and one sentence saying how they were chosen.

    A side the scenario gives to a scripted player (``careful``, ``careless``:
    any name not in ``doctrines``) keeps it in every pairing; the others vary.
    """
    base = tuple((actor.id, actor.doctrine) for actor in scenario.spec.actors)
    varied = [i for i, (_, doctrine) in enumerate(base) if doctrine in doctrines]
    if len(doctrines) ** len(varied) <= FULL_PRODUCT_LIMIT:
        found = []
        for combo in itertools.product(doctrines, repeat=len(varied)):
            chosen = dict(zip(varied, combo))
            found.append(Pairing(tuple((actor, chosen.get(i, doctrine)) for i, (actor, doctrine) in enumerate(base))))
        return found, f"every combination of the {len(doctrines)} doctrines for the {len(varied)} actors"
    found = [Pairing(base)]
    for i in varied:
        for doctrine in doctrines:
            if doctrine != base[i][1]:
                found.append(Pairing(base[:i] + ((base[i][0], doctrine),) + base[i + 1:]))
    return found, ("the scenario's own doctrines, then each actor in turn playing every other doctrine "
                   "while the rest keep theirs")
