"""How fast the game's UI starts and answers, against a bare Textual app, in one run.

Everything runs in a real terminal (tmux), the way a player sees it:

1. first frame: from launching ``wargame play cuban-missile-crisis`` to its
   first screen with real content (the briefing's "Public briefing" heading),
   against ``../shared/bench/bare_textual_app.py real``'s first complete frame,
   launched the same way; medians of several alternating runs, and their ratio
   (goal: at most 1.3). The game's first frame (a placeholder while the
   scenario opens) is shown beside it, not judged;
2. order latency: in the tutorial's orders phase, from pressing Enter on a
   move to the screen showing "Your order: ..." (goal: under 50 ms);
3. memory: resident memory of the game process in progress (goal: under 80 MiB);
4. a whole game: a scripted player takes the United States through a Cuban
   game (each turn: close the hotline, order a move, end the turn, continue),
   and every key is timed from pressing it to the screen showing its result
   (the next phase's marker; for a move, the order line changing). Goals: 95th
   percentile under 100 ms; resident memory at the end under 80 MiB.

Usage (from the repository root): ``python benchmarks/bench_ui.py [--runs N] [--json]``.
Needs tmux. The completion of a frame is seen by polling ``tmux capture-pane``
every millisecond or so for text that only the finished frame holds (the
footer, drawn in the same synchronized update as the rest).

Both apps run with Python's bytecode cache on (kept in a temporary
``PYTHONPYCACHEPREFIX``, so the tree stays clean), as an installed package
does: with ``PYTHONDONTWRITEBYTECODE`` inherited from the shell, every launch
would compile wargame's modules from source (about 85 ms) while Textual's
came precompiled, which measures the environment rather than the app.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import reference

ROOT = Path(__file__).resolve().parent.parent
SESSION = "wargame-bench"
SIZE = ("120", "40")
BRIEFING = "Public briefing"  # a heading of the opened scenario's briefing


def bare_app() -> Path:
    """The reference app of ../shared/bench; stops with a message saying where it looked when absent."""
    found = reference.find("bare_textual_app.py")
    if found is None:
        raise SystemExit("reference app not found; looked at: "
                         + ", ".join(map(str, reference.candidates("bare_textual_app.py")))
                         + "\n  It lives beside the repository, in ../shared/bench/ (see that folder's README).")
    return found


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def launch(command: str) -> float:
    """Start ``command`` in the bench pane and return the launch time."""
    started = time.perf_counter()
    tmux("respawn-pane", "-k", "-t", SESSION, command)
    return started


def wait_for(marker: str, timeout: float = 20.0, since: float | None = None) -> float:
    """Seconds from ``since`` until ``marker`` is on screen."""
    since = time.perf_counter() if since is None else since
    while time.perf_counter() - since < timeout:
        if marker in screen():
            return time.perf_counter() - since
        time.sleep(0.001)
    raise TimeoutError(f"'{marker}' did not appear within {timeout} s; screen:\n{screen()}")


def first_frame(command: str, *markers: str) -> list[float]:
    """Seconds from launch until each marker (in order) is on screen."""
    started = launch(command)
    elapsed = [wait_for(marker, since=started) for marker in markers]
    tmux("respawn-pane", "-k", "-t", SESSION, "sleep 60")
    return elapsed


def python_command(args: str, env: dict[str, str]) -> str:
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    return f"cd {ROOT} && exec env -u PYTHONDONTWRITEBYTECODE {exports} {sys.executable} {args}"


def pane_pid() -> int:
    return int(tmux("display", "-p", "-t", SESSION, "#{pane_pid}").strip())


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def order_line() -> str:
    return next((line for line in screen().splitlines() if "Your order:" in line), "")


def order_latency(runs: int, env: dict[str, str], saves: str) -> tuple[list[float], float]:
    """Play the tutorial to its orders phase, then time Enter → the order shown, ``runs`` times."""
    launch(python_command(f"-m wargame play tutorial --seed 1 --as kestria --saves-dir {saves}", env))
    wait_for("Start as this side")
    tmux("send-keys", "-t", SESSION, "Enter")
    wait_for("Close hotline")
    time.sleep(0.5)  # let the computers' worker finish
    tmux("send-keys", "-t", SESSION, "Space")
    wait_for("Choose a move")
    times = []
    for _ in range(runs):
        before = order_line()
        tmux("send-keys", "-t", SESSION, "Down")
        time.sleep(0.15)
        started = time.perf_counter()
        tmux("send-keys", "-t", SESSION, "Enter")
        while time.perf_counter() - started < 5:
            line = order_line()
            if line and line != before:
                break
            time.sleep(0.0005)
        else:
            raise TimeoutError("the order never showed")
        times.append(time.perf_counter() - started)
        time.sleep(0.1)
    memory = rss_mib(pane_pid())
    tmux("respawn-pane", "-k", "-t", SESSION, "sleep 60")
    return times, memory


DIALOGS = (("against whom?", "Enter"), ("(y)", "y"))  # (what a dialog asks, the key the script answers with)
GAME_OVER = "After-action report"  # the end screen's footer


def still_for(seconds: float, timeout: float = 30.0) -> None:
    """Wait until the screen has not changed for ``seconds`` (untimed: the player reads)."""
    started = time.perf_counter()
    last, since = screen(), time.perf_counter()
    while time.perf_counter() - since < seconds and time.perf_counter() - started < timeout:
        time.sleep(0.01)
        now = screen()
        if now != last:
            last, since = now, time.perf_counter()


def press(key: str, markers: tuple[str, ...] = (), timeout: float = 30.0) -> float:
    """Seconds from sending ``key`` until one of ``markers`` appears (without markers, until the screen changes)."""
    before = screen()
    started = time.perf_counter()
    tmux("send-keys", "-t", SESSION, key)
    while time.perf_counter() - started < timeout:
        now = screen()
        if any(m in now and m not in before for m in markers) if markers else now != before:
            return time.perf_counter() - started
        time.sleep(0.0005)
    raise TimeoutError(f"{key}: {markers} did not appear within {timeout} s; screen:\n{screen()}")


def whole_game(env: dict[str, str], saves: str) -> tuple[dict[str, list[float]], float, int]:
    """Play a Cuban game as the United States by a fixed key script; each key's latency by what it does, the
    resident memory at the end screen, and the turns played.

    Each turn: Space closes the hotline; Down and Enter order the next move down the list (again while the
    one under the cursor is not available), answering a target or red-line dialog with Enter or y; Space ends
    the turn; Space leaves the result. After each key the script waits (untimed) until the screen has been
    still for 0.5 s, a player's pause: a slow frame never makes it press the next key into the wrong screen.
    """
    latencies: dict[str, list[float]] = {}

    def timed(what: str, key: str, *markers: str) -> None:
        latencies.setdefault(what, []).append(press(key, markers))
        still_for(0.5)  # the player's pause, and time for a dialog the key opens to be drawn before it is looked for

    launch(python_command(f"-m wargame play cuban-missile-crisis --seed 1 --as usa --saves-dir {saves}", env))
    wait_for("Start as this side", timeout=60)
    timed("Enter: start as this side", "Enter", "Close hotline")
    turns = 0
    while GAME_OVER not in screen() and turns < 20:
        turns += 1
        timed("Space: close the hotline", "Space", "Choose a move")
        for _ in range(10):
            timed("Down: next move", "Down")
            timed("Enter: order it", "Enter")
            for question, answer in DIALOGS:
                if question in screen():
                    timed(f"{answer}: answer a dialog", answer)
            if "Your order:" in screen():
                break
        timed("Space: end the turn", "Space", " resolved")
        timed("Space: continue", "Space", "Close hotline", GAME_OVER)
    memory = rss_mib(pane_pid())
    tmux("respawn-pane", "-k", "-t", SESSION, "sleep 60")
    return latencies, memory, turns


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each app (default 7)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench_ui needs tmux", file=sys.stderr)
        return 2
    bare = bare_app()
    saves = tempfile.mkdtemp(prefix="wargame-bench-")
    env = {"TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "COLORTERM": "truecolor",
           "PYTHONPYCACHEPREFIX": os.path.join(saves, "pycache")}
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    tmux("new-session", "-d", "-s", SESSION, "-x", SIZE[0], "-y", SIZE[1], "sleep 60")
    try:
        game_cmd = python_command(f"-m wargame play cuban-missile-crisis --seed 1 --saves-dir {saves}", env)
        bare_cmd = python_command(f"{bare} real", env)
        first_frame(bare_cmd, "palette")  # warm the file cache for both
        first_frame(game_cmd, "palette", BRIEFING)
        game, bare, briefing = [], [], []
        for _ in range(args.runs):
            bare.extend(first_frame(bare_cmd, "palette"))
            frame, shown = first_frame(game_cmd, "palette", BRIEFING)
            game.append(frame)
            briefing.append(shown)
        latencies, memory = order_latency(max(5, args.runs), env, saves)
        by_key, end_memory, turns = whole_game(env, saves)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
        shutil.rmtree(saves, ignore_errors=True)
    figures = {
        "first_frame_game_ms": round(1000 * statistics.median(game), 1),
        "first_frame_bare_ms": round(1000 * statistics.median(bare), 1),
        "first_frame_ratio": round(statistics.median(game) / statistics.median(bare), 2),
        "briefing_shown_ms": round(1000 * statistics.median(briefing), 1),
        "briefing_shown_ratio": round(statistics.median(briefing) / statistics.median(bare), 2),
        "order_to_screen_ms_median": round(1000 * statistics.median(latencies), 1),
        "order_to_screen_ms_max": round(1000 * max(latencies), 1),
        "rss_in_game_mib": round(memory, 1),
        "runs": args.runs,
        "game_turns": turns,
        "game_keys": sum(map(len, by_key.values())),
        "game_key_ms_p95": round(1000 * percentile([t for ts in by_key.values() for t in ts], 0.95), 1),
        "game_key_ms_by_key": {key: {"median": round(1000 * statistics.median(ts), 1),
                                     "worst": round(1000 * max(ts), 1)} for key, ts in by_key.items()},
        "rss_at_end_mib": round(end_memory, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"first frame, wargame play cuban-missile-crisis: {figures['first_frame_game_ms']} ms (median of {args.runs})")
        print(f"first frame, bare Textual app:                  {figures['first_frame_bare_ms']} ms")
        print(f"ratio (a placeholder frame; not judged):        {figures['first_frame_ratio']}")
        print(f"briefing on screen (first real content):        {figures['briefing_shown_ms']} ms, "
              f"{figures['briefing_shown_ratio']}x the bare app's first frame  (goal <= 1.3)")
        print(f"Enter on a move -> order on screen:             {figures['order_to_screen_ms_median']} ms median, "
              f"{figures['order_to_screen_ms_max']} ms worst  (goal < 50)")
        print(f"resident memory, game in progress:              {figures['rss_in_game_mib']} MiB  (goal < 80)")
        print(f"a whole Cuban game by keys ({turns} turns, {figures['game_keys']} keys): 95th percentile "
              f"{figures['game_key_ms_p95']} ms  (goal < 100)")
        for key, spread in figures["game_key_ms_by_key"].items():
            print(f"    {key:40} {spread['median']:7.1f} ms median, {spread['worst']:7.1f} ms worst")
        print(f"resident memory at the end of the game:         {figures['rss_at_end_mib']} MiB  (goal < 80)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    raise SystemExit(main())
