"""A ``once`` property is computed on first read, kept per instance, and reads like the function it wraps."""

from __future__ import annotations

from wargame.ai.scoring import Situation, read_situation
from wargame.engine import Game
from wargame.engine.lazy import once
from wargame.engine.views import actor_view


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


def test_a_situation_keeps_its_answers_per_decision(cuban):
    game = Game(cuban, 3)
    while game.turn_phase != "orders":
        game.proceed()
    first, second = read_situation(actor_view(game, "usa")), read_situation(actor_view(game, "usa"))
    assert first.weigher is first.weigher and first.weigher is not second.weigher
    assert first.stat_weight == second.stat_weight and first.stat_weight is not second.stat_weight
    assert isinstance(Situation.__dict__["duties"], once)
