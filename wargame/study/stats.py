"""Paired differences and their 95% interval: the study's only statistics.

Every game of the variant is played with the seed and doctrines of one game
of the reference, so each pair differs only by the edit. The effect is the
mean of the per-pair differences (variant minus reference) and its 95%
interval the normal approximation: mean ± 1.96 × (sample standard deviation
of the differences) / √(pairs). With a few hundred pairs that is close to a
bootstrap and needs no random numbers. An effect "holds" when the interval
lies wholly on the side the literature expects, is "reversed" when it lies
wholly on the other side, and is "no clear effect" otherwise.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.96

HOLDS, REVERSED, UNCLEAR = "holds", "reversed", "no clear effect"


@dataclass(frozen=True)
class Effect:
    """Reference and variant means, the mean paired difference and its 95% interval."""

    reference: float
    variant: float
    difference: float
    low: float
    high: float
    pairs: int

    def scaled(self, factor: float) -> Effect:
        """The same effect in other units (a share as percentage points)."""
        return Effect(self.reference * factor, self.variant * factor, self.difference * factor,
                      self.low * factor, self.high * factor, self.pairs)


def paired(reference: Sequence[float], variant: Sequence[float]) -> Effect:
    """The effect of going from ``reference`` to ``variant``, pair by pair (equal lengths)."""
    if len(reference) != len(variant):
        raise ValueError("paired samples must be of equal length")
    n = len(reference)
    if n == 0:
        return Effect(0.0, 0.0, 0.0, 0.0, 0.0, 0)
    differences = [v - r for r, v in zip(reference, variant)]
    mean = statistics.fmean(differences)
    half = Z95 * statistics.stdev(differences) / math.sqrt(n) if n > 1 else math.inf
    return Effect(statistics.fmean(reference), statistics.fmean(variant), mean, mean - half, mean + half, n)


def verdict(effect: Effect, expected: int) -> str:
    """``expected`` is +1 (the variant should be higher) or -1 (lower)."""
    if effect.pairs == 0:
        return UNCLEAR
    lower, upper = sorted((expected * effect.low, expected * effect.high))
    if lower > 0:
        return HOLDS
    if upper < 0:
        return REVERSED
    return UNCLEAR


def combined(verdicts: Sequence[str]) -> str:
    """A lesson's verdict from those of its key measures: holds if one holds and none is reversed, and so on."""
    if HOLDS in verdicts and REVERSED not in verdicts:
        return HOLDS
    if REVERSED in verdicts and HOLDS not in verdicts:
        return REVERSED
    return UNCLEAR
