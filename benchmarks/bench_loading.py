"""Loading and validating each shipped scenario, against a bare ``yaml.CSafeLoader`` load of the same file.

The goal (issue 2): ``load_scenario`` (bounded YAML, the typed model, the
cross-references, every condition parsed, static warnings) takes at most
2x a bare C-loader ``yaml.load`` of the same text. Both sides read the file
from disk each time; the two are interleaved so drift hits both alike, and
medians are compared. The standard moves and default ladder are parsed
once per process (cached); their one-time cost is printed separately.

Loading the same file again reuses what the process already worked out
about its conditions (syntax trees, checked conditions and the warning
analyses that depend only on a condition's text and the ladder). The
"first" column times a load with those caches emptied before each run
(``forget_caches``: only the standard moves' prerequisites stay parsed), as
for a file's first load in a process: it is printed beside the goal's
figure, which is judged on repeated loads as the goal was set.

Refusing hostile text is timed too (these were time limits inside the
tests; the tests now check only that each is refused, and how): a billion
laughs, an alias bomb through merge keys, 2 MiB of open brackets and a 2 MiB flat list or map must
each be refused within 0.5 s with the C loader (median); the pure-Python
fallback's times are printed beside, unjudged.

usage: python benchmarks/bench_loading.py [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from unittest import mock

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wargame.scenario import yamlcount, yamlreader  # noqa: E402
from wargame.scenario.loader import default_ladder, forget_caches, load_scenario, standard_moves  # noqa: E402
from wargame.scenario.yamlsafe import YamlProblem, load_yaml_text  # noqa: E402

GOAL = 2.0
REFUSAL_GOAL = 0.5  # seconds
HOSTILE = {
    "billion laughs": 'lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
        f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 9)}]\n" for i in range(2, 10)),
    "alias bomb via merge keys": "m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n" + "".join(
        f"m{i}: &m{i} {{<<: [{', '.join([f'*m{i - 1}'] * 9)}], x{i}: 1}}\n" for i in range(1, 10)),
    "2 MiB of brackets": "[" * (2 * 1024 * 1024 - 1),
    "2 MiB flat list": ("- 1\n" * (512 * 1024))[: 2 * 1024 * 1024 - 64],
    "2 MiB flat map": "".join(f"k{i}: 1\n" for i in range(200_000))[: 2 * 1024 * 1024 - 64].rsplit("\n", 1)[0] + "\n",
}


def bare_load(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def timed_first_load(path: Path) -> float:
    """A load after emptying the caches of conditions (the emptying itself is not timed)."""
    forget_caches()
    return timed(load_scenario, path)


def one_time_cost() -> float:
    """Parsing the standard library of moves and the default ladder, which every process does once."""
    start = time.perf_counter()
    standard_moves.__wrapped__()
    default_ladder.__wrapped__()
    return time.perf_counter() - start


def refusal_seconds(text: str, loader: type, repeats: int) -> float:
    """Median seconds to refuse ``text`` with the given PyYAML loader underneath."""
    times = []
    with mock.patch.object(yamlreader, "LOADER", loader), mock.patch.object(yamlcount, "LOADER", loader):
        for _ in range(repeats):
            start = time.perf_counter()
            try:
                load_yaml_text(text, "hostile.yaml")
            except YamlProblem:
                times.append(time.perf_counter() - start)
            else:
                raise SystemExit("hostile text was accepted")
    return statistics.median(times)


def refusals(repeats: int) -> bool:
    print(f"\nrefusing hostile text, median of {repeats} runs (goal <= {REFUSAL_GOAL:g} s with the C loader):")
    met = True
    for name, text in HOSTILE.items():
        fast = refusal_seconds(text, yaml.CSafeLoader, repeats)
        pure = refusal_seconds(text, yaml.SafeLoader, max(1, repeats // 5))
        met &= fast <= REFUSAL_GOAL
        print(f"  {name:28s} C loader {1e3 * fast:8.1f} ms  {'ok' if fast <= REFUSAL_GOAL else 'MISS':4s}"
              f"  pure Python {1e3 * pure:8.1f} ms")
    return met


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    if not hasattr(yaml, "CSafeLoader"):
        print("PyYAML has no C loader here (libyaml missing): the reference would be the slow pure loader")
        return 1
    paths = sorted((ROOT / "scenarios").glob("*.yaml"))
    print(f"load + validate vs bare yaml.load(CSafeLoader), median of {repeats} interleaved runs, same process")
    print(f"one-time cost per process (standard moves + default ladder): {1e3 * one_time_cost():.2f} ms")
    print(f"{'scenario':32s} {'KiB':>6s} {'bare ms':>9s} {'load ms':>9s} {'ratio':>7s}  goal <= {GOAL:g}x"
          f"  {'first ms':>9s} {'ratio':>7s}")
    worst = worst_first = 0.0
    for path in paths:
        load_scenario(path)  # warm caches and imports
        bare, ours, first = [], [], []
        for _ in range(repeats):
            bare.append(timed(bare_load, path))
            ours.append(timed(load_scenario, path))
            first.append(timed_first_load(path))
        b, o, f = statistics.median(bare), statistics.median(ours), statistics.median(first)
        ratio = o / b
        worst, worst_first = max(worst, ratio), max(worst_first, f / b)
        verdict = "ok" if ratio <= GOAL else "MISS"
        print(f"{path.name:32s} {path.stat().st_size / 1024:6.1f} {1e3 * b:9.3f} {1e3 * o:9.3f} {ratio:6.2f}x  {verdict:9s}"
              f"  {1e3 * f:9.3f} {f / b:6.2f}x")
    print(f"worst ratio {worst:.2f}x (goal <= {GOAL:g}x): {'met' if worst <= GOAL else 'NOT met'}; "
          f"first loads: worst {worst_first:.2f}x")
    met = refusals(max(3, repeats // 20))
    print(f"refusals: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
