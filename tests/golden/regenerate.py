"""Regenerate the golden transcripts: `python tests/golden/regenerate.py`.

Each transcript is the output of `wargame run SCENARIO --seed N`. The test
`tests/test_golden.py` diffs fresh output against these files, so any change
to the rules, the doctrines or a shipped scenario shows up as a readable
diff in review. Regenerate only when the change is intended.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

GAMES = [("tutorial", 1), ("tutorial", 7), ("cuban-missile-crisis", 3), ("kargil-1999", 11)]


def transcript(scenario: str, seed: int) -> str:
    from wargame.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["run", scenario, "--seed", str(seed)])
    if status != 0:
        raise SystemExit(f"wargame run {scenario} --seed {seed} exited {status}")
    return out.getvalue()


def path_for(scenario: str, seed: int) -> Path:
    return HERE / f"{scenario}-seed{seed}.txt"


if __name__ == "__main__":
    for scenario, seed in GAMES:
        path_for(scenario, seed).write_text(transcript(scenario, seed), encoding="utf-8")
        print("wrote", path_for(scenario, seed).relative_to(HERE.parent.parent))
