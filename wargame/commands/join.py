"""``wargame join HOST[:PORT] --code CODE``: play a team's side of a game hosted by ``wargame host``.

The same interface as ``wargame play``, fed by the host: the team sees only
its own side's view, acts only for its side, and joining again with the same
code finds the game where it was.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "join",
        help="join a hosted game with your team's code",
        description="Join a game hosted with 'wargame host': your team's side, in the terminal.",
    )
    parser.add_argument("address", metavar="HOST[:PORT]", help="the host's address (port 8765 when left out)")
    parser.add_argument("--code", required=True, help="your team's join code (from the instructor)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        print("wargame join needs a terminal: run it in an interactive terminal, not through a pipe", file=sys.stderr)
        return 1
    from wargame.tui.remote import JoinApp, RemoteSession

    session = RemoteSession.connect(args.address, args.code)
    try:
        app = JoinApp(session)
        app.run()
    finally:
        session.close()
    return app.return_code or 0
