"""Why a reading was clear or noisy: the parts of its noise, and the causes a player is told.

``perception.noise`` is the sum of the parts built here (``NoiseParts``), so
the words can never drift from the rule. A reading keeps its noise and the
keys of its main causes (``NoiseParts.causes``), taken when it was made;
``clarity_words`` turns them into "noisy reading: strained line, low trust".

Every cause comes from what the reading side may know: its own trust in
the other, the channel between them, transparency measures between them,
and that the move it saw is a covert one (a move it did not see has no
reading, so no causes).
"""

from __future__ import annotations

from typing import NamedTuple

LOW_TRUST, HIGH_TRUST = 50, 80  # trust below LOW_TRUST reads "low", at HIGH_TRUST or more "high"
LEVELS = ((0.6, "clear"), (1.2, "somewhat noisy"), (2.0, "noisy"))  # noise below each bound; above the last, "very noisy"
CAUSE_WORDS = {
    "severed": "line cut",
    "strained": "strained line",
    "covert": "covert move",
    "low_trust": "low trust",
    "middling_trust": "middling trust",
    "hotline": "hotline",
    "transparency": "transparency measures in force",
    "high_trust": "high trust",
    "noise_off": "this scenario has no misperception",
}
ADDING = ("severed", "strained", "covert", "low_trust", "middling_trust")  # named when the reading was not clear
EASING = ("noise_off", "hotline", "transparency", "high_trust")  # named when it was


class NoiseParts(NamedTuple):
    """The standard deviations that add up to one reading's noise (``total``), and what they came from.

    A named tuple: the engine makes one per pair of actors twice a turn.
    """

    base: float
    distrust: float
    channel: float  # negative for a hotline
    covert: float
    relief: float  # transparency measures: subtracted
    trust: int  # the observer's trust in the actor it reads
    line: str  # the channel's state
    scale: float = 1.0  # the scenario's ``perception_noise``

    @property
    def total(self) -> float:
        """The noise: the parts summed in the order the rule always summed them, never below 0.1, times the scale."""
        return max(0.1, self.base + self.distrust + self.channel + self.covert - self.relief) * self.scale

    def causes(self) -> tuple[str, ...]:
        """Keys of ``CAUSE_WORDS`` for the parts that matter, the largest first within each direction."""
        if not self.scale:
            return ("noise_off",)
        trust = "low_trust" if self.trust < LOW_TRUST else "high_trust" if self.trust >= HIGH_TRUST else "middling_trust"
        sized = [(self.distrust, trust)]
        if self.line in ("strained", "severed", "hotline"):
            sized.append((abs(self.channel), self.line))
        if self.covert:
            sized.append((self.covert, "covert"))
        if self.relief:
            sized.append((self.relief, "transparency"))
        sized.sort(key=lambda part: -part[0])  # stable: equal parts keep the order above
        return tuple(key for _, key in sized)


def level(noise: float) -> str:
    """How a reading made through ``noise`` reads to a player: clear, somewhat noisy, noisy, very noisy."""
    return next((word for bound, word in LEVELS if noise < bound), "very noisy")


def clarity_words(noise: float, causes: tuple[str, ...], most: int = 3) -> str:
    """"noisy reading: strained line, low trust" or "clear reading: hotline, transparency measures in force".

    A clear reading names what made it clear; any other names what made it
    noisy (at most ``most`` causes, the largest first).
    """
    verdict = level(noise)
    wanted = EASING if verdict == "clear" else ADDING
    named = [CAUSE_WORDS[key] for key in causes if key in wanted][:most]
    return f"{verdict} reading: {', '.join(named)}" if named else f"{verdict} reading"
