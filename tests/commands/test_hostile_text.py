"""Hostile scenario and save text through every command: no control character out, no live HTML in reports."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.hostile import SHORT, control_free, hostile_save, hostile_scenario
from tests.support import run_cli
from wargame.markdown_text import block, code, inline
from wargame.safe_text import json_printable, printable


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(scenario file, finished save) with hostile text everywhere."""
    folder = tmp_path_factory.mktemp("hostile")
    return hostile_scenario(folder), hostile_save(folder)


def test_printable_shows_controls_and_keeps_newline_and_tab():
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("\x1b]0;pwned\x07") == "␛]0;pwned␇"
    assert printable("\x00\x7f\x85\x9b\u202e\u2066\ud800") == "␀␡" + "\ufffd" * 5
    assert printable("plain [b]text[/b] <i>") == "plain [b]text[/b] <i>"


def test_json_output_escapes_what_printable_would_change_and_keeps_the_data():
    data = {"title": "x\x1b\x85\u202ey"}
    text = json_printable(json.dumps(data, ensure_ascii=False))
    assert control_free(text) and json.loads(text) == data


def test_markdown_escapes_make_html_links_and_tables_literal():
    assert inline("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert inline("a | b\nc") == r"a \| b c"
    assert inline("[x](javascript:alert(1))") == r"\[x\](javascript:alert(1))"
    assert inline("# title") == r"\# title" and inline("1. one") == r"1\. one"
    assert inline("troops_on_bridge") == "troops_on_bridge"
    assert block("one\n\n- two") == "one\n\n\\- two"
    assert code("a\n```\nb") == "a ``` b"


def _ok(status: int, out: str, err: str, expected: int = 0) -> str:
    assert status == expected, err
    assert control_free(out) and control_free(err)
    return out


def test_run_simulate_replay_write_no_control_character(hostile, capsys, tmp_path):
    scenario, save = hostile
    out = _ok(*run_cli(capsys, "run", str(scenario), "--seed", "4", "--save", str(tmp_path / "s.json")))
    assert "␛]0;pwned␇" in out and "[@click=app.quit]CLICK[/]" in out  # shown, not obeyed
    _ok(*run_cli(capsys, "simulate", str(scenario), "--runs", "2"))
    report = json.loads(_ok(*run_cli(capsys, "simulate", str(scenario), "--runs", "2", "--json")))
    assert SHORT[:20] in json.dumps(report, ensure_ascii=False)  # the data survives exactly
    out = _ok(*run_cli(capsys, "replay", str(save), "--verify"))
    assert f"saved by wargame {printable(SHORT)}" in out  # the save's game_version, made visible


def test_list_and_validate_write_no_control_character(hostile, capsys, tmp_path, monkeypatch):
    scenario, _ = hostile
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(scenario.read_text(encoding="utf-8"), encoding="utf-8")
    data = yaml.safe_load(scenario.read_text(encoding="utf-8"))
    data["actors"][0]["red_lines"][0]["against"] = SHORT  # an error message quotes the value
    broken = folder / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, width=10_000), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = _ok(*run_cli(capsys, "list"))
    assert "hostile" in out and "broken" in out
    rows = json.loads(_ok(*run_cli(capsys, "list", "--json")))
    assert any(row.get("title", "").endswith(SHORT[:150]) for row in rows)
    out = _ok(*run_cli(capsys, "validate", str(broken)), expected=1)
    assert "error" in out


def _no_live_html(markdown: str) -> None:
    """Rendered as CommonMark with tables: no HTML, no link, no image, and every table row as wide as its header."""
    parser = MarkdownIt("commonmark").enable("table")

    def walk(tokens):
        for token in tokens:
            yield token
            yield from walk(token.children or ())

    kinds = {token.type for token in walk(parser.parse(markdown))}
    assert not kinds & {"html_block", "html_inline", "link_open", "image"}
    rendered = parser.render(markdown)
    assert "<script" not in rendered and "<img" not in rendered
    for table in re.findall(r"(?:^\|.*\|$\n?)+", markdown, re.M):
        rows = [re.split(r"(?<!\\)\|", row) for row in table.splitlines()]
        assert len({len(row) for row in rows}) == 1, table


def test_debrief_markdown_and_html_have_no_live_html(hostile, capsys, tmp_path):
    _, save = hostile
    markdown = _ok(*run_cli(capsys, "debrief", str(save)))
    assert "&lt;script&gt;" in markdown
    _no_live_html(markdown)
    page = tmp_path / "report.html"
    _ok(*run_cli(capsys, "debrief", str(save), "-o", str(page)))
    html = page.read_text(encoding="utf-8")
    assert control_free(html)
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    comparison = _ok(*run_cli(capsys, "debrief", str(save), "--compare", str(save)))
    _no_live_html(comparison)


def test_balance_markdown_has_no_live_html(hostile, capsys):
    scenario, _ = hostile
    markdown = _ok(*run_cli(capsys, "balance", str(scenario), "--runs", "1"))
    _no_live_html(markdown)


def test_graph_labels_are_text(hostile, capsys):
    scenario, _ = hostile
    markdown = _ok(*run_cli(capsys, "graph", str(scenario)))
    assert "<script" not in markdown and "<img" not in markdown and "&lt;script&gt;" in markdown
    fences = [line for line in markdown.splitlines() if line.startswith("```")]
    assert fences and all(line in ("```mermaid", "```") for line in fences) and len(fences) % 2 == 0
