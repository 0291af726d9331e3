"""``wargame list [--json]``: every scenario the game can find, one line each.

A file that does not load is still listed, with its first error, so a
broken scenario in the user folder is visible instead of silently missing.
"""

from __future__ import annotations

import argparse
import json


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "list",
        help="list shipped and user scenarios",
        description="List the scenarios found in ./scenarios, the user folder and the shipped ones.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list (see docs/cli.md)")
    parser.set_defaults(func=run)


def describe(entry) -> dict:
    """One scenario as a plain dict: its summary fields, or the reason it does not load."""
    from wargame.scenario.loader import check_scenario

    row = {"name": entry.name, "path": str(entry.path), "origin": entry.origin}
    loaded, diagnostics = check_scenario(entry.path)
    if loaded is None:
        first = next(d for d in diagnostics if d.severity == "error")
        errors = sum(1 for d in diagnostics if d.severity == "error")
        return {**row, "error": f"{first.line}:{first.column}: {first.message}", "errors": errors}
    spec = loaded.spec
    return {
        **row,
        "id": spec.id,
        "title": spec.title,
        "actors": [actor.id for actor in spec.actors],
        "turns": spec.turns,
        "difficulty": spec.difficulty,
        "warnings": len(loaded.warnings),
    }


def run(args: argparse.Namespace) -> int:
    from wargame.catalog import entries, folders
    from wargame.safe_text import json_printable

    rows = [describe(entry) for entry in entries()]
    if args.json:
        print(json_printable(json.dumps(rows, indent=2, ensure_ascii=False)))
        return 0
    if not rows:
        searched = ", ".join(str(folder) for _, folder in folders()) or "no scenario folder exists"
        print(f"no scenarios found ({searched})")
        return 0
    print(_table(rows))
    return 0


def _table(rows: list[dict]) -> str:
    header = ("NAME", "TITLE", "ACTORS", "TURNS", "DIFFICULTY", "PATH")
    lines = []
    for row in rows:
        if "error" in row:
            lines.append((row["name"], f"(does not load: {row['error']})", "", "", "", row["path"]))
        else:
            lines.append((
                row["name"], row["title"], ", ".join(row["actors"]), str(row["turns"]), row["difficulty"], row["path"],
            ))
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header) - 1)]
    out = []
    for line in [header, *lines]:
        cells = [cell.ljust(width) for cell, width in zip(line, widths)] + [line[-1]]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)
