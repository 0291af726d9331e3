"""The ``wargame`` command: one subcommand per module in ``wargame.commands``.

Each command module defines ``add_parser(subparsers)`` (which sets
``func``) and keeps its own imports inside its ``run`` function, so
``wargame validate`` never pays for importing Textual. A ``WargameError``
becomes one line on stderr and exit status 1; usage errors exit 2.

Every command writes through ``printable_output``: scenario and save text
(names, titles, a save's version...) reaches the terminal with its control
characters shown, never obeyed (see ``wargame.safe_text``).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import pkgutil
import sys
import warnings

from wargame import __version__
from wargame.errors import WargameError
from wargame.safe_text import printable_output


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wargame",
        description="A tabletop crisis-negotiation wargame for the terminal.",
        epilog="Run 'wargame COMMAND --help' for the options of a command. With no command, the game opens.",
    )
    parser.add_argument("--version", action="version", version=f"wargame {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import wargame.commands as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"wargame.commands.{info.name}").add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    with printable_output():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])])
    with warnings.catch_warnings():
        warnings.showwarning = _one_line_warning
        return _run(args)


_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""What writing to a full or failing standard output raises (``wargame list > /dev/full``)."""


def _run(args: argparse.Namespace) -> int:
    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()
        return status
    except WargameError as error:
        print(f"wargame: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("wargame: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_stdout()
        return 0
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:  # files are written through WargameError; this is stdout
            raise
        _drop_stdout()
        print(f"wargame: error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return 1


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning for a user (an unreadable folder, say) is one line, without the code that raised it."""
    print(f"wargame: warning: {message}", file=sys.stderr)


def _drop_stdout() -> None:
    """Point standard output at the null device, so the exit's own flush fails no more (Python's advice)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
