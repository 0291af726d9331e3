"""The page docs/what-the-model-teaches.md, rendered from a study's JSON structure."""

from __future__ import annotations

from tests.support import ROOT
from wargame.study.markdown import render


def _effect(difference, low, high, pairs=32, expected=None, verdict=None):
    return {"reference": 0.0, "variant": difference, "difference": difference, "low": low, "high": high,
            "pairs": pairs, "expected": expected, "verdict": verdict}


def _data():
    measures = {name: {"label": label, "unit": unit, "means": ""} for name, label, unit in
                (("war", "war", "share"), ("peak", "peak rung", "mean"), ("settled", "settlement", "share"),
                 ("escalation", "escalation score", "mean"))}
    effects = {"war": _effect(-3.1, -5.0, -1.2, expected="lower", verdict="holds"),
               "peak": _effect(0.2, -0.1, 0.5, expected="lower", verdict="no clear effect"),
               "settled": _effect(1.0, -2.0, 4.0), "escalation": _effect(-4.0, -6.0, -2.0)}
    return {
        "format": 1, "command": "wargame study tutorial --runs 2 --seed 5 --markdown", "runs": 2, "seed": 5,
        "games": 64, "scenarios": [{"id": "tutorial", "title": "Tutorial", "sha256": "x"}], "measures": measures,
        "lessons": [
            {"name": "hotline", "title": "An open hotline lowers the chance of war", "expectation": "talk helps",
             "reference": {"label": "severed", "edit": "all severed"},
             "variant": {"label": "hotline", "edit": "all hotline"}, "expected": {"war": "lower", "peak": "lower"},
             "verdict": "holds", "pairs": 32, "effects": effects,
             "scenarios": {"tutorial": {"skipped": None, "pairs": 32, "effects": effects}}},
            {"name": "mediation", "title": "A reachable mediator raises settlement", "expectation": "go-betweens",
             "reference": {"label": "cut off", "edit": "mediators cut off"}, "variant": {"label": "as shipped",
             "edit": None}, "expected": {"settled": "higher"}, "verdict": None, "pairs": 0, "effects": {},
             "scenarios": {"tutorial": {"skipped": "no mediator", "pairs": 0, "effects": {}}}},
        ],
    }


def test_the_page_names_its_command_date_seed_and_runs():
    page = render(_data(), "2026-12-07")
    assert page.startswith("# What the model teaches\n")
    assert "Generated on 2026-12-07 by `wargame study tutorial --runs 2 --seed 5 --markdown` (seed 5, 2 game(s)" in page


def test_each_lesson_has_a_summary_row_with_its_figures_and_verdict():
    page = render(_data(), "2026-12-07")
    assert ("| An open hotline lowers the chance of war | -3.1 pts [-5.0, -1.2] | +0.20 [-0.10, +0.50] | "
            "+1.0 pts [-2.0, +4.0] | -4.00 [-6.00, -2.00] |") in page
    assert "| **holds** |" in page
    assert "| A reachable mediator raises settlement |" in page and "| **not played** |" in page
    assert "| `tutorial` | 32 | -3.1 pts [-5.0, -1.2] |" in page


def test_the_shipped_page_was_made_by_the_command():
    page = (ROOT / "docs" / "what-the-model-teaches.md").read_text(encoding="utf-8")
    assert page.startswith("# What the model teaches\n")
    assert "by `wargame study" in page and "--markdown" in page
