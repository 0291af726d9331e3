"""``wargame balance SCENARIO [--runs N] [--seed S] [--workers K] [--format md|html] [-o FILE]``, or ``--all``.

Plays ``N`` games for every pairing of computer doctrines (every
combination with two or three actors; with more, each actor cycles through
the doctrines while the others keep the scenario's) and writes a balance
report: outcomes per pairing, score spread, peak rung, trigger firing
rates, red lines, the moves that go with each outcome, charts, and a
verdict line per actor. The same seed gives the same report whatever
``--workers`` is. A progress bar shows on stderr when it is a terminal.

``wargame balance --all`` plays the same report for every scenario that
``wargame list`` finds and writes the short part of each on one Markdown
page (``balance.overview``): what docs/balance.md holds.
"""

from __future__ import annotations

import argparse
import os
import sys

from wargame.commands._args import emit, positive_int, with_progress

RUNS, RUNS_ALL = 20, 10  # default games per pairing, for one scenario and for --all


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "balance",
        help="a balance report from many games with every pairing of computer doctrines",
        description="Play many games with every pairing of the computer doctrines and report outcomes per "
        "pairing, score spread, peak rung, trigger firing rates, red lines crossed, the moves most associated "
        "with each outcome, charts and a verdict per actor. With two or three actors every combination of "
        "doctrines is played; with more, each actor in turn cycles through the doctrines while the others "
        "keep the scenario's. Same seed, same report, whatever the worker count. With --all, every scenario "
        "found gets the same report and one Markdown page keeps the outcomes, verdicts and flags of each.",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("scenario", metavar="SCENARIO", nargs="?", help="scenario name (see 'wargame list') or file")
    which.add_argument("--all", action="store_true",
                        help="one Markdown page with the outcomes, verdicts and flags of every scenario found "
                        "(what docs/balance.md holds)")
    parser.add_argument("--runs", type=positive_int, default=None, metavar="N",
                        help=f"games per pairing (default {RUNS}, {RUNS_ALL} with --all)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the batch (default 0)")
    parser.add_argument("--workers", type=positive_int, default=1, metavar="K",
                        help=f"processes to spread the games over (default 1; this machine has {os.cpu_count()} CPUs)")
    parser.add_argument("--format", choices=("md", "html"), default=None,
                        help="md (Markdown with text bars) or html (one page with inline SVG charts); "
                        "default: from the -o suffix, else md")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of the screen")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.all:
        return run_all(args)
    from wargame.balance import balance, plan
    from wargame.catalog import resolve
    from wargame.scenario.loader import load_scenario

    args.runs = args.runs or RUNS
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


def run_all(args: argparse.Namespace) -> int:
    """The overview page of every scenario found; a line on stderr as each scenario is done."""
    from wargame.balance.overview import build_page, command_line, every_scenario
    from wargame.errors import WargameError

    if args.format == "html":
        raise WargameError("--all writes one Markdown page; leave out --format html")
    runs = args.runs or RUNS_ALL
    page = build_page(every_scenario(), runs, args.seed, args.workers, command_line(runs, args.seed, args.output),
                      lambda name, report: print(f"{name}: {report.games} games", file=sys.stderr))
    emit(page, args.output)
    return 0
