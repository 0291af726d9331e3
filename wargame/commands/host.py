"""``wargame host SCENARIO [--games N] [--as SIDES] [--seed S] [--port P] [--bind ADDR] [--dir DIR] [--resume DIR] [--web]``.

The instructor's machine holds the class's games (``wargame.net``): it
prints a join code per team and a facilitator code for each game, writes
them to ``codes.json`` in the class folder beside every game's save, and
then keeps a live table of every game in the terminal (turn, phase, rung,
outcome, who it waits for, clock; one line per change when its output is
not a terminal). Stopped (Ctrl+C) and started again with ``--resume DIR``, every game
goes on where it was, with the same codes. With ``--web`` it also serves
the join interface to browsers (``wargame.net.web``), on the same address.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
from pathlib import Path

from wargame.errors import WargameError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "host",
        help="host a class: several games, teams join over the network",
        description="Host networked games for a class: teams join from their own terminals with 'wargame join'.",
    )
    parser.add_argument("scenario", metavar="SCENARIO", nargs="?", help="scenario name or file (not with --resume)")
    parser.add_argument("--games", type=int, default=1, metavar="N", help="games of the scenario played side by side (default 1)")
    parser.add_argument("--as", dest="sides", metavar="SIDES",
                        help="the sides teams play, separated by commas (default: the scenario's human sides); "
                             "the computer plays the others")
    parser.add_argument("--seed", type=int, help="seed of game 1; game N gets seed+N-1 (default: a random one)")
    parser.add_argument("--port", type=int, default=8765, metavar="P", help="port to listen on (default 8765; 0: any free port)")
    parser.add_argument("--bind", default="127.0.0.1", metavar="ADDR",
                        help="address to listen on (default 127.0.0.1, this machine only; 0.0.0.0: every network)")
    parser.add_argument("--dir", metavar="DIR", help="the class folder (default: a new folder in the saves folder)")
    parser.add_argument("--resume", metavar="DIR", help="resume the class in DIR where it stopped, with the same codes")
    parser.add_argument("--web", action="store_true",
                        help="also serve the join interface to browsers (a page asks for the code)")
    parser.add_argument("--web-port", type=int, metavar="P", help="port of the web page (default: the port after --port)")
    parser.add_argument("--saves-dir", metavar="DIR", help="where saves are kept (default: ./saves or the user data folder)")
    parser.set_defaults(func=run)


def open_class(args: argparse.Namespace):
    """The classroom the options ask for: a new one, or the one in ``--resume``."""
    from wargame.net.classroom import new_class, resume_class

    if args.resume:
        if args.scenario or args.dir:
            raise WargameError("--resume DIR takes the scenario and folder from DIR: give no scenario or --dir")
        return resume_class(Path(args.resume))
    if not args.scenario:
        raise WargameError("give a scenario to host, or --resume DIR")
    from wargame.catalog import resolve
    from wargame.scenario.loader import load_scenario
    from wargame.tui.sides import default_side, parse_sides

    scenario = load_scenario(resolve(args.scenario))
    sides = parse_sides(args.sides) or [a.id for a in scenario.spec.actors if a.player == "human"] or [default_side(scenario)]
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
    folder = Path(args.dir) if args.dir else None
    return new_class(scenario, args.games, tuple(sides), seed, folder, Path(args.saves_dir) if args.saves_dir else None)


def code_lines(classroom) -> list[str]:
    lines = []
    for number, table in classroom.tables.items():
        lines.append(f"game {number} ({table.game.scenario.spec.title}, seed {table.game.seed}):")
        lines += [f"  {c.side:<12} {c.code}" for c in classroom.codes if c.game == number]
    return lines


async def open_web(args: argparse.Namespace, port: int):
    """The web page's server on the game server's address (``--web-port``, or the port after the game's)."""
    from wargame.net.web import WebDoor, local_address

    web_port = args.web_port if args.web_port is not None else port + 1
    if not 0 <= web_port <= 65535:
        raise WargameError(f"no port after {port}: give --web-port")
    door = WebDoor(local_address(args.bind, port), args.bind, web_port)
    try:
        await door.start()
    except OSError as error:
        raise WargameError(f"cannot serve the web page on {args.bind}:{web_port}: {error.strerror or error} "
                           "(choose another with --web-port)") from None
    return door


def web_url(bind: str, port: int) -> str:
    from wargame.net.web import ANYWHERE

    return f"http://{'ADDRESS' if bind in ANYWHERE else bind}:{port}/"


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.live import Live

    from wargame.net.overview import overview as class_table
    from wargame.net.server import Host
    from wargame.safe_text import raw_stream

    if args.web_port is not None and not 0 <= args.web_port <= 65535:
        raise WargameError(f"--web-port takes a port from 0 to 65535, not {args.web_port}")
    classroom = open_class(args)
    said: dict[int, str] = {}
    live = None  # in a terminal: one table of every game, redrawn as they move (wargame.net.overview)

    def overview(table) -> None:
        if live is not None:
            live.update(class_table(classroom), refresh=True)
            return
        line = table.summary()
        if said.get(table.number) != line:
            said[table.number] = line
            print(line, flush=True)

    async def tick(live) -> None:
        """The clocks count down in the table once a second, whether or not a game moves."""
        while True:
            await asyncio.sleep(1)
            live.update(class_table(classroom), refresh=True)

    async def serve() -> None:
        host = Host(classroom, overview)
        try:
            server = await host.serve(args.bind, args.port)
        except OSError as error:
            raise WargameError(f"cannot listen on {args.bind}:{args.port}: {error.strerror or error}") from None
        port = server.sockets[0].getsockname()[1]
        door = await open_web(args, port) if args.web else None
        print(f"class folder: {classroom.folder} (codes in codes.json)")
        print("\n".join(code_lines(classroom)))
        print(f"listening on {args.bind}:{port}; teams join with: wargame join ADDRESS:{port} --code CODE", flush=True)
        if door is not None:
            print(f"browsers: {web_url(args.bind, door.port)} (a page asks for the code)", flush=True)
        nonlocal live
        if sys.stdout.isatty():
            # Rich writes its own escapes; every cell is plain text already (wargame.net.overview)
            live = Live(class_table(classroom), console=Console(file=raw_stream(sys.stdout)), auto_refresh=False,
                        redirect_stdout=False, redirect_stderr=False)
            live.start(refresh=True)
        for table in classroom.tables.values():
            overview(table)
        ticking = asyncio.create_task(tick(live)) if live is not None else None
        try:
            async with server:
                await server.serve_forever()
        finally:
            if ticking is not None:
                ticking.cancel()
                live.stop()
            if door is not None:
                await door.stop()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        print(f"\nhost stopped; every game is saved. Go on with: wargame host --resume {classroom.folder}")
    return 0
