"""Browser test: ``wargame host --web`` in a real headless Chromium, from the code screen to the side's briefing.

Skipped only when no Chromium is installed (``.ci/run`` installs Debian's
``chromium``). How the page is driven and read: tests/net/browser.py.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.net.browser import Browser, chromium
from tests.support import ROOT

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(chromium() is None, reason="no Chromium installed (apt-get install chromium)")]


def start_host(folder: Path) -> tuple[subprocess.Popen, str]:
    """``wargame host --web`` on free ports; its page's URL, read from what it prints."""
    host = subprocess.Popen([sys.executable, "-m", "wargame", "host", "tutorial", "--as", "kestria", "--seed", "1",
                             "--port", "0", "--web", "--web-port", "0", "--dir", str(folder)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in host.stdout:
        if found := re.match(r"browsers: (http://\S+)", line):
            return host, found[1]
    raise AssertionError(f"the host printed no page address (status {host.wait()})")


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(word) for word in path.read_text().split()] if path.exists() else []


def gone(pid: int) -> bool:
    status = Path(f"/proc/{pid}/stat")
    return not status.exists() or status.read_text().split(")")[-1].split()[0] == "Z"


async def test_a_browser_joins_with_a_code_and_reads_its_briefing(tmp_path):
    host, url = start_host(tmp_path / "class")
    browser = None
    try:
        codes = json.loads((tmp_path / "class" / "codes.json").read_text())["codes"]
        code = next(c["code"] for c in codes if c["side"] == "kestria")
        browser = await Browser(chromium()).open()
        await browser.go(url)
        assert "Join a game" in await browser.screen_showing("Join a game", timeout=40)

        await browser.type("g1-kestria-AAAA-BBBB-CCCC")  # a made-up code for a real game and side
        await browser.enter()
        assert "no game opens with this code" in await browser.screen_showing("no game opens", timeout=30)

        await browser.type("\b" * 30 + code)
        await browser.enter()
        text = await browser.screen_showing("Private briefing", timeout=40)
        assert "Republic of Kestria" in text and "Private briefing" in text  # this side's own briefing
        assert "Join a game" not in text

        pages = children(host.pid)  # the page's own 'wargame join', started by the host
        assert pages
        os.kill(host.pid, signal.SIGINT)  # Ctrl+C on the host
        out, _ = host.communicate(timeout=30)
        assert host.returncode == 0 and "host stopped" in out
        assert all(gone(pid) for pid in pages)
    finally:
        if browser is not None:
            await browser.close()
        if host.poll() is None:
            host.kill()
            host.wait()
