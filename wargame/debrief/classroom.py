"""The debrief of a class: every game of a ``wargame host`` class folder, side by side, in one Markdown report.

A class plays the same crisis several times at once, so the questions worth
asking afterwards are comparative: which games settled and which went to
war, how high each climbed, and where they parted ways. This reads the
folder's ``codes.json`` and saves, builds each game's own report
(``build_report``: outcome, scores, turning points), and sets them side by
side, with the first turn at which the games' orders or rungs differ. A save
that cannot be read is named with its reason; the others are still reported.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from wargame.debrief.build import build_report
from wargame.debrief.model import Report, TurnEntry
from wargame.debrief.render_md import render_markdown
from wargame.errors import WargameError
from wargame.markdown_text import inline

REPORT_STEM = "class-debrief"


@dataclass(frozen=True)
class ClassGame:
    """One game of the class: its number, its save's file name, its teams, and its report (None: unreadable)."""

    number: int
    save: str
    humans: tuple[str, ...]
    report: Report | None
    problem: str = ""


@dataclass(frozen=True)
class Written:
    """What ``write_class_debrief`` wrote: the class report, the games' own reports it added, the unreadable saves."""

    report: Path
    own_reports: tuple[Path, ...]
    problems: tuple[str, ...]


def read_class(folder: Path) -> tuple[str, list[ClassGame]]:
    """The class's scenario id and its games, each replayed from its save (a bad save is kept, with its reason)."""
    from wargame.net.codes import CODES_FILE, read_codes
    from wargame.saves import load_game

    games, _ = read_codes(folder)
    try:
        scenario = str(json.loads((folder / CODES_FILE).read_text(encoding="utf-8")).get("scenario", ""))
    except (OSError, ValueError, AttributeError):
        scenario = ""
    out = []
    for row in games:
        try:
            report = build_report(load_game(folder / row["save"]))
        except WargameError as error:
            out.append(ClassGame(row["game"], row["save"], tuple(row["humans"]), None, str(error)))
        except OSError as error:
            out.append(ClassGame(row["game"], row["save"], tuple(row["humans"]), None,
                                 f"cannot read {folder / row['save']}: {error.strerror or error}"))
        else:
            out.append(ClassGame(row["game"], row["save"], tuple(row["humans"]), report))
    return scenario, out


def write_class_debrief(folder: Path, now: dt.datetime | None = None) -> Written:
    """The class report in ``folder`` (a new file every time), and each readable game's own report if missing."""
    from wargame.safe_text import printable
    from wargame.saves import atomic_write

    folder = Path(folder)
    if not folder.is_dir():
        raise WargameError(f"{folder} is not a folder")
    scenario, games = read_class(folder)
    readable = [g for g in games if g.report is not None]
    problems = tuple(f"game {g.number} ({g.save}): {g.problem}" for g in games if g.report is None)
    if not readable:
        raise WargameError(f"{folder}: no game of the class could be read ({'; '.join(problems) or 'no games'})")
    own = []
    for game in readable:
        path = folder / own_report_name(game.save)
        if not path.exists():
            atomic_write(path, printable(render_markdown(game.report)).encode("utf-8"))
            own.append(path)
    when = (now or dt.datetime.now().astimezone()).strftime("%Y-%m-%d-%H%M")
    target = free_name(folder, f"{REPORT_STEM}-{when}", ".md")
    atomic_write(target, printable(render_class(folder.name, scenario, games)).encode("utf-8"))
    return Written(target, tuple(own), problems)


def own_report_name(save: str) -> str:
    return f"{Path(save).stem}-debrief.md"


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``stem.md``, or ``stem-2.md``, ``stem-3.md``...: never a file that is already there."""
    path, n = folder / f"{stem}{suffix}", 2
    while path.exists():
        path, n = folder / f"{stem}-{n}{suffix}", n + 1
    return path


# ------------------------------------------------------------------ comparing


def orders_of(entry: TurnEntry, report: Report) -> dict[str, str]:
    """Each actor's order on one turn, in words ("quiet dialogue against Dornland")."""
    out = {}
    for move in entry.moves:
        target = f" against {report.actor_name(move.target)}" if move.target else ""
        out[move.actor] = f"{move.move.lower()}{target}"
    return out


def divergence(games: list[ClassGame]) -> tuple[int | None, list[str]]:
    """The first turn whose orders or resulting rung differ between the games, and each game's turn in words
    (its label, e.g. "Day 2", in the first line).

    (None, []) when the games agree on every turn they all played.
    """
    reports = [(g, g.report) for g in games if g.report is not None]
    if len(reports) < 2:
        return None, []
    shared = min(len(r.timeline) for _, r in reports)
    for index in range(shared):
        seen = [(orders_of(r.timeline[index], r), r.timeline[index].rung_after) for _, r in reports]
        if any(s != seen[0] for s in seen[1:]):
            turn = reports[0][1].timeline[index].turn
            lines = [inline(reports[0][1].timeline[index].label)]
            for (game, report), (orders, rung) in zip(reports, seen):
                said = "; ".join(f"{inline(report.actor_name(a))}: {inline(o)}" for a, o in orders.items())
                lines.append(f"game {game.number}: {said} → rung {rung}")
            return turn, lines
    longer = [g.number for g, r in reports if len(r.timeline) > shared]
    if longer:
        return shared + 1, [f"turn {shared + 1}", *(f"game {n} went on; the others had ended" for n in longer)]
    return None, []


# ------------------------------------------------------------------ Markdown


