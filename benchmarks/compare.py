"""Old tree against new, interleaved in one run: the speed budget of issue 12, judged.

    python benchmarks/compare.py [OLD_REV] [--new REV] [--rounds N] [--games N] [--no-balance]

OLD_REV (default ``5e4fc32``, where issue 12 started) is checked out into a
temporary ``git worktree``; NEW is this checkout's working tree as it stands
(uncommitted edits included), or ``--new REV`` in a second temporary
worktree. Both are removed afterwards. Every measurement runs in a fresh
subprocess of this interpreter with the tree as its working directory, so
``import wargame`` picks that tree's code (one venv serves both); the probe
checks which ``wargame`` it imported.

Each round measures the old tree and the new one in turn (order alternating:
old-new, new-old, ...), with the shared reference loop timed before each
(see ``reference.py``). Figures and budget:

- Cuban games per second, one worker, as ``wargame simulate`` plays them
  (``simulate`` in a fresh process): new / old at least 0.8;
- the median turn, computer decisions included: the new tree's at most
  1 reference-ms, as ``bench_engine.py`` scales it (the old tree's is shown);
- the wall time of ``python -m wargame balance cuban-missile-crisis``:
  new / old at most 1.25.

Ratios are taken within each round and the median over rounds is judged,
with the spread beside it. The same figures by CPU time (the probe's own,
the balance command's user + system) are shown beside, unjudged: on a
machine with more runnable processes than cores, wall times mostly measure
the scheduler, and CPU time tells more about the code. Exit status: 0 within budget, 1 over it, 2 when
something could not be measured. ``--no-balance`` skips the slowest figure
(a minute or more per tree and round on a busy machine); not judged then.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import reference

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OLD = "5e4fc32"
BUDGET = {"games": 0.8, "turn_ref_ms": 1.0, "balance": 1.25}
BALANCE = ["balance", "cuban-missile-crisis"]

# Run with cwd = the tree; prints one JSON line. Only long-standing public names are used, so
# that old and new trees answer the same question.
PROBE = """
import json, statistics, sys, time
from pathlib import Path
import wargame
from wargame.ai.autoplay import play_to_end
from wargame.engine import Game
from wargame.scenario.loader import load_scenario
from wargame.simulation import simulate

games = int(sys.argv[1])
scenario = load_scenario(Path("scenarios/cuban-missile-crisis.yaml"))
start, cpu = time.perf_counter(), time.process_time()
simulate(scenario, games, seed=1, workers=1)
per_second = games / (time.perf_counter() - start)
per_cpu_second = games / (time.process_time() - cpu)
times, cpu_times = [], []
for seed in range(games // 2):
    last = [time.perf_counter(), time.process_time()]
    def lap(_game, last=last):
        now, cpu = time.perf_counter(), time.process_time()
        times.append(now - last[0])
        cpu_times.append(cpu - last[1])
        last[:] = [now, cpu]
    play_to_end(Game(scenario, seed), on_turn=lap)
print(json.dumps({"wargame": wargame.__file__, "games_per_second": per_second, "games_per_cpu_second": per_cpu_second,
                  "turn_median_ms": 1e3 * statistics.median(times),
                  "turn_median_cpu_ms": 1e3 * statistics.median(cpu_times)}))
"""


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


@contextmanager
def checked_out(rev: str) -> Iterator[Path]:
    """A temporary detached worktree at ``rev``, removed on the way out whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="wargame-compare-"))
    tree = folder / "tree"
    git("worktree", "add", "--detach", str(tree), rev)
    try:
        yield tree
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
        git("worktree", "prune")


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def probe(tree: Path, games: int) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, str(games)], cwd=tree, env=environment(),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"probe failed in {tree}:\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(figures["wargame"]).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"the probe in {tree} imported {figures['wargame']}, not that tree's wargame")
    return figures


