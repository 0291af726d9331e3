"""``wargame validate PATH...``: every problem in each scenario, then a one-line verdict per file.

Exit status: 0 when every file is valid (warnings allowed), 1 when any is
invalid or missing, 2 for a usage error (argparse's, e.g. no paths).
"""

from __future__ import annotations

import argparse


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check scenario files and print every problem as path:line:col",
        description="Check scenario files. Prints every problem as 'path:line:col: error: message' "
        "(warnings as 'warning:'), then one summary line per file. Exit status 0 when all are valid "
        "(warnings allowed), 1 when any is not, 2 for a usage error.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario file, or the name of a known scenario")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    for target in args.paths:
        if not validate_one(target):
            status = 1
    return status


def validate_one(target: str) -> bool:
    """Print the diagnostics and the verdict for one file; True when it is valid."""
    from wargame.catalog import ScenarioNotFound, resolve
    from wargame.scenario.loader import check_scenario

    try:
        path = resolve(target)
    except ScenarioNotFound as error:
        print(f"{target}: error: {error.reason}")
        print(f"{target}: invalid (not found)")
        return False
    loaded, diagnostics = check_scenario(path)
    for diagnostic in diagnostics:
        print(diagnostic)
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    if loaded is None:
        print(f"{path}: invalid ({counts})")
        return False
    print(f"{path}: valid, scenario '{loaded.id}' ({counts})")
    return True


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
