"""The escalation score of Rivera et al. 2024 on the standard moves."""

from __future__ import annotations

from tests.support import ROOT
from wargame.scenario.loader import standard_moves
from wargame.study.escalation import escalation_class, mapping_table, score


def test_standard_moves_fall_in_the_expected_classes():
    moves = standard_moves()
    found = {move: escalation_class(moves[move]).weight for move in
             ("summit", "hold_position", "show_of_force", "targeted_sanctions", "cyber_operation",
              "nuclear_alert", "naval_blockade", "major_offensive")}
    assert found == {"summit": -2, "hold_position": 0, "show_of_force": 4, "targeted_sanctions": 12,
                     "cyber_operation": 12, "nuclear_alert": 12, "naval_blockade": 28, "major_offensive": 28}


def test_a_game_score_sums_each_sides_orders():
    orders = [("a", "summit"), ("a", "major_offensive"), ("b", "hold_position"), ("b", "embargo")]
    assert score(orders, standard_moves()) == {"a": 26, "b": 12}


def test_docs_model_holds_the_mapping_table():
    assert mapping_table(standard_moves()) in (ROOT / "docs" / "model.md").read_text(encoding="utf-8")


def test_simulate_json_reports_the_score(capsys):
    import json

    from tests.support import run_cli

    status, out, _ = run_cli(capsys, "simulate", "tutorial", "--runs", "3", "--json")
    scores = json.loads(out)["escalation_score"]
    assert status == 0 and set(scores) == {"all", "kestria", "dornland"}
    assert scores["all"]["min"] <= scores["all"]["mean"] <= scores["all"]["max"]


def test_debrief_metrics_carry_each_sides_score(tutorial):
    from wargame.ai.autoplay import play_to_end
    from wargame.debrief.metrics import crisis_metrics
    from wargame.engine import Game

    game = play_to_end(Game(tutorial, 3))
    expected = score([(o.actor, o.move) for r in game.history for o in r.orders.values()], tutorial.moves)
    rows = crisis_metrics(game)
    assert {row.actor: row.escalation_score for row in rows[:-1]} == {a: expected.get(a, 0) for a in tutorial.actor_ids}
    assert rows[-1].escalation_score == sum(expected.values())
