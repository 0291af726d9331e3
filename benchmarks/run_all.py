"""Run every benchmark in this folder, one after the other, with this interpreter: the one command.

Every ``bench_*.py`` here is run with its defaults (new ones are picked up
without changes here), each in its own process so one cannot warm the
caches of the next:

- ``bench_engine.py``: a turn, games/s, the ``simulate --runs 1000`` and
  ``balance`` waits, in units of the shared reference loop timed in the
  same rounds (it stops with a message when ``../shared/bench`` is absent);
- ``bench_loading.py``: loading each scenario against a bare YAML load, and
  refusing hostile YAML;
- ``bench_saves.py``: an autosave against a bare write, and round trips of
  many random games;
- ``bench_ui.py``: the interface against a bare Textual app.

``--compare [OLD_REV]`` then runs ``compare.py``: the old tree against this
working tree, interleaved, judged against the speed budget of issue 12
(default old revision ``5e4fc32``). ``reference.py`` is a helper, not a
benchmark; ``fingerprint.py`` checks that games did not change.

Exit status 1 if any script fails (or the comparison is over budget); the
other figures are printed with their goals for reading, since each is a
ratio against a reference measured in the same run.

usage: python benchmarks/run_all.py [-k SUBSTRING] [--compare [OLD_REV]]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts(pattern: str = "") -> list[Path]:
    return [p for p in sorted(HERE.glob("bench_*.py")) if pattern in p.stem]


def main() -> int:
    parser = argparse.ArgumentParser(description="Run every benchmarks/bench_*.py script.")
    parser.add_argument("-k", metavar="SUBSTRING", default="", help="only scripts whose name contains SUBSTRING")
    parser.add_argument("--compare", metavar="OLD_REV", nargs="?", const="5e4fc32",
                        help="also compare OLD_REV (default 5e4fc32) against this tree with compare.py")
    args = parser.parse_args()
    found = scripts(args.k)
    if not found:
        print(f"no benchmark scripts match '{args.k}' in {HERE}")
        return 1
    failed = []
    runs = [(script, []) for script in found]
    if args.compare:
        runs.append((HERE / "compare.py", [args.compare]))
    for script, arguments in runs:
        print(f"\n=== {script.name} " + "=" * max(3, 60 - len(script.name)), flush=True)
        start = time.perf_counter()
        status = subprocess.call([sys.executable, str(script), *arguments], cwd=HERE.parent)
        print(f"--- {script.name}: exit {status}, {time.perf_counter() - start:.1f} s", flush=True)
        if status != 0:
            failed.append(script.name)
    print(f"\n{len(runs) - len(failed)} of {len(runs)} benchmark scripts ran"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
