"""Golden transcripts: seeded games replayed and diffed against the files in tests/golden/."""

from __future__ import annotations

import difflib

import pytest

from tests.golden.regenerate import GAMES, path_for, transcript


@pytest.mark.parametrize("scenario, seed", GAMES)
def test_transcript_matches_golden(scenario, seed, monkeypatch):
    monkeypatch.chdir(path_for(scenario, seed).parent.parent.parent)
    expected = path_for(scenario, seed).read_text(encoding="utf-8")
    actual = transcript(scenario, seed)
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now", n=2))
    assert not diff, f"transcript changed (regenerate with python tests/golden/regenerate.py if intended):\n{diff[:4000]}"
