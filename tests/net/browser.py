"""A real headless Chromium driven over the Chrome DevTools protocol, with ``websockets`` (already a dependency).

Why not Playwright or Selenium: the protocol is JSON over a websocket, and
the few commands a test needs (open a page, evaluate a script, press keys)
fit in this file, with nothing more to install than the browser itself.

How the page is read: textual-serve draws the app on a canvas (xterm.js with
its WebGL or canvas renderer), so the DOM holds no text. A script run before
the page's own catches the xterm ``Terminal`` as textual.js stores it
(``this.terminal = new Terminal(...)``) and the test reads its buffer, line by
line, through xterm's public API (``buffer.active.getLine(y).translateToString()``):
the characters on screen, as a person would read them.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--window-size=1280,900", "--remote-debugging-port=0")
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    window.__terminal = value;
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
  },
});
"""
SCREEN_TEXT = """
(() => {
  const t = window.__terminal;
  if (!t) return "";
  const lines = [];
  for (let y = 0; y < t.rows; y++) {
    const line = t.buffer.active.getLine(y);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
})()
"""


KEY_PAUSE = 0.03  # seconds between two keys: fast typing (xterm.js can drop a key that follows the last at once)


def key_code(char: str) -> int:
    """The Windows virtual key code a browser gives a character's key (letters and digits: their upper-case code)."""
    return {"-": 189, " ": 32}.get(char, ord(char.upper()))


def chromium() -> str | None:
    """The browser's executable, or None when none is installed."""
    return next((path for name in CHROMIUM if (path := shutil.which(name))), None)


class Browser:
    """One headless Chromium with a fresh profile, and its first tab driven over the DevTools protocol."""

    def __init__(self, executable: str) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="wargame-chromium-"))
        self.process = subprocess.Popen([executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._ids = itertools.count(1)
        self.ws: Any = None

    async def open(self, timeout: float = 30.0) -> Browser:
        port = await self._devtools_port(timeout)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        page = next(t for t in targets if t["type"] == "page")
        self.ws = await connect(page["webSocketDebuggerUrl"], max_size=None)
        await self.send("Page.enable")
        await self.send("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        return self

    async def _devtools_port(self, timeout: float) -> int:
        """Chromium writes the port it chose to DevToolsActivePort in its profile."""
        end, path = time.monotonic() + timeout, self.profile / "DevToolsActivePort"
        while time.monotonic() < end:
            if path.exists() and (text := path.read_text().split()):
                return int(text[0])
            if self.process.poll() is not None:
                raise RuntimeError(f"chromium exited at once (status {self.process.returncode})")
            await asyncio.sleep(0.1)
        raise RuntimeError("chromium did not open its DevTools port")

    async def send(self, method: str, **params: Any) -> dict:
        """One DevTools command and its result (events arriving meanwhile are skipped)."""
        number = next(self._ids)
        await self.ws.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(await asyncio.wait_for(self.ws.recv(), 30))
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def go(self, url: str) -> None:
        await self.send("Page.navigate", url=url)

    async def screen(self) -> str:
        result = await self.send("Runtime.evaluate", expression=SCREEN_TEXT, returnByValue=True)
        return str(result.get("result", {}).get("value", ""))

    async def screen_showing(self, *words: str, gone: str = "", timeout: float = 20.0) -> str:
        """The page's text once it shows every one of ``words`` and no longer ``gone`` (the last text read, if never)."""
        end, text = time.monotonic() + timeout, ""
        while time.monotonic() < end:
            text = await self.screen()
            if text and all(word in text for word in words) and not (gone and gone in text):
                return text
            await asyncio.sleep(0.2)
        return text

    async def type(self, text: str) -> None:
        """Keys as a person types them into the terminal: each with its key code, at a person's pace."""
        await self.send("Runtime.evaluate", expression="window.__terminal && window.__terminal.focus()")
        for char in text:
            await self.press(char, key_code(char), char)
            await asyncio.sleep(KEY_PAUSE)

    async def press(self, key: str, code: int, text: str = "") -> None:
        """A named key (``Enter``, ``Backspace``) as the browser sends it: its name, key code and text."""
        await self.send("Input.dispatchKeyEvent", type="keyDown", key=key, windowsVirtualKeyCode=code,
                        nativeVirtualKeyCode=code, **({"text": text} if text else {}))
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key, windowsVirtualKeyCode=code,
                        nativeVirtualKeyCode=code)

    async def enter(self) -> None:
        await self.press("Enter", 13, "\r")

    async def backspace(self, times: int) -> None:
        for _ in range(times):
            await self.press("Backspace", 8)
            await asyncio.sleep(KEY_PAUSE)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
