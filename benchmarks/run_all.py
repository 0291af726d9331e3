"""Run every benchmark in this folder, one after the other, with this interpreter.

Every ``bench_*.py`` here is run (new ones are picked up without changes
here), each in its own process so one cannot warm the caches of the next.
Exit status 1 if any script fails; the figures are for reading, not
judging, because machines differ (each script compares against a
reference measured in the same run).

usage: python benchmarks/run_all.py [-k SUBSTRING]
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
    args = parser.parse_args()
    found = scripts(args.k)
    if not found:
        print(f"no benchmark scripts match '{args.k}' in {HERE}")
        return 1
    failed = []
    for script in found:
        print(f"\n=== {script.name} " + "=" * max(3, 60 - len(script.name)), flush=True)
        start = time.perf_counter()
        status = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        print(f"--- {script.name}: exit {status}, {time.perf_counter() - start:.1f} s", flush=True)
        if status != 0:
            failed.append(script.name)
    print(f"\n{len(found) - len(failed)} of {len(found)} benchmark scripts ran"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
