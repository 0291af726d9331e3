"""``wargame debrief SAVE [--format md|html] [-o FILE] [--compare OTHER_SAVE]``: the after-action report."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "debrief",
        help="the after-action report of a save (Markdown or a self-contained HTML file)",
        description="Write the after-action report of a saved game: outcome and scores, the escalation chart, "
        "a turn-by-turn timeline, red lines and credibility, warning indicators, crisis metrics, turning points "
        "and questions for discussion. With --compare, set two branches of the same crisis side by side.",
    )
    parser.add_argument("save", metavar="SAVE", help="a save file, or its name in the saves folder")
    parser.add_argument("--format", choices=("md", "html"), help="md (default) or html; -o FILE.html implies html")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument("--compare", metavar="OTHER_SAVE", help="another save of the same scenario, e.g. a fork")
    parser.add_argument("--saves-dir", metavar="DIR", help="the saves folder (default: ./saves or the user data folder)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from wargame import debrief
    from wargame.safe_text import printable
    from wargame.saves import atomic_write, find_save, load_game

    path = find_save(args.save, args.saves_dir)
    game = load_game(path)
    fmt = args.format or ("html" if args.output and Path(args.output).suffix.lower() in (".html", ".htm") else "md")
    if args.compare:
        other_path = find_save(args.compare, args.saves_dir)
        comparison = debrief.build_comparison(game, load_game(other_path), path.name, other_path.name)
        render = debrief.render_comparison_html if fmt == "html" else debrief.render_comparison_markdown
        text = render(comparison)
    else:
        report = debrief.build_report(game)
        text = debrief.render_html(report) if fmt == "html" else debrief.render_markdown(report)
    if args.output:
        atomic_write(args.output, printable(text).encode("utf-8"))  # no control character in a file either
        print(f"wrote {args.output}")
    else:
        print(text, end="")
    return 0
