"""``wargame debrief SAVE [--format md|html] [-o FILE] [--compare OTHER_SAVE]``: the after-action report.

``wargame debrief --class DIR`` compares every game of a ``wargame host`` class folder in one report.
"""

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
    parser.add_argument("save", metavar="SAVE", nargs="?", help="a save file, or its name in the saves folder")
    parser.add_argument("--class", dest="klass", metavar="DIR",
                        help="a class folder of 'wargame host': one report comparing its games, written into DIR "
                             "(a new file each time), and each game's own report beside it")
    parser.add_argument("--format", choices=("md", "html"), help="md (default) or html; -o FILE.html implies html")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument("--compare", metavar="OTHER_SAVE", help="another save of the same scenario, e.g. a fork")
    parser.add_argument("--saves-dir", metavar="DIR", help="the saves folder (default: ./saves or the user data folder)")
    parser.set_defaults(func=run)


def run_class(args: argparse.Namespace) -> int:
    import sys

    from wargame.debrief.classroom import write_class_debrief
    from wargame.errors import WargameError

    if args.save or args.compare or args.output or args.format == "html":
        raise WargameError("--class DIR writes a Markdown report into DIR: give no SAVE, --compare, -o or --format html")
    written = write_class_debrief(Path(args.klass))
    for problem in written.problems:
        print(f"wargame: error: {problem}", file=sys.stderr)
    for path in written.own_reports:
        print(f"wrote {path}")
    print(f"wrote {written.report}")
    return 1 if written.problems else 0


def run(args: argparse.Namespace) -> int:
    if args.klass:
        return run_class(args)
    if not args.save:
        from wargame.errors import WargameError

        raise WargameError("give a SAVE to report on, or --class DIR")
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
