"""Python's garbage collector, kept out of the way of a player's keys.

Python's cyclic collector pauses the program to scan every tracked object:
by default after every 700 new objects (a young collection), and now and
then all of them (a full one). In a whole Cuban game played by keys on a
busy machine, 22 full collections took about 370 ms each, every one landing
on whatever key was pressed.

Most objects a game holds are made while it starts (modules, classes, the
scenario, the game screen) and live until it ends. So ``wargame play``
holds the collector while it starts and the first briefing is read; once
the game screen is drawn, it collects that garbage (the briefing's widgets)
once and freezes what is left (``gc.freeze``: never scanned again), so a
full collection scans only what the game made since. Garbage made during
play is still collected. (Rarer young collections were tried too: they
cost 7 MiB of memory for no latency we could measure.)
"""

from __future__ import annotations

import gc


def hold_for_start_up() -> None:
    """No collection while the game starts: nothing made then is garbage for long."""
    gc.disable()


def release_after_start_up() -> None:
    """Collect, freeze what is left, and collect as usual from now on; only if start-up held the collector."""
    if gc.isenabled():
        return
    gc.collect()
    gc.freeze()
    gc.enable()
