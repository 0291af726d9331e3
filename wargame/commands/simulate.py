"""``wargame simulate SCENARIO [--runs N] [--seed S] [--workers K] [--json]``: many headless games.

Prints the outcome distribution, game length and peak rung (mean and
spread), how often each red line was crossed and each trigger fired, and
the scores. The same seed gives the same output whatever ``--workers`` is.
``--json`` prints the stable structure documented in docs/cli.md. The
progress bar appears only when both output streams are a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from wargame.commands._args import positive_int, with_progress

BAR = 30


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "simulate",
        help="play many headless games and summarise them",
        description="Play many games with the computer on every side and summarise them: outcomes, length, "
        "peak rung, red lines crossed, triggers fired, scores. Same seed, same output, whatever the worker count.",
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario name (see 'wargame list') or file")
    parser.add_argument("--runs", type=positive_int, default=100, metavar="N", help="number of games (default 100)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="batch seed (default 0)")
    parser.add_argument("--workers", type=positive_int, default=1, metavar="K",
                        help=f"processes to spread the games over (default 1; this machine has {os.cpu_count()} CPUs)")
    parser.add_argument("--doctrine", action="append", default=[], metavar="ACTOR=DOCTRINE",
                        help="play ACTOR with another doctrine (repeatable), e.g. --doctrine ussr=hawk")
    parser.add_argument("--json", action="store_true", help="print the stable JSON structure (docs/cli.md)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from wargame.catalog import resolve
    from wargame.safe_text import json_printable
    from wargame.scenario.loader import load_scenario
    from wargame.simulation import simulate

    scenario = load_scenario(resolve(args.scenario))
    doctrines = parse_doctrines(args.doctrine, scenario)
    show_bar = not args.json and sys.stdout.isatty() and sys.stderr.isatty()
    if show_bar:
        report = with_progress("simulating", lambda progress: simulate(
            scenario, args.runs, args.seed, args.workers, doctrines, progress), args.runs)
    else:
        report = simulate(scenario, args.runs, args.seed, args.workers, doctrines)
    if args.json:
        print(json_printable(json.dumps(report.to_dict(), indent=2, ensure_ascii=False)))
    else:
        for line in describe(report, doctrines):
            print(line)
    return 0


def parse_doctrines(pairs: list[str], scenario) -> dict[str, str]:
    from wargame.ai import player_names
    from wargame.errors import WargameError
    from wargame.scenario.diagnostics import did_you_mean

    chosen = {}
    for pair in pairs:
        actor, sep, name = pair.partition("=")
        if not sep:
            raise WargameError(f"--doctrine wants ACTOR=DOCTRINE, got '{pair}'")
        if actor not in scenario.actor_ids:
            raise WargameError(f"--doctrine: unknown actor '{actor}'{did_you_mean(actor, scenario.actor_ids)}"
                               f" (actors: {', '.join(scenario.actor_ids)})")
        if name not in player_names():
            raise WargameError(f"--doctrine: unknown doctrine '{name}'{did_you_mean(name, player_names())}"
                               f" (doctrines: {', '.join(player_names())})")
        chosen[actor] = name
    return chosen


def describe(report, doctrines: dict[str, str] | None = None) -> list[str]:
    """The human-readable summary of a report."""
    spec = report.scenario.spec
    runs = report.runs
    lines = [f"{spec.title}: {runs} games, seed {report.seed}"]
    if doctrines:
        lines.append("  doctrines: " + ", ".join(f"{a}={d}" for a, d in doctrines.items()))
    lines += ["", "Outcomes:"]
    for kind, count in report.outcomes().items():
        lines.append(f"  {kind:<13}{count:>6}  {_percent(count, runs)}  {_bar(count, runs)}")
    capitulations = {a: n for a, n in report.capitulations().items() if n}
    if capitulations:
        lines.append("  capitulated: " + ", ".join(f"{a} {n}" for a, n in capitulations.items()))
    lines.append("")
    lines.append(f"Length:     {_spread(report.turns())} turns (limit {spec.turns})")
    lines.append(f"Peak rung:  {_spread(report.peak())}")
    lines.append(f"Final rung: {_spread(report.final_rung())}")
    red_lines = report.red_lines()
    if red_lines:
        lines += ["", "Red lines (games in which crossed; of those, answered / ignored):"]
        width = max(len(i) for i in red_lines)
        for line_id, row in red_lines.items():
            secret = "" if row["declared"] else ", secret"
            lines.append(f"  {line_id:<{width}}  {_percent(row['crossed'], runs)}  "
                         f"answered {row['honoured']}, ignored {row['ignored']}  "
                         f"({row['owner']} against {row['against']}{secret})")
    drawn = report.hotline_red_lines()
    if any(row["drawn"] for row in drawn.values()):
        lines.append("  drawn in play: " + "; ".join(
            f"{source} {row['drawn']} (crossed {row['crossed']}, answered {row['honoured']}, ignored {row['ignored']})"
            for source, row in drawn.items()))
    triggers = report.triggers()
    if triggers:
        lines += ["", "Triggers (games in which fired):"]
        width = max(len(t) for t in triggers)
        for trigger_id, count in triggers.items():
            never = "  never fired" if count == 0 else ""
            lines.append(f"  {trigger_id:<{width}}  {_percent(count, runs)}{never}")
    agreements = report.agreements()
    lines += ["", f"Agreements per game: {agreements['made']:.2f} made, {agreements['broken']:.2f} broken"]
    escalation = report.escalation_scores()["all"]
    lines.append(f"Escalation score (Rivera et al. 2024, all sides): {_spread(escalation, signed=True)}")
    lines += ["", "Scores (mean, spread, range):"]
    scores = report.scores()
    width = max(len(a) for a in scores)
    for actor, spread in scores.items():
        lines.append(f"  {actor:<{width}}  {_spread(spread, signed=True)}")
    return lines


def _percent(count: int, total: int) -> str:
    return f"{100 * count / total:5.1f}%" if total else "   - "


def _bar(count: int, total: int) -> str:
    return "█" * round(BAR * count / total) if total else ""


def _spread(spread, signed: bool = False) -> str:
    mean = f"{spread.mean:+.1f}" if signed else f"{spread.mean:.1f}"
    return f"{mean} ± {spread.stdev:.1f}  ({spread.min:g} to {spread.max:g})"
