"""The choice loop hands each doctrine the escalation the full rules give, bit by bit."""

from __future__ import annotations

import random

from wargame.ai.autoplay import play_computers
from wargame.ai.doctrines import DOCTRINES
from wargame.ai.scoring import choose
from wargame.ai.situation import read_situation
from wargame.engine import Game
from wargame.engine.views import actor_view
from wargame.engine.weighing import as_seen_by


def test_choose_hands_score_the_escalation_as_seen_by_for_every_move_target_and_doctrine(cuban):
    """Plain moves get a per-target share worked out once per decision; the mediator's half must still apply."""
    game = Game(cuban, 5)
    seen = set()
    while game.turn <= 6 and not game.is_over():
        if game.turn_phase == "orders":
            for actor in game.actor_ids:
                view = actor_view(game, actor)
                for doctrine in DOCTRINES.values():
                    sit = read_situation(view)
                    plan = doctrine.plan_for(sit)

                    def checking(f, target, escalation, sit, plan, doctrine=doctrine):
                        expected = as_seen_by(sit.view, sit.view.scenario.moves[f.id], target)
                        assert escalation == expected and str(escalation) == str(expected), (sit.me, f.id, target)
                        seen.add((sit.me, f.adjusted, target))
                        return doctrine.score(f, target, escalation, sit, plan)

                    choose(sit, checking, plan, random.Random(0), doctrine.jitter, doctrine.DETERRED,
                           doctrine.keep_word(sit), focus=plan.focus)
        if game.turn_phase in ("hotline", "orders"):
            play_computers(game, game.actor_ids)
        game.proceed()
    assert any(me == "un" and not adjusted for me, adjusted, _ in seen)  # the mediator's own plain moves
    assert any(target == "un" and not adjusted for _, adjusted, target in seen)  # plain moves aimed at it
    assert any(me == "usa" and adjusted and target not in (None, "un") for me, adjusted, target in seen)
    assert any(target is None for _, _, target in seen)


def test_a_count_the_computers_ask_for_still_explains_itself(cuban):
    """Asking again with ``notes`` gives the same count and lists the rules that applied (a mediator's share)."""
    game = Game(cuban, 1)
    while game.turn_phase != "orders":
        game.proceed()
    view = actor_view(game, "un")
    option = next(o for o in view.options if o.move.escalation < 0)
    move, target = option.move, (option.targets[0] if option.move.targeted else None)
    first = as_seen_by(view, move, target)
    notes: list[str] = []
    assert as_seen_by(view, move, target, notes) == first
    assert any("mediator" in note for note in notes), notes
