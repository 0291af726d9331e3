"""What the command line says when the system refuses: an unreadable folder, a full standard output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from tests.support import ROOT, run_cli


@pytest.fixture
def unreadable_user_folder(tmp_path, monkeypatch):
    """A user scenarios folder that exists but cannot be listed (simulated: root ignores chmod)."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user-data"))
    folder = tmp_path / "user-data" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("id: mine\n", encoding="utf-8")
    folder.chmod(0o000)
    real_iterdir = Path.iterdir

    def refuse(self):
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    yield folder
    folder.chmod(0o755)


def test_an_unreadable_user_folder_is_one_warning_and_the_rest_is_listed(unreadable_user_folder, capsys):
    status, out, err = run_cli(capsys, "list")
    assert status == 0
    assert err.splitlines() == [
        f"wargame: warning: cannot read the user scenarios folder {unreadable_user_folder}: Permission denied; "
        "its scenarios are left out"
    ]
    assert "tutorial" in out and "mine" not in out


def test_a_scenario_is_still_found_by_name_past_an_unreadable_folder(unreadable_user_folder, capsys):
    status, _, err = run_cli(capsys, "validate", "tutorial")
    assert status == 0
    assert "Traceback" not in err and len(err.splitlines()) == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("argv", [["list"], ["schema"], ["run", "tutorial", "--seed", "1"]])
def test_a_full_standard_output_is_one_error_line_and_exit_1(argv):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "wargame", *argv], stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["wargame: error: cannot write the output: No space left on device"]
