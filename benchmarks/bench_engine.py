"""Engine speed on the Cuban scenario, against the shared reference loop measured in the same run.

Reports (issue 3):
- the time of one turn, computer decisions included (from the end of one
  turn's aftermath to the next, every phase and every doctrine call):
  median and 99th percentile;
- full Cuban games per second on one worker and on two
  (``wargame.simulation.play_games``, as ``wargame simulate`` runs them);
- the ``plain`` line of ``../shared/bench/reference_game.py``, and each
  figure against its goal scaled to this machine: games/s at least a
  quarter of the reference's; a median turn of 1 ms and a p99 under 5 ms
  where the reference does 2,000 games/s; two workers at least 1.7x one.

Shared machines drift by a factor of two within a minute, so the
measurements run in rounds, the reference inside each round: every ratio is
taken within one round, and the median ratio over the rounds is judged
(the spread is printed beside it).

usage: python benchmarks/bench_engine.py [GAMES] [--rounds N] [--no-reference]
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wargame.ai.autoplay import play_to_end  # noqa: E402
from wargame.engine import Game  # noqa: E402
from wargame.scenario.loader import load_scenario  # noqa: E402
from wargame.simulation import play_games  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "bench" / "reference_game.py"
REFERENCE_GAMES_PER_SECOND = 2000  # the machine the turn-time goals were set on
GOALS = {"games_share": 0.25, "turn_median_ms": 1.0, "turn_p99_ms": 5.0, "two_workers": 1.7}


def turn_times(scenario, games: int) -> tuple[list[float], int]:
    """Seconds per turn over ``games`` games (seeds 0..games-1), and the number of turns."""
    times: list[float] = []
    for seed in range(games):
        game = Game(scenario, seed)
        last = [time.perf_counter()]

        def lap(_game, last=last):
            now = time.perf_counter()
            times.append(now - last[0])
            last[0] = now

        play_to_end(game, on_turn=lap)
    return times, len(times)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def games_per_second(scenario, games: int, workers: int, repeats: int = 3) -> float:
    """Best of ``repeats`` (the least disturbed by other work on the machine)."""
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        play_games(scenario, games, seed=1, workers=workers)
        best = max(best, games / (time.perf_counter() - start))
    return best


def reference_plain() -> float | None:
    """The reference loop's ``plain`` games/s (median), or None when the script is absent."""
    if not REFERENCE.is_file():
        return None
    result = subprocess.run([sys.executable, str(REFERENCE), "300", "5"], capture_output=True, text=True, check=True)
    match = re.search(r"^plain\s+games/s median\s+(\d+)", result.stdout, re.MULTILINE)
    if not match:
        raise SystemExit(f"cannot read the plain line of the reference output:\n{result.stdout}")
    return float(match.group(1))


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


@dataclass
class Round:
    """One round's measurements, taken back to back so that they share the machine's mood."""

    turn_median_ms: float
    turn_p99_ms: float
    turns: int
    one: float  # games/s on one worker
    two: float  # on two
    plain: float | None  # the reference's games/s, None when skipped


def measure_round(scenario, games: int, reference: bool) -> Round:
    times, turns = turn_times(scenario, games)
    return Round(
        turn_median_ms=1e3 * statistics.median(times),
        turn_p99_ms=1e3 * percentile(times, 0.99),
        turns=turns,
        one=games_per_second(scenario, games, 1),
        two=games_per_second(scenario, games, 2),
        plain=reference_plain() if reference else None,
    )


def judged(name: str, values: list[float], goal: float, higher_is_better: bool, unit: str) -> str:
    """One report line: the median over rounds against the goal, with the rounds' spread."""
    middle = statistics.median(values)
    ok = middle >= goal if higher_is_better else middle <= goal
    spread = f"[{min(values):.3g} .. {max(values):.3g}]"
    return f"  {name:28s} {middle:8.3g}{unit:2s} {spread:18s} goal {'>=' if higher_is_better else '<='} {goal:g}{unit}  {verdict(ok)}"


def main() -> int:
    args = sys.argv[1:]
    rounds = 3
    if "--rounds" in args:
        at = args.index("--rounds")
        rounds = int(args[at + 1])
        del args[at:at + 2]
    positional = [a for a in args if not a.startswith("--")]
    games = int(positional[0]) if positional else 200
    reference = "--no-reference" not in args and REFERENCE.is_file()
    scenario = load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml")
    play_to_end(Game(scenario, 0))  # imports, machines, caches
    print(f"engine on the Cuban scenario ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}), "
          f"{rounds} rounds of {games} games")

    results = []
    for number in range(1, rounds + 1):
        r = measure_round(scenario, games, reference)
        results.append(r)
        plain = f", reference plain {r.plain:.0f} games/s" if r.plain else ""
        print(f"round {number}: turn median {r.turn_median_ms:.3f} ms, p99 {r.turn_p99_ms:.3f} ms "
              f"({r.turns / games:.1f} turns a game); games/s 1 worker {r.one:.0f}, 2 workers {r.two:.0f}{plain}",
              flush=True)

    print("median over rounds [spread], each ratio taken within its round:")
    print(judged("2 workers / 1 worker", [r.two / r.one for r in results], GOALS["two_workers"], True, "x"))
    if not reference:
        why = "--no-reference" if "--no-reference" in args else f"{REFERENCE} not found"
        print(f"reference: skipped ({why}); goals that need it are not judged")
        return 0
    # A turn-time goal scales by how much slower than the goals' machine this one ran in that round.
    scaled = [(r, REFERENCE_GAMES_PER_SECOND / r.plain) for r in results]
    print(judged("games/s, share of plain", [r.one / r.plain for r in results], GOALS["games_share"], True, ""))
    print(judged("turn median / scaled 1 ms", [r.turn_median_ms / (GOALS["turn_median_ms"] * k) for r, k in scaled],
                 1.0, False, "x"))
    print(judged("turn p99 / scaled 5 ms", [r.turn_p99_ms / (GOALS["turn_p99_ms"] * k) for r, k in scaled],
                 1.0, False, "x"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
