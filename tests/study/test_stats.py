"""The study's statistics on inputs whose answers are known by hand."""

from __future__ import annotations

import math

import pytest

from wargame.study.stats import HOLDS, REVERSED, UNCLEAR, Effect, combined, paired, verdict


def test_paired_difference_and_interval_by_hand():
    effect = paired([1, 2, 3, 4], [2, 4, 3, 5])  # differences 1, 2, 0, 1: mean 1, sample sd sqrt(2/3)
    half = 1.96 * math.sqrt(2 / 3) / 2
    assert (effect.reference, effect.variant, effect.difference, effect.pairs) == (2.5, 3.5, 1.0, 4)
    assert effect.low == pytest.approx(1 - half) and effect.high == pytest.approx(1 + half)


def test_identical_differences_have_a_zero_width_interval():
    effect = paired([0, 0, 0], [1, 1, 1])
    assert (effect.low, effect.high) == (1.0, 1.0)


def test_unequal_samples_are_refused():
    with pytest.raises(ValueError):
        paired([1, 2], [1])


def test_verdict_follows_the_interval_and_the_expected_direction():
    above = Effect(0, 1, 1.0, 0.2, 1.8, 10)
    across = Effect(0, 1, 1.0, -0.2, 1.8, 10)
    assert verdict(above, +1) == HOLDS
    assert verdict(above, -1) == REVERSED
    assert verdict(across, +1) == UNCLEAR
    assert verdict(Effect(0, 0, 0, 0, 0, 0), +1) == UNCLEAR


def test_a_lesson_holds_only_when_no_key_measure_is_reversed():
    assert combined([HOLDS, UNCLEAR]) == HOLDS
    assert combined([REVERSED, UNCLEAR]) == REVERSED
    assert combined([HOLDS, REVERSED]) == UNCLEAR
    assert combined([UNCLEAR]) == UNCLEAR


def test_scaling_turns_a_share_into_percentage_points():
    assert paired([0, 0], [1, 0]).scaled(100).difference == 50.0
