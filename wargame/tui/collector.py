"""Python's garbage collector, kept out of the way of a player's keys.

Python's cyclic collector pauses the program to scan every tracked object:
by default after every 700 new objects (a young collection), and now and
then all of them (a full one). In a whole game played by keys
(``benchmarks/bench_ui.py``) the full collections alone were about 370 ms
each, several per game, each one landing on whatever key was pressed.

Most objects a game holds are made while it starts (modules, classes, the
scenario, the first screen) and live until it ends. So ``wargame play``
holds the collector while it starts, and once the first screen with real
content is drawn, freezes what exists (``gc.freeze``: never scanned again)
and lets collections run less often. Garbage made during play is still
collected.
"""

from __future__ import annotations

import gc

YOUNG_COLLECTION_EVERY = 10_000  # new objects between young collections (Python's default: 700)


def hold_for_start_up() -> None:
    """No collection while the game starts: nothing made then is garbage for long."""
    gc.disable()


def release_after_start_up() -> None:
    """Freeze what start-up made and collect less often from now on; only if start-up held the collector."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, 20, 100)
    gc.enable()
