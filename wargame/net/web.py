"""Browsers: ``wargame host --web`` serves the join interface to a web page, through textual-serve.

Each page opens a websocket to this server, which starts, for that page
only, ``python -m wargame join ADDRESS`` (the host's own Python) with
Textual's web driver: the page shows that app, which asks for the join
code and then joins the game server like any terminal. So the game server
stays the only judge and the only door; this server holds no game and no
code. The child is told the page's address (``--via``), so the host's limit
on wrong codes counts each browser's address, not this machine's.

It runs on the host's own asyncio loop (aiohttp); ``stop`` closes every
page and ends every child, so Ctrl+C on the host leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PAGE = "web-index.html.j2"
ANYWHERE = ("0.0.0.0", "::", "")
CHILD_GRACE = 5.0  # seconds a page's app has to quit before it is killed
MAX_PAGES = 120  # pages open at once: each is a Python process on the host (about 65 MB)
PAGES_PER_ADDRESS = 6  # pages open at once from one browser's address (a team's few tabs, not a flood)


def local_address(bind: str, port: int) -> str:
    """Where this machine's children reach the game server: loopback when it listens everywhere."""
    return f"{'127.0.0.1' if bind in ANYWHERE else bind}:{port}"


def join_command(game_address: str, via: str | None) -> str:
    """The shell line textual-serve runs for one page (``exec``: the shell becomes the app, one process to end)."""
    words = [sys.executable, "-m", "wargame", "join", game_address, *(["--via", via] if via else [])]
    return "exec " + " ".join(shlex.quote(word) for word in words)


class WebDoor(Server):
    """textual-serve's server, run inside the host: one join app per page, each page's address passed on."""

    def __init__(self, game_address: str, bind: str, port: int, title: str = "wargame") -> None:
        super().__init__(join_command(game_address, None), host=bind, port=port, title=title, templates_path=TEMPLATES)
        self.game_address = game_address
        self.sockets: set[web.WebSocketResponse] = set()
        self.services: set[AppService] = set()
        self.pages_from: dict[str, int] = {}  # open pages per browser address
        self._runner: web.AppRunner | None = None

    async def start(self) -> int:
        """Listen (an ``OSError`` when the port is taken); the port actually bound."""
        self._runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self.port

    async def stop(self) -> None:
        """Close every page (each page's handler then ends its app), wait for that, end any left, stop listening."""
        for socket in list(self.sockets):
            await socket.close()
        for _ in range(int(CHILD_GRACE * 2 * 10) + 10):
            if not self.services:
                break
            await asyncio.sleep(0.1)
        for service in list(self.services):
            await self._end(service)
        if self._runner is not None:
            await self._runner.cleanup()

    @staticmethod
    async def _end(service: AppService) -> None:
        """Ask a page's app to quit, wait until its process is gone, kill it if it will not go."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(service.stop(), CHILD_GRACE)
        process = service._process
        if process is None:
            return
        try:
            await asyncio.wait_for(process.wait(), CHILD_GRACE)
        except TimeoutError:
            process.kill()
            await process.wait()

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: the host prints the page's address beside the codes."""

    @aiohttp_jinja2.template(PAGE)
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, its links made from the address the browser used (the host may listen on 0.0.0.0)."""
        origin = f"{request.scheme}://{request.host}"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": "ws" + origin.removeprefix("http") + "/ws",
            "config": {"static": {"url": f"{origin}/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's own handler, with the page's address on the child's command line and every child kept."""
        where = request.remote or ""
        if len(self.services) >= MAX_PAGES or self.pages_from.get(where, 0) >= PAGES_PER_ADDRESS:
            raise web.HTTPServiceUnavailable(text="too many pages open: close one and reload")
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            self.sockets.add(websocket)
            self.pages_from[where] = self.pages_from.get(where, 0) + 1
            service = AppService(join_command(self.game_address, where or None), write_bytes=websocket.send_bytes,
                                 write_str=websocket.send_str, close=websocket.close,
                                 download_manager=self.download_manager)
            self.services.add(service)
            await service.start(min(max(width, 20), 400), min(max(height, 10), 200))
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # a page's trouble must not reach the host; say it on the host's terminal
            print(f"wargame: warning: a browser page failed: {error}", file=sys.stderr)
        finally:
            if websocket in self.sockets:
                self.sockets.discard(websocket)
                self.pages_from[where] -= 1
                if not self.pages_from[where]:
                    del self.pages_from[where]
            if service is not None:
                await self._end(service)
                self.services.discard(service)
        return websocket