def render_class(name: str, scenario: str, games: list[ClassGame]) -> str:
    readable = [g for g in games if g.report is not None]
    first = readable[0].report
    parts = [_header(name, scenario, games, first), _outcomes(readable), _ladder(readable), _diverged(games),
             _turning_points(readable), _questions(readable), _own_reports(games)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _header(name: str, scenario: str, games: list[ClassGame], first: Report) -> str:
    teams = sorted({side for g in games for side in g.humans})
    lines = [f"# Class debrief: {inline(first.title)}", "",
             f"Class folder {inline(name)} · scenario {inline(scenario or first.scenario_id)} · {len(games)} games",
             "", "Teams played " + (", ".join(f"**{inline(first.actor_name(t))}**" for t in teams) or "no side")
             + "; the computer played the others."]
    broken = [g for g in games if g.report is None]
    if broken:
        lines += ["", "Left out (the save could not be read):"]
        lines += [f"- game {g.number} ({inline(g.save)}): {inline(g.problem)}" for g in broken]
    return "\n".join(lines)


def _outcome_words(report: Report) -> str:
    if report.outcome is None:
        return inline(report.status)
    actor = f" ({inline(report.actor_name(report.outcome.actor))})" if report.outcome.actor else ""
    return f"{inline(report.outcome.kind)}{actor} on turn {report.outcome.turn}"


def _outcomes(games: list[ClassGame]) -> str:
    actors = games[0].report.actors
    head = ["game", "seed", "outcome", "turns", "final rung", "peak rung", *(f"{inline(a.name)} score" for a in actors)]
    lines = ["## Outcomes", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for game in games:
        r = game.report
        scores = dict((s.actor, s.score) for s in r.outcome.scores) if r.outcome else {}
        final = r.chart.points[-1].rung if r.chart.points else r.chart.start_rung
        cells = [str(game.number), str(r.seed), _outcome_words(r), f"{r.turns_played} of {r.turn_limit}",
                 f"{final} ({inline(r.chart.rung_names[final])})", f"{r.peak} ({inline(r.chart.rung_names[r.peak])})",
                 *(f"{scores[a.id]:+d}" if a.id in scores else "—" for a in actors)]
        lines.append("| " + " | ".join(cells) + " |")
    kinds: dict[str, int] = {}
    for game in games:
        kind = game.report.outcome.kind if game.report.outcome else "unfinished"
        kinds[kind] = kinds.get(kind, 0) + 1
    peaks = [g.report.peak for g in games]
    lines += ["", f"{'; '.join(f'{n} {inline(k)}' for k, n in kinds.items())}. "
                  f"Peak rungs from {min(peaks)} to {max(peaks)}."]
    return "\n".join(lines)


def _ladder(games: list[ClassGame]) -> str:
    """The rung at the end of each turn, one column per game: where each crisis stood, turn by turn."""
    longest = max(len(g.report.timeline) for g in games)
    head = ["turn", *(f"game {g.number}" for g in games)]
    lines = ["## The ladder, turn by turn", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for index in range(longest):
        cells = [str(index + 1)]
        for game in games:
            timeline = game.report.timeline
            cells.append(f"{timeline[index].rung_before} → {timeline[index].rung_after}" if index < len(timeline) else "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _diverged(games: list[ClassGame]) -> str:
    turn, lines = divergence(games)
    readable = [g for g in games if g.report is not None]
    if len(readable) < 2:
        return ""
    seeds = {g.report.seed for g in readable}
    chance = (" The games were played with different seeds, so chance (how moves were read, which scripted events "
              "fired) also differs from the first turn." if len(seeds) > 1 else " All games share one seed: "
              "what differs comes from the teams' decisions.")
    if turn is None:
        return "## Where the games diverged\n\nThe games' orders and rungs were the same on every turn." + chance
    label, *rows = lines
    return "\n".join([f"## Where the games diverged\n\nThe games first differ on turn {turn} ({label}):", "",
                      *(f"- {row}" for row in rows), "", chance.strip()])


def _turning_points(games: list[ClassGame]) -> str:
    lines = ["## Turning points"]
    for game in games:
        points = game.report.turning_points
        lines += ["", f"### Game {game.number}", ""]
        lines += [f"- {inline(p.label)}: {inline(p.text)}" for p in points] or ["- none stood out"]
    return "\n".join(lines)


def _questions(games: list[ClassGame]) -> str:
    """Questions across the games first (why did they end differently), then each game's own first questions."""
    lines = ["## Questions for the class", ""]
    by_peak = sorted(games, key=lambda g: g.report.peak)
    low, high = by_peak[0], by_peak[-1]
    if high.report.peak > low.report.peak:
        lines.append(f"- Game {high.number} climbed to rung {high.report.peak}, game {low.number} only to "
                     f"{low.report.peak}. What did the teams of game {low.number} do, or refrain from doing, that "
                     f"kept their crisis lower? Was it skill, or luck?")
    kinds = {g.report.outcome.kind if g.report.outcome else "unfinished" for g in games}
    if len(kinds) > 1:
        lines.append(f"- The same crisis ended as {', '.join(sorted(kinds))}. Which decision made the difference, "
                     "and when was it still possible to change course?")
    for game in games:
        lines += [f"- Game {game.number}: {inline(q)}" for q in game.report.questions[:2]]
    return "\n".join(lines)


def _own_reports(games: list[ClassGame]) -> str:
    lines = ["## Each game's own report", ""]
    lines += [f"- game {g.number}: {inline(own_report_name(g.save))}" for g in games if g.report is not None]
    return "\n".join(lines)
