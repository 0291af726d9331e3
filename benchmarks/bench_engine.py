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

usage: python benchmarks/bench_engine.py [GAMES] [--no-reference]
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
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


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    games = int(args[0]) if args else 200
    scenario = load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml")
    play_to_end(Game(scenario, 0))  # imports, machines, caches
    print(f"engine on the Cuban scenario ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")

    times, turns = turn_times(scenario, games)
    median_ms, p99_ms = 1e3 * statistics.median(times), 1e3 * percentile(times, 0.99)
    print(f"turn time over {turns} turns of {games} games: median {median_ms:.3f} ms, p99 {p99_ms:.3f} ms, "
          f"mean {1e3 * statistics.fmean(times):.3f} ms, {turns / games:.1f} turns a game")

    one = games_per_second(scenario, games, 1)
    two = games_per_second(scenario, games, 2)
    print(f"full games/s: 1 worker {one:.0f}, 2 workers {two:.0f} ({two / one:.2f}x)")

    plain = None if "--no-reference" in sys.argv else reference_plain()
    if plain is None:
        why = "--no-reference" if "--no-reference" in sys.argv else f"{REFERENCE} not found"
        print(f"reference: skipped ({why}); goals that need it are not judged")
        print(f"two workers vs one: {two / one:.2f}x, goal >= {GOALS['two_workers']}x: "
              f"{verdict(two / one >= GOALS['two_workers'])}")
        return 0
    scale = REFERENCE_GAMES_PER_SECOND / plain  # > 1 on a machine slower than the goals' one
    print(f"reference plain: {plain:.0f} games/s (goals scaled by {scale:.2f} for this machine)")
    rows = [
        ("games/s, 1 worker", f"{one:.0f}", f">= {GOALS['games_share'] * plain:.0f} (a quarter of plain)",
         one >= GOALS["games_share"] * plain, f"{one / plain:.3f} of plain"),
        ("turn median", f"{median_ms:.3f} ms", f"~ {GOALS['turn_median_ms'] * scale:.2f} ms",
         median_ms <= GOALS["turn_median_ms"] * scale, f"{median_ms / (GOALS['turn_median_ms'] * scale):.2f}x goal"),
        ("turn p99", f"{p99_ms:.3f} ms", f"< {GOALS['turn_p99_ms'] * scale:.2f} ms",
         p99_ms < GOALS["turn_p99_ms"] * scale, f"{p99_ms / (GOALS['turn_p99_ms'] * scale):.2f}x goal"),
        ("2 workers / 1", f"{two / one:.2f}x", f">= {GOALS['two_workers']}x", two / one >= GOALS["two_workers"],
         f"{two:.0f} games/s"),
    ]
    for name, value, goal, ok, ratio in rows:
        print(f"  {name:18s} {value:>12s}   goal {goal:30s} {ratio:>16s}  {verdict(ok)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
