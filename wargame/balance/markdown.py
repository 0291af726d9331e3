"""The balance report as Markdown, with text bars for charts.

Reads well in a terminal and renders on any forge. Scenario text (titles,
names, verdicts that quote them) goes through ``escape``
(``wargame.markdown_text.inline``), so a ``|`` or ``*`` in a name cannot
break a table and ``<script>`` in one is text, not HTML.
"""

from __future__ import annotations

from wargame.balance.report import BalanceReport
from wargame.balance.stats import FiveNumbers
from wargame.engine.phases import OUTCOMES
from wargame.markdown_text import inline as escape

WIDTH = 20
LETTERS = {"settled": "S", "defused": "D", "stalemate": "T", "capitulation": "C", "war": "W"}


def render(report: BalanceReport) -> str:
    parts = [
        _header(report),
        _verdict(report),
        _outcomes(report),
        _pairings(report),
        _scores(report),
        _peaks(report),
        _triggers(report),
        _red_lines(report),
        _moves(report),
    ]
    return "\n\n".join(part.rstrip("\n") for part in parts if part) + "\n"


def bar(share: float, width: int = WIDTH) -> str:
    full = round(share * width)
    return "`" + "█" * full + "░" * (width - full) + "`"


def percent(share: float) -> str:
    return f"{100 * share:.1f}%"


def _header(report: BalanceReport) -> str:
    return (f"# Balance report: {escape(report.title)}\n\n"
            f"Scenario `{report.scenario_id}`, seed {report.seed}: {report.games} games, {report.runs} for each of "
            f"{len(report.pairings)} pairings of the doctrines {', '.join(report.doctrines)} "
            f"({report.pairing_rule}). Every pairing plays the same {report.runs} seeds, so differences "
            "between pairings come from the doctrines, not from luck.")


def _verdict(report: BalanceReport) -> str:
    lines = ["## Verdict", ""]
    lines += [f"- {escape(verdict)}" for verdict in report.verdicts]
    lines += ["", "Flags:", ""]
    lines += [f"- {escape(flag)}" for flag in report.flags] or ["- none: no outcome above 70% or below 3%, "
                                                              "every trigger fired, every red line was crossed."]
    return "\n".join(lines)


def _outcomes(report: BalanceReport) -> str:
    lines = ["## Outcomes", "", "| outcome | games | share | |", "|---|--:|--:|---|"]
    for kind, count in report.outcomes.items():
        share = report.share(count)
        lines.append(f"| {kind} | {count} | {percent(share)} | {bar(share)} |")
    turns = report.turns
    lines += ["", f"Games last {turns.mean:.1f} turns on average ({turns.min:g} to {turns.max:g}; "
                  f"the limit is {report.turn_limit})."]
    return "\n".join(lines)


def _pairings(report: BalanceReport) -> str:
    actors = [row.actor for row in report.actors]
    legend = ", ".join(f"{letter} {kind}" for kind, letter in LETTERS.items())
    head = "| " + " | ".join(actors) + " | " + " | ".join(LETTERS.values()) + " | outcomes | mean scores |"
    rule = "|" + "---|" * len(actors) + "--:|" * len(LETTERS) + "---|---|"
    lines = ["## Outcomes by pairing", "", f"One letter per {100 // WIDTH}% of the pairing's games: {legend}.", "",
             head, rule]
    for row in report.pairings:
        doctrines = " | ".join(doctrine for _, doctrine in row.pairing.doctrines)
        counts = " | ".join(str(row.outcomes[kind]) for kind in OUTCOMES)
        scores = ", ".join(f"{actor} {mean:+.1f}" for actor, mean in row.mean_scores.items())
        lines.append(f"| {doctrines} | {counts} | `{_letters(row.outcomes, row.games)}` | {scores} |")
    return "\n".join(lines)


def _letters(outcomes: dict[str, int], games: int) -> str:
    """A stacked text bar; largest-remainder rounding so it is always exactly WIDTH long."""
    if not games:
        return "·" * WIDTH
    exact = {kind: WIDTH * count / games for kind, count in outcomes.items()}
    cells = {kind: int(value) for kind, value in exact.items()}
    spare = WIDTH - sum(cells.values())
    for kind in sorted(exact, key=lambda k: (-(exact[k] - cells[k]), OUTCOMES.index(k)))[:spare]:
        cells[kind] += 1
    return "".join(LETTERS[kind] * cells[kind] for kind in OUTCOMES)


