"""A class on loopback: one host, GAMES games, two teams and a facilitator connected to each.

Each team waits a random think time before each ready and order (a
scripted choice: the first move its view offers), and the script measures,
per turn and game, the time from the last team's ``ready`` of the orders
phase (the moment the host can resolve) to every connection of that game
(both teams and the facilitator) holding the turn's result. Issue 16's goal:
95th percentile under 100 ms with 10 games and 30 clients. The host runs on
its own process (``wargame host``), so the CPU time and peak memory printed
are the host's alone; the clients share this process.

usage: python benchmarks/bench_classroom.py [--games N] [--turns T] [--think S] [--scenario NAME]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wargame.catalog import resolve  # noqa: E402
from wargame.net.client import Link  # noqa: E402
from wargame.net.codes import read_codes  # noqa: E402
from wargame.scenario.loader import load_scenario  # noqa: E402


def order_of(view: dict, side: str, rng: random.Random) -> dict:
    options = [o for o in view["options"] if not o["reason"]]
    option = rng.choice(options)
    return {"type": "order", "actor": side, "move": option["move"],
            **({"target": rng.choice(option["targets"])} if option["targets"] else {})}


async def team(link: Link, side: str, rng: random.Random, think: float) -> float | None:
    """One turn of one team; returns when it sent its ready for orders (a monotonic time)."""
    async def pause() -> None:
        await asyncio.sleep(rng.uniform(0, think))

    latest = await link.sync()
    while latest["phase"] in ("briefing", "hotline"):
        await pause()
        if not latest["ready"]:
            await link.ready(latest["phase"])
        latest = await link.next_view() if (await link.sync())["phase"] == latest["phase"] else link.latest
    if latest["phase"] != "orders":
        return None
    await pause()
    await link.decide(order_of(latest["view"], side, rng))
    await pause()
    sent = time.monotonic()
    await link.ready("orders")
    return sent


async def wait_result(link: Link, turn: int) -> float:
    while not (link.latest["turn"] > turn or link.latest["phase"] in ("aftermath", "over")):
        await link.next_view(60)
    return time.monotonic()


async def play_game(where: str, codes: dict[str, str], turns: int, think: float, seed: int) -> list[float]:
    rng = random.Random(seed)
    links = {side: await Link.open(where, code) for side, code in codes.items()}
    teams = {side: link for side, link in links.items() if side != "facilitator"}
    delays = []
    for _ in range(turns):
        turn = teams[next(iter(teams))].latest["turn"]
        if any(link.latest["phase"] == "over" for link in teams.values()):
            break
        sent = await asyncio.gather(*(team(link, side, rng, think) for side, link in teams.items()))
        if None in sent:
            break
        done = await asyncio.gather(*(wait_result(link, turn) for link in links.values()))
        delays.append(max(done) - max(sent))
        for link in teams.values():
            await link.sync()
            if link.latest["phase"] == "aftermath":
                await link.ready("aftermath")
    for link in links.values():
        await link.close()
    return delays


def start_host(scenario: str, games: int, humans: tuple[str, ...], folder: Path) -> tuple[subprocess.Popen, int]:
    """``wargame host`` in its own process (so its CPU and memory are its own); returns it and its port."""
    command = [sys.executable, "-m", "wargame", "host", scenario, "--games", str(games), "--as", ",".join(humans),
               "--seed", "0", "--port", "0", "--dir", str(folder)]
    host = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    for line in host.stdout:
        if match := re.search(r"listening on [^:]+:(\d+)", line):
            threading.Thread(target=lambda: [None for _ in host.stdout], daemon=True).start()  # keep the pipe drained
            return host, int(match.group(1))
    raise SystemExit("the host did not start")


async def main_async(args: argparse.Namespace) -> None:
    scenario = load_scenario(resolve(args.scenario))
    humans = tuple(a.id for a in scenario.spec.actors)[:2]
    with tempfile.TemporaryDirectory() as folder:
        host, port = start_host(args.scenario, args.games, humans, Path(folder) / "class")
        try:
            _, codes = read_codes(Path(folder) / "class")
            by_game: dict[int, dict[str, str]] = {}
            for entry in codes:
                by_game.setdefault(entry.game, {})[entry.side] = entry.code
            wall0 = time.monotonic()
            results = await asyncio.gather(*(play_game(f"127.0.0.1:{port}", game_codes, args.turns, args.think, n)
                                             for n, game_codes in by_game.items()))
            wall = time.monotonic() - wall0
        finally:
            host.send_signal(signal.SIGINT)
            host.wait(60)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    delays = sorted(d * 1000 for game in results for d in game)
    p95 = delays[max(0, int(len(delays) * 0.95) - 1)]
    print(f"{args.games} games, {args.games * (len(humans) + 1)} clients, {len(delays)} turns resolved "
          f"({scenario.id}, think time up to {args.think}s)")
    print(f"last order -> every client has the result: median {statistics.median(delays):.1f} ms, "
          f"p95 {p95:.1f} ms, max {delays[-1]:.1f} ms (goal: p95 under 100 ms: "
          f"{'met' if p95 < 100 else 'NOT met'})")
    print(f"host process: CPU {usage.ru_utime + usage.ru_stime:.1f} s over {wall:.1f} s of play, "
          f"peak memory {usage.ru_maxrss / 1024:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--games", type=int, default=10)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--think", type=float, default=0.5, help="longest think time of a team, in seconds")
    parser.add_argument("--scenario", default="cuban-missile-crisis")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
