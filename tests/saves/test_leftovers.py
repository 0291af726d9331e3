"""Temporary files of interrupted saves are removed by the next save in that folder."""

from __future__ import annotations

import os
import time

from wargame import saves
from wargame.engine import Game
from wargame.saves.atomic import STALE_AFTER, atomic_write


def _leftover(folder, name, age):
    path = folder / name
    path.write_bytes(b'{"format_version": ')
    past = time.time() - age
    os.utime(path, (past, past))
    return path


def test_the_next_save_removes_stale_temporary_files(tutorial, tmp_path):
    old = _leftover(tmp_path, ".other-1-abcd1234.json.0123abcd.tmp", STALE_AFTER * 2)
    saves.autosave(Game(tutorial, 1), tmp_path)
    assert not old.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_young_temporary_file_and_other_files_are_left_alone(tmp_path):
    young = _leftover(tmp_path, ".a.json.0123abcd.tmp", 1)  # a writer in another process may still be at work
    mine = _leftover(tmp_path, "notes.tmp", STALE_AFTER * 2)
    hidden = _leftover(tmp_path, ".keep.json", STALE_AFTER * 2)
    atomic_write(tmp_path / "b.json", b"{}\n")
    assert young.exists() and mine.exists() and hidden.exists()
