"""The phase clock in words, for the header of a game joined over the network.

The host sends the clock with every view (seconds left when it was sent);
the client counts down from there itself, so the words change every second
without the host saying anything.
"""

from __future__ import annotations


def clock_words(clock: dict | None, elapsed: float, paused: bool = False) -> str:
    """"4:32 left", "4:32 → computer", "time up" (held), with "paused" when the facilitator holds the game."""
    if clock is None:
        return "paused by the facilitator" if paused else ""
    left = clock["seconds"] - (elapsed if clock.get("running", True) else 0.0)
    if left > 0:
        whole = int(left + 0.999)  # 0.2 s left still reads 0:01, never 0:00 before the end
        words = f"{whole // 60}:{whole % 60:02d}"
        words += " → computer" if clock.get("policy") == "computer" else " left"
    else:
        words = "time up"
    return f"{words} · paused" if paused else words
