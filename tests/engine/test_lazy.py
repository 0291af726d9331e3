"""A ``once`` property is computed on first read, kept per instance, and reads like the function it wraps."""

from __future__ import annotations

from wargame.engine.lazy import once


class Counted:
    calls = 0

    def __init__(self, base: int) -> None:
        self.base = base

    @once
    def answer(self) -> int:
        """The base, doubled."""
        Counted.calls += 1
        return 2 * self.base


def test_an_answer_is_computed_once_per_instance():
    Counted.calls = 0
    a, b = Counted(1), Counted(5)
    assert (a.answer, a.answer, b.answer, b.answer) == (2, 2, 10, 10)
    assert Counted.calls == 2
    assert Counted.answer.__doc__ == "The base, doubled."


def test_an_answer_is_worked_out_again_once_forgotten():
    Counted.calls = 0
    a = Counted(1)
    assert a.answer == 2
    a.base = 3
    del a.answer
    assert a.answer == 6 and Counted.calls == 2

