"""A damaged file is told for what it is: truncated, with data appended, or not a save at all."""

from __future__ import annotations

import pytest

from tests.support import ROOT, random_game
from wargame import saves
from wargame.errors import SaveError


@pytest.fixture
def honest(tutorial):
    return saves.save_bytes(random_game(tutorial, 3))


@pytest.mark.parametrize("tail", [b"garbage", b"\n{}\n", b"]", b"\n\x00 trailing"])
def test_trailing_data_after_the_save_has_its_own_message(honest, tmp_path, tail):
    path = tmp_path / "s.json"
    path.write_bytes(honest + tail)
    with pytest.raises(SaveError, match=r"s\.json has trailing data after the save, from line \d+") as caught:
        saves.read_save(path)
    assert "truncated" not in str(caught.value)


@pytest.mark.parametrize("content", [
    (ROOT / "scenarios" / "tutorial.yaml").read_bytes(), b"hello world\n", b"- a\n- b\n", b"not json at all }",
])
def test_a_file_that_is_not_a_save_says_so(content, tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(content)
    with pytest.raises(SaveError, match=r"s\.json is not a wargame save"):
        saves.read_save(path)


def test_a_truncated_save_is_still_called_truncated(honest, tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(honest[: len(honest) // 2])
    with pytest.raises(SaveError, match=r"s\.json is truncated"):
        saves.read_save(path)
