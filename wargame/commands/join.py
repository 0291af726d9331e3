"""``wargame join HOST[:PORT] [--code CODE]``: play a team's side of a game hosted by ``wargame host``.

The same interface as ``wargame play``, fed by the host: the team sees only
its own side's view, acts only for its side, and joining again with the same
code finds the game where it was. Without ``--code`` a first screen asks for
it; that is also what each browser page of ``wargame host --web`` runs.
"""

from __future__ import annotations

import argparse
import os
import sys


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "join",
        help="join a hosted game with your team's code",
        description="Join a game hosted with 'wargame host': your team's side, in the terminal.",
    )
    parser.add_argument("address", metavar="HOST[:PORT]", help="the host's address (port 8765 when left out)")
    parser.add_argument("--code", help="your team's join code (from the instructor); asked for on screen when left out")
    parser.add_argument("--via", help=argparse.SUPPRESS)  # set by 'wargame host --web': the browser's address
    parser.set_defaults(func=run)


def served() -> bool:
    """Run by ``textual-serve`` for a browser (``wargame host --web``): its driver talks over pipes, not a terminal."""
    return "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")


def run(args: argparse.Namespace) -> int:
    if not (served() or (sys.stdout.isatty() and sys.stdin.isatty())):
        print("wargame join needs a terminal: run it in an interactive terminal, not through a pipe", file=sys.stderr)
        return 1
    from wargame.net.client import address
    from wargame.tui.remote import JoinApp, RemoteSession

    address(args.address)  # a mistyped address is one line now, not a refusal after the code
    session = RemoteSession.connect(args.address, args.code, args.via) if args.code else None
    app = JoinApp(session, args.address, args.via)
    try:
        app.run()
    finally:
        if app.remote is not None:
            app.remote.close()
    return app.return_code or 0