def balance_seconds(tree: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of the balance command in ``tree``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "wargame", *BALANCE], cwd=tree, env=environment(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"balance failed in {tree}:\n{done.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def spread(values: list[float]) -> str:
    return f"[{min(values):.3g} .. {max(values):.3g}]"


def run(trees: dict[str, Path], rounds: int, games: int, balance: bool) -> int:
    module = reference.load()
    names = list(trees)
    figures: dict[str, list[dict]] = {name: [] for name in names}
    plain: list[list[float]] = []
    print(f"{rounds} rounds; {games} Cuban games per probe, {games // 2} for turn times"
          + ("; balance wall time" if balance else "; balance skipped (--no-balance)")
          + f"; load average {os.getloadavg()[0]:.1f}", flush=True)
    for number in range(rounds):
        order = names if number % 2 == 0 else names[::-1]
        timings: list[float] = []
        for name in order:
            timings.append(reference.plain_games_per_second(module))
            measured = probe(trees[name], games)
            if balance:
                timings.append(reference.plain_games_per_second(module))
                measured["balance_s"], measured["balance_cpu_s"] = balance_seconds(trees[name])
            figures[name].append(measured)
        timings.append(reference.plain_games_per_second(module))
        plain.append(timings)
        print(f"round {number + 1} ({' then '.join(order)}; reference plain {statistics.median(timings):.0f} games/s): "
              + "; ".join(f"{name} {r[-1]['games_per_second']:.1f} games/s, turn {r[-1]['turn_median_ms']:.2f} ms"
                          + (f", balance {r[-1]['balance_s']:.1f} s" if balance else "")
                          for name, r in figures.items()), flush=True)

    old, new = (figures[name] for name in names)
    seconds = [reference.scale(statistics.median(t)) for t in plain]  # a reference-second, per round
    rows = [
        ("Cuban games/s, 1 worker", "games_per_second", "new/old >= 0.8",
         lambda ratio, _ms: ratio >= BUDGET["games"]),
        ("turn median, ms", "turn_median_ms", "new <= 1 ref-ms", lambda _ratio, ms: ms <= BUDGET["turn_ref_ms"]),
    ]
    if balance:
        rows.append(("balance wall time, s", "balance_s", "new/old <= 1.25",
                     lambda ratio, _ms: ratio <= BUDGET["balance"]))
    rows += [("  games/s by CPU time", "games_per_cpu_second", "(shown)", None),
             ("  turn median, CPU ms", "turn_median_cpu_ms", "(shown)", None)]
    if balance:
        rows.append(("  balance CPU time, s", "balance_cpu_s", "(shown)", None))
    new_ref_ms = statistics.median(n["turn_median_ms"] / s for n, s in zip(new, seconds))
    old_ref_ms = statistics.median(o["turn_median_ms"] / s for o, s in zip(old, seconds))
    print(f"\nmedians over {rounds} rounds; ratios taken within each round [spread]:")
    print(f"  {'figure':26s} {names[0]:>18s} {names[1]:>18s}  {'new/old':>7s} {'[spread]':18s} {'budget':16s} verdict")
    within = True
    for title, key, budget, judge in rows:
        ratios = [n[key] / o[key] for n, o in zip(new, old)]
        ratio = statistics.median(ratios)
        ok = judge(ratio, new_ref_ms) if judge else True
        within &= ok
        print(f"  {title:26s} {statistics.median(o[key] for o in old):18.3g} {statistics.median(n[key] for n in new):18.3g}"
              f"  {ratio:6.2f}x {spread(ratios):18s} {budget:16s} {('ok' if ok else 'OVER') if judge else ''}")
    print(f"  turn median in reference-ms: {names[0]} {old_ref_ms:.2f}, {names[1]} {new_ref_ms:.2f} "
          f"(1 reference-second here = {statistics.median(seconds):.2f} s; reference plain "
          f"{statistics.median(statistics.median(t) for t in plain):.0f} games/s {spread([statistics.median(t) for t in plain])})")
    if new_ref_ms > BUDGET["turn_ref_ms"] and old_ref_ms > BUDGET["turn_ref_ms"]:
        print("  note: the old tree is over the turn goal too in this run (a busy machine slows the engine's"
              " turns more than the small reference loop); compare the two trees' reference-ms")
    print(f"verdict: {'within' if within else 'OVER'} the budget of issue 12"
          + ("" if balance else " (balance not measured)"))
    return 0 if within else 1


def main() -> int:
    parser = argparse.ArgumentParser(description="Old tree against new, interleaved: issue 12's speed budget.")
    parser.add_argument("old", nargs="?", default=DEFAULT_OLD, help=f"old revision (default {DEFAULT_OLD})")
    parser.add_argument("--new", metavar="REV", help="new revision (default: this working tree as it stands)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--games", type=int, default=100, help="Cuban games per probe (default 100)")
    parser.add_argument("--no-balance", action="store_true", help="skip the balance wall time")
    args = parser.parse_args()
    try:
        old_label = f"old {git('rev-parse', '--short', args.old)}"
        new_label = f"new {git('rev-parse', '--short', args.new)}" if args.new else "new (working tree)"
    except subprocess.CalledProcessError as error:
        print(f"compare: unknown revision: {error.stderr.strip()}", file=sys.stderr)
        return 2
    print(f"comparing {old_label} against {new_label}")
    with checked_out(args.old) as old_tree:
        if args.new is None:
            return run({old_label: old_tree, new_label: ROOT}, args.rounds, args.games, not args.no_balance)
        with checked_out(args.new) as new_tree:
            return run({old_label: old_tree, new_label: new_tree}, args.rounds, args.games, not args.no_balance)


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except SystemExit as stop:
        if isinstance(stop.code, str):  # a message: something could not be measured
            print(stop.code, file=sys.stderr)
            raise SystemExit(2) from None
        raise
