"""Autosave cost against a bare ``json.dumps`` + write + rename of the same data; and loading.

The goal (issue 4): an autosave of a finished 13-turn Cuban game costs at
most 2x the bare write, measured in the same run. The autosave does
everything a real one does (build the save from the game, canonical
encoding, temporary file, flush, fsync, rename, fsync of the folder); the
bare write dumps the already-built dict and renames, with no fsync. The
reference lines show how much of the difference is durability (the
fsyncs, whose cost depends on the disk and on what else is writing)
rather than our code. Rounds interleave the variants, so a journal
commit set off by one write is paid by whichever write comes next, as it
would be in a busy program.

Loading is timed too: reading a save (parse and check), reading the entry
a list of saves shows for it, and loading its game (read, check and replay).

Round trips of many games are timed too (the time limit once inside
tests/saves/test_saves.py, which now checks only that they replay exactly):
GAMES random games (``tests.support.random_game``; two in three of the
tutorial, one in three Cuban), each played, saved, loaded (a full replay)
and verified; the total was once held to 60 s for 500 games.

usage: python benchmarks/bench_saves.py [REPEATS] [GAMES]
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import random_game  # noqa: E402
from wargame import saves  # noqa: E402
from wargame.ai.autoplay import play_to_end  # noqa: E402
from wargame.engine import Game, Order, actor_view  # noqa: E402
from wargame.saves import atomic, autosave, fileformat, load_game, provenance, read_save, read_summary  # noqa: E402
from wargame.scenario.loader import load_scenario  # noqa: E402


def thirteen_turn_game() -> Game:
    """The first seed whose game lasts all 13 days: hawks on every side, else random orders."""
    scenario = load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml")
    for seed in range(200):
        game = play_to_end(Game(scenario, seed), doctrines={actor: "hawk" for actor in scenario.actor_ids})
        if len(game.history) == 13:
            return game
    for seed in range(1000):
        rng = random.Random(seed)
        game = Game(scenario, seed)
        while not game.is_over():
            if game.turn_phase == "orders":
                for actor in game.actor_ids:
                    option = rng.choice([o for o in actor_view(game, actor).options if o.available])
                    game.apply(Order(actor, option.move.id, rng.choice(option.targets) if option.move.targeted else None))
            game.proceed()
        if len(game.history) == 13:
            return game
    raise SystemExit("no 13-turn game found")


def bare_write(data: dict, path: Path, fsync: bool) -> None:
    temp = path.with_name(path.name + ".tmp")
    with open(temp, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data))
        if fsync:
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(temp, path)


def timed(actions: dict, repeats: int) -> dict[str, float]:
    """Median seconds of each action, run in turn within each round so drift hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for round_ in range(repeats + 2):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            if round_ >= 2:  # two warm-up rounds
                samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def autosave_without_folder_fsync(game: Game, folder: Path) -> None:
    """For reference: how much of the cost is the fsync of the folder after the rename."""
    keep = atomic._fsync_folder
    atomic._fsync_folder = lambda folder: None
    try:
        autosave(game, folder)
    finally:
        atomic._fsync_folder = keep


def cold_autosave(game: Game, folder: Path) -> None:
    """An autosave with the per-process caches emptied, as for the first save after loading."""
    fileformat._decision_dict.cache_clear()
    fileformat._scenario_dict.cache_clear()
    autosave(game, folder)


def round_trips(games: int) -> None:
    """Seconds spent playing, saving, loading and verifying ``games`` random games, as the test does."""
    scenarios = [load_scenario(ROOT / "scenarios" / name) for name in ("cuban-missile-crisis.yaml", "tutorial.yaml")]
    spent = dict.fromkeys(("play", "save", "load (replay)", "verify"), 0.0)
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(games):
            path = Path(folder) / f"{seed}.json"
            start = time.perf_counter()
            game = random_game(scenarios[0] if seed % 3 == 0 else scenarios[1], seed)
            played = time.perf_counter()
            saves.save_game(game, path, saved_at="2024-01-01T00:00:00+00:00")
            saved = time.perf_counter()
            loaded = saves.load_game(path)
            replayed = time.perf_counter()
            saves.verify(saves.read_save(path), loaded)
            verified = time.perf_counter()
            for name, seconds in zip(spent, (played - start, saved - played, replayed - saved, verified - replayed)):
                spent[name] += seconds
    total = sum(spent.values())
    print(f"\n{games} random games played, saved, loaded and verified: {total:.1f} s "
          f"(once held to 60 s for 500 games; {1e3 * total / games:.1f} ms a game)")
    for name, seconds in spent.items():
        print(f"  {name:16s} {seconds:7.2f} s  {1e3 * seconds / games:7.2f} ms a game")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    games = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    game = thirteen_turn_game()
    info = provenance.of(game)
    data = fileformat.save_data(game, game_id=info.game_id, branch=info.branch, saved_at="2024-01-01T00:00:00+00:00")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        saved = autosave(game, folder)
        results = timed({
            "autosave": lambda: autosave(game, folder),
            "bare json.dumps+write+rename": lambda: bare_write(data, folder / "bare.json", False),
            "bare + fsync (reference)": lambda: bare_write(data, folder / "bare.json", True),
            "autosave, caches emptied": lambda: cold_autosave(game, folder),
            "autosave without the folder fsync": lambda: autosave_without_folder_fsync(game, folder),
            "  build the save dict": lambda: fileformat.save_data(game, game_id="x", branch=None, saved_at="t"),
            "  encode it": lambda: fileformat.encode(data),
            "  json.dumps of the same data": lambda: json.dumps(data),
            "read the save (parse + check)": lambda: read_save(saved),
            "read its entry in a list of saves": lambda: read_summary(saved),
            "load the game (read + replay)": lambda: load_game(saved),
        }, repeats)
        size = saved.stat().st_size
    print(f"13-turn Cuban game: {len(game.decisions)} decisions, save of {size} bytes, median of {repeats} runs")
    for name, seconds in results.items():
        print(f"{name:34} {seconds * 1000:8.3f} ms")
    ratio = results["autosave"] / results["bare json.dumps+write+rename"]
    print(f"ratio autosave / bare: {ratio:.2f}x (goal <= 2x): {'met' if ratio <= 2 else 'NOT met'}")
    print(f"ratio autosave / bare+fsync: {results['autosave'] / results['bare + fsync (reference)']:.2f}x")
    print(f"ratio autosave with caches emptied / bare: {results['autosave, caches emptied'] / results['bare json.dumps+write+rename']:.2f}x")
    work = results["  build the save dict"] + results["  encode it"]
    print(f"ratio of the work before the file system (build + encode) / json.dumps: {work / results['  json.dumps of the same data']:.2f}x")
    round_trips(games)


if __name__ == "__main__":
    main()
