"""Clients of the host: ``Link`` (asyncio, for scripts and tests) and ``ThreadLink`` (threads, for the TUI).

Both say hello with a code, keep the latest view the host pushed, and turn
each request into its ``ok`` or an ``error`` (raised as ``Refused``). The
address is ``HOST[:PORT]``, the port ``DEFAULT_PORT`` when left out.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as connect_async
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.sync.client import ClientConnection as SyncConnection
from websockets.sync.client import connect as connect_sync

from wargame.errors import WargameError
from wargame.net.limits import TOO_MANY
from wargame.net.protocol import MAX_HOST_MESSAGE, PROTOCOL_VERSION, decode_host, encode

DEFAULT_PORT = 8765
TIMEOUT = 10.0
RETRIES, RETRY_AFTER = 20, 0.1  # a request refused for coming too fast: sent again up to 20 times, 0.1 s apart


class Refused(WargameError):
    """The host refused a request (or the code): its one-line reason."""


def address(text: str) -> str:
    """``HOST[:PORT]`` (or a ws:// URL) as the URL to open."""
    text = text.strip()
    if text.startswith(("ws://", "wss://")):
        return text
    host, _, port = text.rpartition(":") if text.count(":") == 1 else (text, "", "")
    if not host:
        host, port = text, ""
    if port and not port.isdigit():
        raise WargameError(f"not HOST[:PORT]: {text!r}")
    return f"ws://{host}:{port or DEFAULT_PORT}"


class Link:
    """An asyncio connection with a code: ``welcome``, the latest ``view`` message, and requests."""

    def __init__(self, ws: ClientConnection, welcome: dict) -> None:
        self.ws = ws
        self.welcome = welcome
        self.latest: dict | None = None
        self.pushed = 0  # view messages received
        self._ids = itertools.count(1)

    @classmethod
    async def open(cls, where: str, code: str, timeout: float = TIMEOUT) -> Link:
        ws = await asyncio.wait_for(connect_async(address(where), max_size=MAX_HOST_MESSAGE), timeout)
        await ws.send(encode("hello", protocol=PROTOCOL_VERSION, code=code))
        welcome = decode_host(await asyncio.wait_for(ws.recv(), timeout))
        if welcome["type"] != "welcome":
            await ws.close()
            raise Refused(str(welcome.get("message", "refused")))
        link = cls(ws, welcome)
        await link.next_view(timeout)
        return link

    async def next_view(self, timeout: float = TIMEOUT) -> dict:
        """Wait for the next view message the host pushes."""
        while True:
            message = decode_host(await asyncio.wait_for(self.ws.recv(), timeout))
            if message["type"] == "view":
                self._keep(message)
                return message

    def _keep(self, message: dict) -> None:
        self.latest, self.pushed = message, self.pushed + 1

    async def request(self, kind: str, timeout: float = TIMEOUT, **fields: Any) -> dict:
        """Send a request; views pushed meanwhile are kept; returns ``ok`` or raises ``Refused``.

        A request refused for coming too fast (the host's rate limit) is sent again a moment later.
        """
        for _ in range(RETRIES):
            number = next(self._ids)
            await self.ws.send(encode(kind, id=number, **fields))
            try:
                return await self.answer(number, timeout)
            except Refused as refusal:
                if str(refusal) != TOO_MANY:
                    raise
                await asyncio.sleep(RETRY_AFTER)
        raise Refused(TOO_MANY)

    async def answer(self, number: int | None, timeout: float = TIMEOUT) -> dict:
        while True:
            message = decode_host(await asyncio.wait_for(self.ws.recv(), timeout))
            if message["type"] == "view":
                self._keep(message)
            elif message.get("re") == number:
                if message["type"] == "error":
                    raise Refused(message["message"])
                return message

    async def decide(self, decision: dict, timeout: float = TIMEOUT) -> dict:
        return await self.request("decide", timeout, decision=decision)

    async def ready(self, phase: str, timeout: float = TIMEOUT) -> dict:
        return await self.request("ready", timeout, phase=phase)

    async def sync(self, timeout: float = TIMEOUT) -> dict | None:
        """Catch up: every view the host pushed before this ping's answer is read; returns the latest."""
        await self.request("ping", timeout)
        return self.latest

    async def close(self) -> None:
        await self.ws.close()


class ThreadLink:
    """A connection read by its own thread: the TUI asks for the latest view and blocks only on its requests.

    ``on_view`` is called (from the reader thread) after each view arrives;
    ``closed`` is set when the connection ends, with ``reason``.
    """

    def __init__(self, where: str, code: str, timeout: float = TIMEOUT, via: str | None = None) -> None:
        self.welcome: dict = {}
        self.via = via  # the browser a ``--web`` page serves (the host counts wrong codes by it)
        self.latest: dict = {}
        self.arrived = time.monotonic()  # when ``latest`` came (a clock in it counts down from then)
        self.on_view: Callable[[dict | None], None] | None = None
        self.closed = threading.Event()
        self.reason = ""
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._answers: dict[int, dict] = {}
        self._arrived = threading.Condition(self._lock)
        self._opened = threading.Event()
        self._failure: WargameError | None = None
        self._reader = threading.Thread(target=self._run, args=(where, code, timeout), name="wargame-join", daemon=True)
        self._reader.start()
        if not self._opened.wait(timeout * 2 + 1) and self._failure is None:
            self._failure = WargameError(f"the host at {where} did not answer")
        if self._failure is not None:
            raise self._failure

    def _run(self, where: str, code: str, timeout: float) -> None:
        """The connection lives on this thread, inside ``connect``'s context: hello, then read until it ends."""
        try:
            with connect_sync(address(where), max_size=MAX_HOST_MESSAGE, open_timeout=timeout, close_timeout=2) as ws:
                self.ws: SyncConnection = ws
                ws.send(encode("hello", protocol=PROTOCOL_VERSION, code=code, **({"via": self.via} if self.via else {})))
                welcome = decode_host(ws.recv(timeout))
                if welcome["type"] != "welcome":
                    raise Refused(str(welcome.get("message", "refused")))
                self.welcome, self.latest = welcome, decode_host(ws.recv(timeout))
                self._opened.set()
                self._read(ws)
        except WargameError as error:
            self._failure = error
        except (OSError, InvalidHandshake, InvalidURI, TimeoutError, ConnectionClosed, ValueError) as error:
            self.reason = str(error) or type(error).__name__
            if not self._opened.is_set():
                self._failure = WargameError(f"cannot join the host at {where}: {self.reason}")
        finally:
            self.reason = self.reason or "the host closed the connection"
            with self._lock:
                self.closed.set()
                self._arrived.notify_all()
            self._opened.set()
            if self.on_view is not None:
                self.on_view(None)

    def _read(self, ws: SyncConnection) -> None:
        for raw in ws:
            message = decode_host(raw)
            if message["type"] == "view":
                with self._lock:
                    self.latest, self.arrived = message, time.monotonic()
                    self._arrived.notify_all()
                if self.on_view is not None:
                    self.on_view(message)
            elif isinstance(message.get("re"), int):
                with self._lock:
                    self._answers[message["re"]] = message
                    self._arrived.notify_all()

    def request(self, kind: str, timeout: float = TIMEOUT, **fields: Any) -> dict:
        """Send a request and wait for its answer (views it caused arrive first); ``Refused`` on an error."""
        number = next(self._ids)
        try:
            self.ws.send(encode(kind, id=number, **fields))
        except ConnectionClosed:
            raise Refused("the connection to the host is lost: join again with your code") from None
        with self._lock:
            if not self._arrived.wait_for(lambda: number in self._answers or self.closed.is_set(), timeout):
                raise Refused("the host did not answer")
            answer = self._answers.pop(number, None)
        if answer is None:
            raise Refused("the connection to the host is lost: join again with your code")
        if answer["type"] == "error":
            raise Refused(answer["message"])
        return answer

    def wait_until(self, done: Callable[[dict], bool], stop: threading.Event | None = None,
                   timeout: float | None = None) -> dict | None:
        """Block until ``done(latest view message)`` holds; None if the connection ends, ``stop`` is set or time runs out."""
        end = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while not done(self.latest):
                if self.closed.is_set() or (stop is not None and stop.is_set()):
                    return None
                if end is not None and time.monotonic() > end:
                    return None
                self._arrived.wait(0.5)
            return self.latest

    def close(self) -> None:
        if not self.closed.is_set():
            self.ws.close()
        self._reader.join(TIMEOUT)
