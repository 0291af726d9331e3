"""Engine speed on the Cuban scenario, in units of the shared reference loop timed in the same rounds.

The engine's goals (issue 12; they replace the earlier ones):

- a turn in about 1 ms: the median time of one turn, computer decisions
  included (from the end of one turn's aftermath to the next), at most
  1 reference-ms;
- the author's waits in seconds, not minutes: the wall time of
  ``wargame simulate cuban-missile-crisis --runs 1000`` and of
  ``wargame balance cuban-missile-crisis`` (fresh processes, as typed), each
  under 60 reference-seconds.

A reference-second is the time ``../shared/bench/reference_game.py``'s
``plain`` loop takes for 2,000 games on this machine in the same round (one
second on the machine where the goals were set; see ``reference.py``). The
earlier goal of a quarter of the reference's games/s is withdrawn: the toy
loop and a Cuban game are unlike work. Games per second on one and two
workers, the 99th percentile of a turn and each wait in plain seconds are
printed beside the goals, unjudged.

Shared machines drift by a factor of two within a minute, so each round
interleaves the reference with the engine (reference, turns, reference,
games, ... ) and both are summarised by the median; every ratio is taken
within its round and the median over rounds is judged, with the spread.
Without the reference the script stops with a message saying where it
looked, unless ``--no-reference`` asks for the raw figures alone.

usage: python benchmarks/bench_engine.py [GAMES] [--rounds N] [--no-waits] [--no-reference]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import reference

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wargame.ai.autoplay import play_to_end  # noqa: E402
from wargame.engine import Game  # noqa: E402
from wargame.scenario.loader import load_scenario  # noqa: E402
from wargame.simulation import simulate  # noqa: E402

SLICES = 5  # engine work and reference timings alternate this many times per round
WAITS = {
    "simulate --runs 1000": ["simulate", "cuban-missile-crisis", "--runs", "1000"],
    "balance": ["balance", "cuban-missile-crisis"],
}
GOALS = {"turn_median_ms": 1.0, "wait_s": 60.0}


def turn_times(scenario, seeds: range) -> list[float]:
    """Seconds per turn over the games of ``seeds``."""
    times: list[float] = []
    for seed in seeds:
        last = [time.perf_counter()]

        def lap(_game, last=last):
            now = time.perf_counter()
            times.append(now - last[0])
            last[0] = now

        play_to_end(Game(scenario, seed), on_turn=lap)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def games_per_second(scenario, games: int, workers: int, seed: int) -> float:
    start = time.perf_counter()
    simulate(scenario, games, seed=seed, workers=workers)
    return games / (time.perf_counter() - start)


def wall_time(arguments: list[str]) -> float:
    """Seconds of ``python -m wargame ARGUMENTS`` in a fresh process, as an author would type it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "wargame", *arguments], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


@dataclass
class Round:
    """One round's measurements, taken back to back so that they share the machine's mood."""

    turns: list[float] = field(default_factory=list)  # seconds
    one: list[float] = field(default_factory=list)  # games/s on one worker, per slice
    two: float = 0.0  # games/s on two workers
    waits: dict[str, float] = field(default_factory=dict)  # seconds
    plain: list[float] = field(default_factory=list)  # the reference's games/s, per timing

    def reference_second(self) -> float | None:
        """This round's reference-second in seconds (None without the reference)."""
        return reference.scale(statistics.median(self.plain)) if self.plain else None


def measure_round(scenario, games: int, module: ModuleType | None, waits: bool) -> Round:
    r = Round()

    def then(action: Callable[[], None]) -> None:
        if module is not None:
            r.plain.append(reference.plain_games_per_second(module))
        action()

    share = max(1, games // SLICES)
    for number in range(SLICES):
        then(lambda n=number: r.turns.extend(turn_times(scenario, range(n * share, (n + 1) * share))))
        then(lambda n=number: r.one.append(games_per_second(scenario, share, 1, seed=n)))
    then(lambda: setattr(r, "two", games_per_second(scenario, games, 2, seed=1)))
    if waits:
        for name, arguments in WAITS.items():
            then(lambda name=name, arguments=arguments: r.waits.__setitem__(name, wall_time(arguments)))
    then(lambda: None)
    return r


def line(name: str, values: list[float], unit: str, goal: float | None = None) -> str:
    """One report line: the median over rounds with the rounds' spread, and the goal if there is one."""
    middle = statistics.median(values)
    spread = f"[{min(values):.3g} .. {max(values):.3g}]"
    judged = f"goal <= {goal:g} {unit}  {'ok' if middle <= goal else 'MISS'}" if goal is not None else ""
    return f"  {name:34s} {middle:8.3g} {unit:8s} {spread:20s} {judged}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("games", nargs="?", type=int, default=200, help="games per round (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--no-waits", action="store_true", help="skip the simulate and balance wall times")
    parser.add_argument("--no-reference", action="store_true", help="raw figures only, no goal judged")
    args = parser.parse_args()
    module = None if args.no_reference else reference.load()
    scenario = load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml")
    play_to_end(Game(scenario, 0))  # imports, machines, caches
    print(f"engine on the Cuban scenario ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}), "
          f"{args.rounds} rounds of {args.games} games" + ("" if module else "; reference not measured"))

    rounds = []
    for number in range(1, args.rounds + 1):
        r = measure_round(scenario, args.games, module, not args.no_waits)
        rounds.append(r)
        plain = f"; reference plain {statistics.median(r.plain):.0f} games/s" if r.plain else ""
        waits = "".join(f"; {name} {seconds:.1f} s" for name, seconds in r.waits.items())
        print(f"round {number}: turn median {1e3 * statistics.median(r.turns):.3f} ms, "
              f"p99 {1e3 * percentile(r.turns, 0.99):.3f} ms; games/s 1 worker {statistics.median(r.one):.0f}, "
              f"2 workers {r.two:.0f}{waits}{plain}", flush=True)

    print("median over rounds [spread]; reference units taken within each round:")
    print(line("turn median", [1e3 * statistics.median(r.turns) for r in rounds], "ms"))
    print(line("turn p99", [1e3 * percentile(r.turns, 0.99) for r in rounds], "ms"))
    print(line("games/s, 1 worker", [statistics.median(r.one) for r in rounds], ""))
    print(line("games/s, 2 workers / 1 worker", [r.two / statistics.median(r.one) for r in rounds], "x"))
    for name in WAITS if not args.no_waits else ():
        print(line(name, [r.waits[name] for r in rounds], "s"))
    if module is None:
        print("reference: not measured (--no-reference); no goal judged")
        return 0
    seconds = [r.reference_second() or 1.0 for r in rounds]
    print(line("reference plain", [statistics.median(r.plain) for r in rounds], "games/s"))
    print("goals, in reference units (1 reference-second = the reference's time for 2,000 plain games):")
    print(line("turn median", [1e3 * statistics.median(r.turns) / s for r, s in zip(rounds, seconds)], "ref-ms",
               GOALS["turn_median_ms"]))
    print(line("turn p99", [1e3 * percentile(r.turns, 0.99) / s for r, s in zip(rounds, seconds)], "ref-ms"))
    for name in WAITS if not args.no_waits else ():
        print(line(name, [r.waits[name] / s for r, s in zip(rounds, seconds)], "ref-s", GOALS["wait_s"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
