"""``wargame balance SCENARIO [--runs N] [--seed S] [--workers K] [--format md|html] [-o FILE]``.

Plays ``N`` games for every pairing of computer doctrines (every
combination with two or three actors; with more, each actor cycles through
the doctrines while the others keep the scenario's) and writes a balance
report: outcomes per pairing, score spread, peak rung, trigger firing
rates, red lines, the moves that go with each outcome, charts, and a
verdict line per actor. The same seed gives the same report whatever
``--workers`` is. A progress bar shows on stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys

from wargame.commands._args import emit, positive_int, with_progress


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "balance",
        help="a balance report from many games with every pairing of computer doctrines",
        description="Play many games with every pairing of the computer doctrines and report outcomes per "
        "pairing, score spread, peak rung, trigger firing rates, red lines crossed, the moves most associated "
        "with each outcome, charts and a verdict per actor. With two or three actors every combination of "
        "doctrines is played; with more, each actor in turn cycles through the doctrines while the others "
        "keep the scenario's. Same seed, same report, whatever the worker count.",
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario name (see 'wargame list') or file")
    parser.add_argument("--runs", type=positive_int, default=20, metavar="N",
                        help="games per pairing (default 20)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the batch (default 0)")
    parser.add_argument("--workers", type=positive_int, default=1, metavar="K",
                        help=f"processes to spread the games over (default 1; this machine has {os.cpu_count()} CPUs)")
    parser.add_argument("--format", choices=("md", "html"), default=None,
                        help="md (Markdown with text bars) or html (one page with inline SVG charts); "
                        "default: from the -o suffix, else md")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of the screen")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from wargame.balance import balance, plan
    from wargame.catalog import resolve
    from wargame.scenario.loader import load_scenario

    scenario = load_scenario(resolve(args.scenario))
    fmt = args.format or ("html" if args.output and args.output.lower().endswith((".html", ".htm")) else "md")
    total = args.runs * len(plan(scenario)[0])
    if sys.stderr.isatty():
        report = with_progress(
            "balancing", lambda progress: balance(scenario, args.runs, args.seed, args.workers, progress), total
        )
    else:
        report = balance(scenario, args.runs, args.seed, args.workers)
    if fmt == "html":
        from wargame.balance.html import render
    else:
        from wargame.balance.markdown import render
    emit(render(report), args.output)
    if args.output:
        print(f"wrote {args.output}: {report.games} games, {len(report.pairings)} pairings", file=sys.stderr)
    return 0


