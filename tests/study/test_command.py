"""``wargame study`` end to end, on the tutorial with few games."""

from __future__ import annotations

import json

import pytest

from tests.support import run_cli


@pytest.fixture(scope="module")
def hotline_json():
    import contextlib
    import io

    from wargame.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["study", "tutorial", "--lesson", "hotline", "--lesson", "skill", "--lesson", "mediation",
                       "--runs", "1", "--json"])
    assert status == 0
    return json.loads(out.getvalue())


def test_json_structure(hotline_json):
    data = hotline_json
    assert data["format"] == 1 and data["runs"] == 1 and data["seed"] == 0
    assert data["command"] == "wargame study tutorial --lesson hotline --lesson skill --lesson mediation " \
                              "--runs 1 --seed 0 --json"
    assert [lesson["name"] for lesson in data["lessons"]] == ["hotline", "mediation", "skill"]
    hotline = data["lessons"][0]
    assert hotline["pairs"] == 16  # 16 doctrine pairings, one game each
    assert hotline["verdict"] in ("holds", "reversed", "no clear effect")
    war = hotline["effects"]["war"]
    assert war["expected"] == "lower" and war["low"] <= war["difference"] <= war["high"]
    assert war["difference"] == pytest.approx(war["variant"] - war["reference"], abs=1e-3)
    assert data["games"] == 32 + 8  # two versions (severed, hotline) x 16 pairings; careless, careful x 4


def test_lessons_that_cannot_be_played_say_why_and_the_skill_lesson_keeps_its_scripted_side(hotline_json):
    mediation, skill = hotline_json["lessons"][1:]
    assert mediation["pairs"] == 0 and mediation["scenarios"]["tutorial"]["skipped"] == "no mediator"
    assert skill["pairs"] == 4  # the scripted side is fixed: the other side's four doctrines, one game each


def test_the_worker_count_does_not_change_the_figures(capsys, hotline_json):
    status, out, _ = run_cli(capsys, "study", "tutorial", "--lesson", "hotline", "--lesson", "skill",
                             "--lesson", "mediation", "--runs", "1", "--json", "--workers", "2")
    assert status == 0 and json.loads(out) == hotline_json


def test_text_report_and_shown_edit(capsys):
    status, out, _ = run_cli(capsys, "study", "tutorial", "--lesson", "noise", "--lesson", "hotline", "--show-edit")
    assert status == 0 and "dornland: severed" in out and "dornland: hotline" in out
    assert "# tutorial, reference: no misperception\nperception_noise: 0\n" in out


def test_unknown_lesson_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        run_cli(capsys, "study", "tutorial", "--lesson", "astrology")
    assert stop.value.code == 2


def test_json_top_level_fields_are_the_documented_ones(hotline_json):
    import re

    from tests.support import ROOT

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc.split("### `wargame study --json`", 1)[1].split("\n### ", 1)[0]
    firsts = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    documented = {name for cell in firsts if "[]" not in cell for name in re.findall(r"`(\w+)`", cell)}
    lesson_fields = {name for cell in firsts if "lessons[]" in cell
                     for name in re.findall(r"`(?:lessons\[\]\.)?(\w+)`", cell)}
    assert set(hotline_json) == documented
    assert set(hotline_json["lessons"][0]) <= lesson_fields | {"name", "title", "expectation"}
