"""The shared reference loop, timed beside the engine so that figures from different machines compare.

``../shared/bench/reference_game.py`` (beside the repository: the
repository's parent folder holds ``shared/bench``; from a ``git worktree``,
beside the main checkout; ``WARGAME_REFERENCE=/path/to/reference_game.py``
overrides both) is a toy crisis loop; its
``plain`` variant did 2,000 games/s on the machine where the engine's goals
were set. A *reference second* is the time the reference takes for 2,000
plain games in the same round on this machine, so "1 ms there" becomes
"1 reference-ms here". The reference is imported and its ``run_plain`` is
called in-process, interleaved with the engine's measurements, so drift on a
shared machine hits both alike; both are summarised by the median.

A helper module for the ``bench_*.py`` scripts and ``compare.py``, not a
benchmark itself (``run_all.py`` runs only ``bench_*.py``).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
GOALS_MACHINE_GAMES_PER_SECOND = 2000  # the reference's plain line where the goals were set
GAMES = 200  # reference games per timing: about a tenth of a second on that machine


def candidates(name: str = "reference_game.py") -> list[Path]:
    """Where a file of shared/bench may be: $WARGAME_REFERENCE (the reference only), beside this
    checkout, beside the main checkout when this one is a git worktree."""
    if name == "reference_game.py" and os.environ.get("WARGAME_REFERENCE"):
        return [Path(os.environ["WARGAME_REFERENCE"])]
    places = [ROOT.parent / "shared" / "bench" / name]
    common = subprocess.run(["git", "rev-parse", "--path-format=absolute", "--git-common-dir"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    if common:  # a git worktree shares the main checkout's .git; the main checkout is its parent
        main = Path(common).parent.parent / "shared" / "bench" / name
        if main not in places:
            places.append(main)
    return places


def find(name: str = "reference_game.py") -> Path | None:
    return next((path for path in candidates(name) if path.is_file()), None)


def missing_message(flag: str = "--no-reference") -> str:
    return (f"reference program not found; looked at: {', '.join(map(str, candidates()))}\n"
            f"  It lives beside the repository, in ../shared/bench/ (see that folder's README);\n"
            f"  WARGAME_REFERENCE=/path/to/reference_game.py names it elsewhere.\n"
            f"  Without it no goal can be scaled to this machine; pass {flag} to print the raw figures"
            f" unjudged.")


def load() -> ModuleType:
    """The reference module; SystemExit with a clear message when the file is absent."""
    path = find()
    if path is None:
        raise SystemExit(missing_message())
    spec = importlib.util.spec_from_file_location("reference_game", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.run_plain(range(20))  # warm up
    return module


def plain_games_per_second(module: ModuleType, games: int = GAMES) -> float:
    """One timing of the reference's ``plain`` variant, in games per second."""
    start = time.perf_counter()
    module.run_plain(range(games))
    return games / (time.perf_counter() - start)


def scale(plain: float) -> float:
    """How many times slower than the goals' machine this one ran, from a plain games/s figure."""
    return GOALS_MACHINE_GAMES_PER_SECOND / plain
