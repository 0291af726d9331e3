"""``wargame play [SCENARIO] [--as ACTOR[,ACTOR...]] [--facilitator] [--seed N] [--load SAVE] [--from-turn N]``.

Several actors after ``--as`` are teams taking turns at one terminal (hot-seat);
``--facilitator`` adds the white cell, and alone lets an instructor watch and
step a game the computers play.

With no scenario and no save it opens the title screen. Textual is imported
only here, inside ``run``, so the other commands start fast. The App is
built by ``build_play_app`` from the options, which tests call directly
(the pilot needs no terminal); ``run`` refuses to draw into a pipe.

A scenario is opened after the first frame (``wargame.tui.opening``): the
screen appears as fast as Textual allows, and a mistake found while opening
(no such scenario, a broken file, an unknown side) ends the app and is
reported by ``run`` as one line, like any other ``WargameError``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from wargame.errors import WargameError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "play",
        help="play a crisis in the terminal (the default command)",
        description="Play a crisis against the computer in the terminal. With no scenario, the title screen opens.",
    )
    parser.add_argument("scenario", metavar="SCENARIO", nargs="?", help="scenario name (see 'wargame list') or file")
    parser.add_argument(
        "--as", dest="actor", metavar="ACTOR",
        help="the actor you play, or several separated by commas for teams taking turns at one terminal "
             "(default: the scenario's human side; when resuming, the sides played in the save)",
    )
    parser.add_argument("--seed", type=int, help="random seed (default: a random one)")
    parser.add_argument("--load", metavar="SAVE", help="resume a save: a file, or a name in the saves folder")
    parser.add_argument("--from-turn", type=int, metavar="N", help="with --load: branch the game from the start of turn N")
    parser.add_argument("--saves-dir", metavar="DIR", help="where saves are kept (default: ./saves or the user data folder)")
    parser.add_argument(
        "--facilitator", action="store_true",
        help="facilitator mode: f opens the white cell (everything, injects, overrides, pause); "
             "without --as the computers play every side and the facilitator steps through the turns",
    )
    parser.set_defaults(func=run)


def build_play_app(args: argparse.Namespace):
    """The App the options ask for; every user mistake is a WargameError raised before any drawing."""
    from wargame.tui.app import build_app

    if args.from_turn is not None and not args.load:
        raise WargameError("--from-turn needs --load SAVE")
    if args.load and args.scenario:
        raise WargameError("give a scenario or --load SAVE, not both")
    saves_dir = Path(args.saves_dir) if args.saves_dir else None
    from wargame.tui.sides import parse_sides

    humans = parse_sides(args.actor)
    if args.load:
        from wargame.saves import find_save, fork_game
        from wargame.tui.session import open_save

        game, players = open_save(find_save(args.load, saves_dir))
        if args.from_turn is not None:
            game = fork_game(game, args.from_turn)
        return build_app(game, humans or list(players or ()), saves_dir=saves_dir, facilitator=args.facilitator)
    if args.scenario:
        from wargame.tui.opening import Opening

        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
        opening = Opening(args.scenario, seed, tuple(humans))
        return build_app(None, humans, saves_dir=saves_dir, seed=seed, opening=opening, facilitator=args.facilitator)
    if args.actor:
        raise WargameError("--as needs a scenario")
    return build_app(None, saves_dir=saves_dir, seed=args.seed, facilitator=args.facilitator)


def run(args: argparse.Namespace) -> int:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        print("wargame play needs a terminal: run it in an interactive terminal, not through a pipe "
              "(for a game without one, try 'wargame run SCENARIO')", file=sys.stderr)
        return 1
    from wargame.tui import collector

    collector.hold_for_start_up()  # released once the game screen is drawn (wargame.tui.collector)
    try:
        app = build_play_app(args)
        app.run()
    finally:
        collector.release_after_start_up()
    if app.failure is not None:
        raise app.failure
    return app.return_code or 0
