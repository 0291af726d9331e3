"""``wargame host`` as a user runs it: a real process, stopped with Ctrl+C and resumed with the same codes."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from types import SimpleNamespace

from tests.net.test_play import join_game, play_turn
from tests.support import ROOT
from wargame.net.client import Link
from wargame.net.codes import read_codes

DEADLINE = 60.0


class HostProcess:
    """``wargame host ... --port 0`` in a process; its output read line by line on a thread (no blocking read)."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "wargame", "host", *args, "--port", "0"], cwd=ROOT,
                                        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def read_until(self, pattern: str) -> re.Match:
        """The first line from now on matching ``pattern`` (within DEADLINE)."""
        end = time.monotonic() + DEADLINE
        while (left := end - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            if match := re.search(pattern, line):
                return match
        self.process.kill()
        raise AssertionError(f"the host never printed {pattern!r}:\n{''.join(self.seen)}")

    def stop(self) -> str:
        """Ctrl+C, then everything it printed."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=DEADLINE)
        finally:
            self.process.kill()
        while (line := self.lines.get(timeout=DEADLINE)) is not None:
            self.seen.append(line)
        return "".join(self.seen)


async def test_host_prints_codes_serves_and_resumes_after_ctrl_c(tmp_path):
    folder = tmp_path / "class"
    host = HostProcess("tutorial", "--games", "2", "--as", "kestria,dornland", "--seed", "5", "--dir", str(folder))
    try:
        match = host.read_until(r"listening on 127\.0\.0\.1:(\d+)")
        _, codes = read_codes(folder)
        assert all(entry.code in "".join(host.seen) for entry in codes)  # every code on the screen, as in codes.json
        teams = await join_game(SimpleNamespace(port=int(match.group(1))), SimpleNamespace(codes=codes))
        await play_turn(teams)
        for link in teams.values():
            await link.close()
        host.read_until(r"game 1: turn 2 hotline, rung \d+; waiting for kestria, dornland")  # the overview
    finally:
        out = host.stop()
    assert "wargame host --resume" in out and host.process.returncode == 0

    again = HostProcess("--resume", str(folder))
    try:
        match = again.read_until(r"listening on 127\.0\.0\.1:(\d+)")
        link = await Link.open(f"127.0.0.1:{match.group(1)}", codes[0].code)  # the same code
        assert (link.latest["game"], link.latest["turn"], link.latest["phase"]) == (1, 2, "hotline")
        await link.close()
    finally:
        again.stop()
