"""A computer player's shortcuts in weighing its moves agree with the full rules, move by move and bit by bit."""

from __future__ import annotations

from wargame.ai.autoplay import play_computers
from wargame.ai.scoring import effective_escalation, facts, read_situation
from wargame.engine import Game
from wargame.engine.views import actor_view
from wargame.engine.weighing import as_seen_by


def _situations(scenario, seed: int, turns: int):
    """Every actor's orders-phase situation over the first ``turns`` turns of one computer game."""
    game = Game(scenario, seed)
    while game.turn <= turns and not game.is_over():
        if game.turn_phase == "orders":
            for actor in game.actor_ids:
                yield read_situation(actor_view(game, actor))
        if game.turn_phase in ("hotline", "orders"):
            play_computers(game, game.actor_ids)
        game.proceed()


def test_effective_escalation_is_as_seen_by_for_every_move_and_target_including_a_mediators(cuban):
    """Moves that are neither calming nor preemptive skip the full rules; the mediator's share must still apply."""
    known = facts(cuban)
    compared = set()
    for sit in _situations(cuban, 3, 6):
        for option in sit.view.options:
            for target in option.targets if option.move.targeted else (None,):
                expected = as_seen_by(sit.view, option.move, target)
                assert effective_escalation(known[option.move.id], sit, target) == expected, (sit.me, option.move.id, target)
                compared.add((sit.me, known[option.move.id].adjusted))
    assert {("un", False), ("un", True), ("usa", False), ("usa", True)} <= compared


def test_a_remembered_count_still_explains_itself(cuban):
    """Counts are remembered by their inputs; asking again with ``notes`` must still list the rules that applied."""
    sit = next(s for s in _situations(cuban, 1, 3) if s.me == "un")
    option = next(o for o in sit.view.options if o.move.escalation < 0)
    move, target = option.move, (option.targets[0] if option.move.targeted else None)
    first = as_seen_by(sit.view, move, target)
    notes: list[str] = []
    assert as_seen_by(sit.view, move, target, notes) == first
    assert any("mediator" in note for note in notes), notes


def test_a_second_decision_in_a_turn_reuses_the_readings_only_while_the_others_are_the_same(cuban):
    """The orders decision reuses the hotline's threat reading; a view whose others changed (an inject, a
    facilitator's override) must be read afresh even though its history is the same tuple."""
    import dataclasses

    sit = next(s for s in _situations(cuban, 2, 3) if s.view.turn == 3 and s.me == "usa")
    again = read_situation(dataclasses.replace(sit.view))
    assert (again.threat, again.others_push) == (sit.threat, sit.others_push)
    angrier = tuple(dataclasses.replace(o, intent=3.0) for o in sit.view.others)
    changed = read_situation(dataclasses.replace(sit.view, others=angrier))
    assert changed.view.perceived_history is sit.view.perceived_history
    assert changed.others_push == 3.0 * len(angrier) != sit.others_push
