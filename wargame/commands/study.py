"""``wargame study [SCENARIO...] [--lesson NAME] [--runs N] [--seed S] [--workers K] [--json] [-o FILE]``.

Measures what the model teaches: each lesson of crisis diplomacy as paired,
seeded experiments over the doctrine pairings of each scenario (all shipped
scenarios by default); see ``wargame.study``. ``--markdown`` writes the page
``docs/what-the-model-teaches.md`` is; ``--show-edit`` prints each lesson's
edits as YAML and plays nothing. The same seed gives the same figures
whatever ``--workers`` is. The progress bar appears only on a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from wargame.commands._args import emit, positive_int, with_progress


def add_parser(subparsers) -> None:
    from wargame.study.lessons import lesson_names

    parser = subparsers.add_parser(
        "study",
        help="measure what the model teaches with paired, seeded experiments",
        description="Play each lesson of crisis diplomacy as two versions of each scenario that differ by one "
        "edit of its data, over every doctrine pairing with the same seeds, and print the effect on war, peak "
        "rung and settlement with a 95%% interval, the direction the literature expects, and a verdict.",
    )
    parser.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                        help="scenario names or files (default: every shipped scenario)")
    parser.add_argument("--lesson", action="append", choices=lesson_names(), metavar="NAME",
                        help=f"only this lesson (repeatable): {', '.join(lesson_names())}")
    parser.add_argument("--runs", type=positive_int, default=4, metavar="N",
                        help="games per doctrine pairing and version (default 4)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="batch seed (default 0)")
    parser.add_argument("--workers", type=positive_int, default=1, metavar="K",
                        help=f"processes to spread the games over (default 1; this machine has {os.cpu_count()} CPUs)")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print the stable JSON structure (docs/cli.md)")
    shape.add_argument("--markdown", action="store_true", help="print the page docs/what-the-model-teaches.md")
    shape.add_argument("--show-edit", action="store_true",
                       help="print each lesson's edits of each scenario as YAML, and play nothing")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from wargame.study import report
    from wargame.study.lessons import lessons
    from wargame.study.runner import planned_games
    from wargame.study.runner import run as play

    scenarios = load(args.scenarios)
    chosen = [lesson for lesson in lessons() if not args.lesson or lesson.name in args.lesson]
    if args.show_edit:
        emit(show_edits(scenarios, chosen), args.output)
        return 0
    if sys.stderr.isatty() and (sys.stdout.isatty() or args.output):
        total = planned_games(scenarios, chosen, args.runs)
        study = with_progress("studying", lambda progress: play(
            scenarios, chosen, args.runs, args.seed, args.workers, progress), total)
    else:
        study = play(scenarios, chosen, args.runs, args.seed, args.workers)
    if args.json:
        text = json.dumps(report.to_dict(study, command(args)), indent=2, ensure_ascii=False) + "\n"
    elif args.markdown:
        from datetime import UTC, datetime

        from wargame.study.markdown import render

        text = render(report.to_dict(study, command(args)), datetime.now(UTC).date().isoformat())
    else:
        text = "\n".join(report.describe(study)) + "\n"
    emit(text, args.output)
    return 0


def load(names: list[str]) -> list:
    """The scenarios named, or every shipped one."""
    from wargame.catalog import bundled_dir, resolve
    from wargame.errors import WargameError
    from wargame.scenario.loader import load_scenario

    if names:
        return [load_scenario(resolve(name)) for name in names]
    folder = bundled_dir()
    if folder is None:
        raise WargameError("no shipped scenarios found; name the scenarios to study")
    return [load_scenario(path) for path in sorted(folder.glob("*.yaml"))]


def command(args: argparse.Namespace) -> str:
    """The command line that reproduces these figures (the worker count does not change them)."""
    words = ["wargame", "study", *args.scenarios]
    words += [f"--lesson {name}" for name in args.lesson or ()]
    words += [f"--runs {args.runs}", f"--seed {args.seed}"]
    if args.json:
        words.append("--json")
    if args.markdown:
        words.append("--markdown")
    return " ".join(words)


def show_edits(scenarios: list, chosen: list) -> str:
    """Each lesson's two versions of each scenario, as the YAML to write over the shipped file."""
    from wargame.study.edits import NotApplicable

    out = []
    for lesson in chosen:
        out.append(f"# {lesson.name}: {lesson.title}")
        for scenario in scenarios:
            for side, arm in (("reference", lesson.reference), ("variant", lesson.variant)):
                out.append(f"# {scenario.id}, {side}: {arm.label}")
                if arm.edit is None:
                    out.append("# (the file as shipped)")
                    continue
                try:
                    out.append(arm.edit.shown(scenario).rstrip("\n"))
                except NotApplicable as reason:
                    out.append(f"# not played: {reason}")
        out.append("")
    return "\n".join(out) + "\n"