def _scores(report: BalanceReport) -> str:
    lo = min(row.scores.minimum for row in report.actors)
    hi = max(row.scores.maximum for row in report.actors)
    lines = ["## Scores", "",
             f"Box plots from {lo:+g} to {hi:+g}: whiskers at the lowest and highest score, the box from the "
             "first to the third quartile, `┃` the median.", "",
             "| actor | mean | min | Q1 | median | Q3 | max | comes out ahead | spread |",
             "|---|--:|--:|--:|--:|--:|--:|--:|---|"]
    for row in report.actors:
        s = row.scores
        lines.append(f"| {escape(row.name)} (`{row.actor}`) | {s.mean:+.1f} | {s.minimum:+g} | {s.q1:+g} | "
                     f"{s.median:+g} | {s.q3:+g} | {s.maximum:+g} | {percent(report.share(row.wins))} | "
                     f"`{box(s, lo, hi)}` |")
    lines += ["", "Mean score by the doctrine each actor played:", "",
              "| actor | " + " | ".join(report.doctrines) + " |", "|---|" + "--:|" * len(report.doctrines)]
    for row in report.actors:
        cells = " | ".join(f"{row.by_doctrine[d]:+.1f}" if d in row.by_doctrine else "–" for d in report.doctrines)
        lines.append(f"| {row.actor} | {cells} |")
    return "\n".join(lines)


def box(s: FiveNumbers, lo: float, hi: float, width: int = 30) -> str:
    """A text box plot on a shared axis from ``lo`` to ``hi``."""
    def at(value: float) -> int:
        return 0 if hi == lo else round((width - 1) * (value - lo) / (hi - lo))

    cells = [" "] * width
    for i in range(at(s.minimum), at(s.maximum) + 1):
        cells[i] = "─"
    for i in range(at(s.q1), at(s.q3) + 1):
        cells[i] = "█"
    cells[at(s.minimum)] = "├"
    cells[at(s.maximum)] = "┤"
    cells[at(s.median)] = "┃"
    return "".join(cells)


def _peaks(report: BalanceReport) -> str:
    lines = ["## Peak rung", "", "The highest rung each game reached.", "",
             "| rung | name | games | share | |", "|--:|---|--:|--:|---|"]
    for rung, count in report.peaks.items():
        name = escape(report.rungs[rung][0]) + (" (war)" if rung >= report.war_rung else "")
        share = report.share(count)
        lines.append(f"| {rung} | {name} | {count} | {percent(share)} | {bar(share)} |")
    return "\n".join(lines)


def _triggers(report: BalanceReport) -> str:
    if not report.triggers:
        return "## Triggers\n\nThe scenario has no triggers."
    lines = ["## Triggers", "", "The share of games in which each trigger fired at least once.", "",
             "| trigger | games | share | |", "|---|--:|--:|---|"]
    for trigger, fired in report.triggers.items():
        share = report.share(fired)
        lines.append(f"| `{trigger}` | {fired} | {percent(share)} | {bar(share)} |")
    return "\n".join(lines)


def _red_lines(report: BalanceReport) -> str:
    lines = ["## Red lines", ""]
    if report.red_lines:
        lines += ["| red line | owner | against | declared | crossed | answered | ignored | |",
                  "|---|---|---|---|--:|--:|--:|---|"]
        for line in report.red_lines:
            share = report.share(line.crossed)
            lines.append(f"| `{line.id}` | {line.owner} | {line.against} | {'yes' if line.declared else 'secret'} | "
                         f"{line.crossed} ({percent(share)}) | {line.honoured} | {line.ignored} | {bar(share)} |")
        lines.append("")
        lines.append("Answered: the owner played a listed response in time; ignored: it let the window pass. "
                     "A line crossed in a game's last turn may be neither.")
    else:
        lines.append("The scenario has no red lines.")
    drawn = report.hotline_red_lines
    lines += ["", "Red lines drawn during play (threats, expired ultimatums), over all games: " + "; ".join(
        f"{source} {row['drawn']} (crossed {row['crossed']}, answered {row['honoured']}, ignored {row['ignored']})"
        for source, row in drawn.items()) + "."]
    return "\n".join(lines)


def _moves(report: BalanceReport) -> str:
    lines = ["## Moves that go with each outcome", "",
             "Lift: the share of that outcome's games in which the actor played the move, divided by the share "
             "of all games in which it did. Above 1, the move is more common on the way to that outcome."]
    for kind in OUTCOMES:
        games = report.outcomes[kind]
        if not games:
            continue
        lines += ["", f"### {kind.capitalize()} ({games} games)", ""]
        rows = report.lifts.get(kind)
        if rows is None:
            lines.append("Too few games to say.")
        elif not rows:
            lines.append("No move stands out: each is played about as often here as in all games.")
        else:
            lines += ["| actor | move | in these games | in all games | lift |", "|---|---|--:|--:|--:|"]
            for row in rows:
                name = escape(report.move_names.get(row.move, row.move))
                lines.append(f"| {row.actor} | {name} (`{row.move}`) | {percent(row.in_outcome)} | "
                             f"{percent(row.overall)} | {row.lift:.1f}× |")
    return "\n".join(lines)
