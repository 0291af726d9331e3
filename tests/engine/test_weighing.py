"""How far the ladder counts a move: each rule of ``engine.weighing`` on its own, then the adjudicator using them."""

from __future__ import annotations

import pytest

from wargame.engine import Game
from wargame.engine.adjudication import _apply_move
from wargame.engine.weighing import counted_escalation, reassurance


def test_a_plain_move_counts_its_weight():
    """Rule: without tags, mediators, trust or repetition, the ladder counts the move's weight."""
    assert counted_escalation(2.0, 5) == 2.0
    assert counted_escalation(-2.0, 5) == -2.0


@pytest.mark.parametrize(("rung", "counted"), [(0, -3.0), (3, -3.0), (4, -2.0), (8, -2.0), (9, -1.0), (15, -1.0)])
def test_preventive_diplomacy_counts_most_early(rung, counted):
    """Rule: preventive de-escalation counts x1.5 at rungs 0-3, x1 at 4-8, x0.5 above."""
    assert counted_escalation(-2.0, rung, preventive=True) == counted


def test_preventive_escalation_is_not_multiplied():
    """Rule: the preventive factor applies to de-escalation only."""
    assert counted_escalation(1.0, 0, preventive=True) == 1.0


def test_mediation_goes_one_step_further_only_toward_a_target():
    """Rule: a mediation gesture toward a target de-escalates one step more than its weight."""
    assert counted_escalation(-2.0, 5, mediation=True, target_trust=0) == -3.0
    assert counted_escalation(-2.0, 5, mediation=True) == -2.0


def test_a_mediator_moves_the_parties_crisis_half_as_far():
    """Rule: a move by or toward a mediator counts half, whichever its sign."""
    assert counted_escalation(2.0, 5, mediator_involved=True) == 1.0
    assert counted_escalation(-2.0, 5, mediator_involved=True, target_trust=0) == -1.0


@pytest.mark.parametrize(("trust", "share"), [(0, 1.0), (50, 1.0), (75, 0.5), (90, 0.2), (100, 0.2)])
def test_reassurance_counts_where_there_is_distrust(trust, share):
    """Rule: a calming move counts in full toward a wary target (trust <= 50), down to a fifth toward a trusting one."""
    assert reassurance(trust, 0) == pytest.approx(share)
    assert counted_escalation(-2.0, 5, target_trust=trust) == pytest.approx(-2.0 * share)


def test_talk_is_cheap_a_repeated_gesture_counts_half_then_a_quarter():
    """Rule: the same calming move made again within the window counts half, then a quarter; escalation does not wear."""
    assert [counted_escalation(-2.0, 5, repeats=n) for n in (0, 1, 2)] == [-2.0, -1.0, -0.5]
    assert counted_escalation(2.0, 5, repeats=2) == 2.0


def test_an_unprovoked_preemptive_blow_counts_one_more():
    """Rule: preemption against a target that did not escalate provokes: one more step."""
    assert counted_escalation(3.0, 5, unprovoked_preemption=True) == 4.0


def test_the_adjudicator_counts_a_repeated_summit_for_less(cuban):
    """The rules reach the ladder: a gesture repeated on the next turn counts half of what it counted the first time."""
    game = Game(cuban, 1)
    move = cuban.moves["concession_offer"]
    game.actors["ussr"].trust["usa"] = 30
    first = _apply_move(game, "usa", move, "ussr")
    game.actors["ussr"].trust["usa"] = 30
    game.played[("usa", move.id)] = [game.turn]
    game.turn += 1
    assert _apply_move(game, "usa", move, "ussr") == pytest.approx(first / 2)
    assert first == move.escalation


def test_notes_name_each_rule_that_changed_the_count():
    """The orders panel explains a count with the rules that made it differ from the weight, and only those."""
    notes: list[str] = []
    counted_escalation(-2.0, 5, notes=notes)
    assert notes == []
    counted_escalation(-2.0, 2, preventive=True, mediation=True, mediator_involved=True, target_trust=75, repeats=1,
                       notes=notes)
    assert notes == [
        "preventive diplomacy at this rung ×1.5",
        "mediation goes one step further",
        "a mediator is not a party to the quarrel ×0.5",
        "reassures one who already trusts you ×0.5",
        "played 1× in the last 3 turns ×0.5",
    ]
    notes.clear()
    assert counted_escalation(0.0, 5, mediator_involved=True, notes=notes) == 0.0
    assert notes == []  # half of nothing is no news


def test_a_view_counts_its_own_gesture_as_the_adjudicator_does(cuban):
    """``as_seen_by`` reads the rung, trust and past orders from the view; with the view's guesses right it
    agrees with the adjudicator, including on a gesture repeated from the view's own order log."""
    from wargame.ai.autoplay import play_computers
    from wargame.engine import actor_view
    from wargame.engine.weighing import as_seen_by

    game = Game(cuban, 2)
    while game.turn < 5:
        if game.turn_phase in ("hotline", "orders"):
            play_computers(game, game.actor_ids)
        game.proceed()
    game.actors["usa"].perceived_rung = game.rung
    view = actor_view(game, "usa")
    repeated = [order.move for _, order in view.my_orders if cuban.moves[order.move].escalation < 0]
    assert repeated, "the United States made no gesture in four turns"
    move = cuban.moves[repeated[-1]]
    assert view.recent_moves[move.id] >= 1
    target = next(o.id for o in view.others if o.id != "un") if move.targeted else None
    trial = game.clone()
    if target:
        trial.actors[target].trust["usa"] = view.trust_in[target]
    assert as_seen_by(view, move, target) == pytest.approx(_apply_move(trial, "usa", trial.scenario.moves[move.id], target))
