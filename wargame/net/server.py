"""The host's websocket server: it authenticates codes, routes requests to tables and pushes views.

Everything runs on one asyncio loop, so tables change one request at a
time. A connection sends ``hello`` with its code first (within
``HELLO_TIMEOUT``); a wrong code is refused with the same words whether or
not its game exists, and the connection closed (so is every hello from an
address that gave too many wrong codes lately: ``CodeGuard``). After that, each request
gets ``ok`` or ``error`` (only that client hears about its mistakes), and
every connection of a game gets its own view whenever the game changes.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from wargame.errors import IllegalDecision, WargameError
from wargame.net.alarms import Alarms
from wargame.net.classroom import Classroom
from wargame.net.codes import FACILITATOR
from wargame.net.limits import TOO_MANY, Bucket, CodeGuard
from wargame.net.protocol import MAX_CLIENT_MESSAGE, PROTOCOL_VERSION, ProtocolError, decode_client, encode
from wargame.net.table import Table
from wargame.net.white_cell import WHITE_CELL_TYPES, facilitate

HELLO_TIMEOUT = 10.0
WRONG_CODE = "no game opens with this code"
LOOPBACK = ("127.0.0.1", "::1")


@dataclass(eq=False)
class Client:
    """One connection, once its code opened a seat."""

    ws: ServerConnection
    table: Table
    side: str
    bucket: Bucket = field(default_factory=Bucket)

    @property
    def facilitator(self) -> bool:
        return self.side == FACILITATOR


class Host:
    """Serves a classroom; ``on_change(table)`` is told after each change (the host's overview)."""

    def __init__(self, classroom: Classroom, on_change: Callable[[Table], None] | None = None,
                 guard: CodeGuard | None = None) -> None:
        self.classroom = classroom
        self.on_change = on_change
        self.guard = guard or CodeGuard()
        self.clients: set[Client] = set()
        self._locks: dict[int, asyncio.Lock] = {}
        self.alarms = Alarms(self._time_out)

    async def serve(self, host: str = "127.0.0.1", port: int = 0) -> Server:
        return await serve(self.handle, host, port, max_size=MAX_CLIENT_MESSAGE, max_queue=64, close_timeout=1)

    async def handle(self, ws: ServerConnection) -> None:
        client = await self._hello(ws)
        if client is None:
            return
        self.clients.add(client)
        try:
            await ws.send(self._welcome(client))
            await ws.send(self._view_message(client))
            async for raw in ws:
                await self._request(client, raw)
        except ConnectionClosed:
            pass
        finally:
            self.clients.discard(client)

    async def _hello(self, ws: ServerConnection) -> Client | None:
        try:
            raw = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT)
            message = decode_client(raw)
            if message["type"] != "hello":
                raise ProtocolError("say hello with your code first")
            if message["protocol"] != PROTOCOL_VERSION:
                raise ProtocolError(f"this host speaks protocol {PROTOCOL_VERSION}, not {message['protocol']}: "
                                    "join with the same wargame version as the host's")
            caller = self._caller(ws, message.get("via"))
            if self.guard.refused(caller):
                raise ProtocolError(WRONG_CODE)  # the same words: a guesser learns nothing from them
            seat = self.classroom.seat_of(message["code"])
            if seat is None:
                self.guard.failed(caller)
                raise ProtocolError(WRONG_CODE)
        except (TimeoutError, ConnectionClosed):
            await ws.close(1008, "no hello")
            return None
        except ProtocolError as error:
            try:
                await ws.send(encode("error", re=None, message=str(error), fatal=True))
                await ws.close(1008, "refused")
            except ConnectionClosed:
                pass
            return None
        return Client(ws, *seat)

    @staticmethod
    def _caller(ws: ServerConnection, via: str | None) -> str:
        """The address wrong codes are counted by: the peer's, or for a ``--web`` page (which joins from this
        machine) the browser's it names; ``via`` from any other machine is ignored."""
        peer = ws.remote_address[0] if ws.remote_address else ""
        return via[:64] if via and peer in LOOPBACK else peer

    def _welcome(self, client: Client) -> str:
        table, scenario = client.table, client.table.game.scenario
        return encode("welcome", protocol=PROTOCOL_VERSION, game=table.number, side=client.side,
                      role="facilitator" if client.facilitator else "team",
                      seats={side: seat.label for side, seat in table.seats.items()}, teams=list(table.humans),
                      scenario={"id": scenario.id, "source": scenario.source, "text": scenario.text})

    def _view_message(self, client: Client, cache: dict | None = None) -> str:
        """``client``'s view now (built once per side when ``cache`` is shared within one push)."""
        cache = {} if cache is None else cache
        if client.side not in cache:
            table = client.table
            extra = {"waiting": list(table.waiting_for())} if client.facilitator else {
                "ready": table.is_ready(client.side)}
            cache[client.side] = encode("view", game=table.number, phase=table.phase, turn=table.game.turn,
                                        view=table.view_for(client.side), final=table.final_view(), **extra,
                                        **table.status())
        return cache[client.side]

    async def _request(self, client: Client, raw: str | bytes) -> None:
        request = None
        try:
            message = decode_client(raw)
            request = message.get("id")
            if not client.bucket.take():  # after decoding, so the refusal names the request it refuses
                raise ProtocolError(TOO_MANY)
            changed = self._apply(client, message)
        except (ProtocolError, IllegalDecision) as error:
            await client.ws.send(encode("error", re=request, message=str(error)))
            return
        saved = changed is not True or await self._save(client.table)
        if changed:
            await self.push(client.table, None if changed is True else changed)
        if saved:
            await client.ws.send(encode("ok", re=request))
        else:  # the game went on; the instructor sees the warning on the host
            await client.ws.send(encode("error", re=request, message="done, but the host could not save the game"))

    async def _save(self, table: Table) -> bool:
        """Write the game's save before anyone hears of the change; the disk wait off the loop, saves in order.

        The bytes are taken now and the table's lock queued for at once (no
        await between), so a later decision's save is never overwritten by an
        earlier one. Writing (an fsync) takes about 11 ms on a shared disk:
        on the loop it held every other game up that long.
        """
        from wargame.saves import atomic_write

        data = table.save_bytes()
        async with self._locks.setdefault(table.number, asyncio.Lock()):
            try:
                await asyncio.to_thread(atomic_write, table.save_path, data)
            except (OSError, WargameError) as error:
                print(f"wargame: warning: game {table.number} not saved: {error}", file=sys.stderr)
                return False
        return True

    def _apply(self, client: Client, message: dict) -> bool | set[str]:
        """Do what a request asks; True when the game changed, the sides to tell when only who is ready did."""
        kind = message["type"]
        if kind == "ping":
            return False
        if kind == "hello":
            raise ProtocolError("already seated")
        if client.facilitator:
            return facilitate(client.table, message)
        if kind in WHITE_CELL_TYPES:
            raise ProtocolError(f"only the facilitator's code may send {kind}")
        if kind == "decide":
            client.table.decide(client.side, message["decision"])
            return True
        if client.table.mark_ready(client.side, message["phase"]):
            return True
        return {client.side, FACILITATOR}  # nothing else changed: the others' views are as they were

    async def _time_out(self, table: Table) -> None:
        """A phase clock rang: the table records the timeout (and the computer plays, if so set), saved, then told."""
        if table.time_out():
            await self._save(table)
            await self.push(table)

    async def push(self, table: Table, only: set[str] | None = None) -> None:
        """Connections of ``table`` (those of the ``only`` sides, when given) get their own view now."""
        if self.on_change is not None:
            self.on_change(table)
        self.alarms.arm(table)
        cache: dict = {}
        for client in [c for c in self.clients if c.table is table and (only is None or c.side in only)]:
            try:
                await client.ws.send(self._view_message(client, cache))
            except ConnectionClosed:
                self.clients.discard(client)


class HostThread:
    """A host on its own thread and loop (tests, and a terminal UI that needs its own loop)."""

    def __init__(self, classroom: Classroom, bind: str = "127.0.0.1", port: int = 0,
                 on_change: Callable[[Table], None] | None = None) -> None:
        self.host = Host(classroom, on_change)
        self.bind, self.port = bind, port
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="wargame-host", daemon=True)
        self.error: BaseException | None = None

    def start(self, timeout: float = 10.0) -> HostThread:
        self._thread.start()
        if not self._started.wait(timeout):
            raise RuntimeError("the host did not start")
        if self.error is not None:
            raise self.error
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._main())
        self._loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        try:
            server = await self.host.serve(self.bind, self.port)
        except OSError as error:
            self.error = error
            self._started.set()
            return
        self.port = server.sockets[0].getsockname()[1]
        self._started.set()
        async with server:
            await self._stop.wait()
            server.close()
            await server.wait_closed()

    def stop(self, timeout: float = 10.0) -> None:
        if self._stop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)

    def __enter__(self) -> HostThread:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
