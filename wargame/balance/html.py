"""The balance report as one self-contained HTML page with inline SVG charts.

No scripts, stylesheets, fonts or images from elsewhere: the file opens
offline and can be mailed to a colleague. Everything from the scenario is
escaped, since scenario files come from strangers.
"""

from __future__ import annotations

from html import escape

from wargame.balance import svg
from wargame.balance.report import BalanceReport
from wargame.engine.phases import OUTCOMES

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222;
       line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.lead { color: #555; }
.verdicts li, .flags li { margin: .35rem 0; }
.flags li { color: #8a4b00; }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }
code { background: #f4f4f4; padding: 0 .2rem; border-radius: 3px; }
svg { display: block; margin: .6rem 0; max-width: 100%; height: auto; }
"""


def render(report: BalanceReport) -> str:
    body = [
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
    title = escape(f"Balance report: {report.title}")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _pct(share: float) -> str:
    return f"{100 * share:.1f}%"


def _table(head: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """A table; cells are already-escaped HTML; columns in ``numeric`` are right-aligned."""
    def cls(i: int) -> str:
        return ' class="n"' if i in numeric else ""

    out = ["<table><thead><tr>" + "".join(f"<th{cls(i)}>{h}</th>" for i, h in enumerate(head)) + "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td{cls(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _legend() -> str:
    return '<p class="legend">' + "".join(
        f'<span><i style="background:{svg.OUTCOME_COLOURS[kind]}"></i>{kind}</span>' for kind in OUTCOMES) + "</p>"


def _header(report: BalanceReport) -> str:
    return (f"<h1>Balance report: {escape(report.title)}</h1>\n"
            f'<p class="lead">Scenario <code>{escape(report.scenario_id)}</code>, seed {report.seed}: '
            f"{report.games} games, {report.runs} for each of {len(report.pairings)} pairings of the doctrines "
            f"{escape(', '.join(report.doctrines))} ({escape(report.pairing_rule)}). Every pairing plays the same "
            f"{report.runs} seeds, so differences between pairings come from the doctrines, not from luck.</p>")


def _verdict(report: BalanceReport) -> str:
    items = "".join(f"<li>{escape(v)}</li>" for v in report.verdicts)
    flags = "".join(f"<li>{escape(f)}</li>" for f in report.flags) or (
        "<li>None: no outcome above 70% or below 3%, every trigger fired, every red line was crossed.</li>")
    return (f'<h2>Verdict</h2>\n<ul class="verdicts">{items}</ul>\n<h3>Flags</h3>\n<ul class="flags">{flags}</ul>')


def _outcomes(report: BalanceReport) -> str:
    chart = svg.stacked_bars([("all games", list(report.outcomes.items()))], svg.OUTCOME_COLOURS,
                             "Outcome distribution over all games")
    rows = [[kind, str(count), _pct(report.share(count))] for kind, count in report.outcomes.items()]
    turns = report.turns
    return ("<h2>Outcomes</h2>\n" + _legend() + chart + _table(["outcome", "games", "share"], rows, {1, 2})
            + f"<p>Games last {turns.mean:.1f} turns on average ({turns.min:g} to {turns.max:g}; "
              f"the limit is {report.turn_limit}).</p>")


def _pairings(report: BalanceReport) -> str:
    actors = [row.actor for row in report.actors]
    chart = svg.stacked_bars([(row.pairing.label(), list(row.outcomes.items())) for row in report.pairings],
                             svg.OUTCOME_COLOURS, "Outcome distribution per pairing")
    rows = []
    for row in report.pairings:
        rows.append([escape(d) for _, d in row.pairing.doctrines] + [str(row.outcomes[k]) for k in OUTCOMES]
                    + [f"{row.mean_scores[a]:+.1f}" for a in actors])
    head = [escape(a) for a in actors] + list(OUTCOMES) + [f"mean {escape(a)}" for a in actors]
    numeric = set(range(len(actors), len(head)))
    return ("<h2>Outcomes by pairing</h2>\n<p>Doctrines in actor order: "
            + escape(" / ".join(actors)) + ".</p>" + _legend() + chart + _table(head, rows, numeric))


def _scores(report: BalanceReport) -> str:
    chart = svg.box_plots([(row.name, row.scores) for row in report.actors], "Score spread per actor")
    rows = []
    for row in report.actors:
        s = row.scores
        rows.append([f"{escape(row.name)} (<code>{escape(row.actor)}</code>)", f"{s.mean:+.1f}", f"{s.minimum:+g}",
                     f"{s.q1:+g}", f"{s.median:+g}", f"{s.q3:+g}", f"{s.maximum:+g}", _pct(report.share(row.wins))])
    doctrine_rows = [[escape(row.actor)] + [f"{row.by_doctrine[d]:+.1f}" if d in row.by_doctrine else "–"
                                           for d in report.doctrines] for row in report.actors]
    return ("<h2>Scores</h2>\n<p>Whiskers at the lowest and highest score, the box from the first to the third "
            "quartile, the line at the median, the dot at the mean.</p>" + chart
            + _table(["actor", "mean", "min", "Q1", "median", "Q3", "max", "comes out ahead"], rows,
                     set(range(1, 8)))
            + "<h3>Mean score by the doctrine each actor played</h3>"
            + _table(["actor"] + [escape(d) for d in report.doctrines], doctrine_rows,
                     set(range(1, len(report.doctrines) + 1))))


def _peaks(report: BalanceReport) -> str:
    cols = []
    for rung, count in report.peaks.items():
        name, colour = report.rungs[rung]
        cols.append((str(rung), count, svg.BAND_COLOURS[colour],
                     f"rung {rung}, {name}: {count} games ({_pct(report.share(count))})"))
    chart = svg.columns(cols, "Peak rung distribution", marker=report.war_rung)
    return ("<h2>Peak rung</h2>\n<p>The highest rung each game reached, coloured by band; the red line marks "
            "the war band.</p>" + chart)


def _triggers(report: BalanceReport) -> str:
    if not report.triggers:
        return "<h2>Triggers</h2>\n<p>The scenario has no triggers.</p>"
    rows = [(trigger, report.share(fired), "#3949ab" if fired else "#c62828",
             f"{trigger}: fired in {fired} of {report.games} games") for trigger, fired in report.triggers.items()]
    return ("<h2>Triggers</h2>\n<p>The share of games in which each trigger fired at least once.</p>"
            + svg.bars(rows, "Trigger firing rates"))


def _red_lines(report: BalanceReport) -> str:
    parts = ["<h2>Red lines</h2>"]
    if report.red_lines:
        colours = {"answered": "#2e7d32", "ignored": "#c62828", "pending at the end": "#fb8c00",
                   "never crossed": "#e0e0e0"}
        bars = []
        for line in report.red_lines:
            pending = line.crossed - line.honoured - line.ignored
            bars.append((line.id, [("answered", line.honoured), ("ignored", line.ignored),
                                   ("pending at the end", pending), ("never crossed", report.games - line.crossed)]))
        parts.append('<p class="legend">' + "".join(
            f'<span><i style="background:{c}"></i>{escape(k)}</span>' for k, c in colours.items()) + "</p>")
        parts.append(svg.stacked_bars(bars, colours, "Red lines crossed, answered and ignored"))
        rows = [[f"<code>{escape(line.id)}</code>", escape(line.owner), escape(line.against),
                 "yes" if line.declared else "secret", f"{line.crossed} ({_pct(report.share(line.crossed))})",
                 str(line.honoured), str(line.ignored)] for line in report.red_lines]
        parts.append(_table(["red line", "owner", "against", "declared", "crossed", "answered", "ignored"], rows,
                            {4, 5, 6}))
    else:
        parts.append("<p>The scenario has no red lines.</p>")
    drawn = "; ".join(f"{source} {row['drawn']} (crossed {row['crossed']}, answered {row['honoured']}, "
                      f"ignored {row['ignored']})" for source, row in report.hotline_red_lines.items())
    parts.append(f"<p>Red lines drawn during play (threats, expired ultimatums), over all games: {escape(drawn)}.</p>")
    return "\n".join(parts)


def _moves(report: BalanceReport) -> str:
    parts = ["<h2>Moves that go with each outcome</h2>",
             "<p>Lift: the share of that outcome's games in which the actor played the move, divided by the share "
             "of all games in which it did. Above 1, the move is more common on the way to that outcome.</p>"]
    for kind in OUTCOMES:
        games = report.outcomes[kind]
        if not games:
            continue
        parts.append(f"<h3>{kind.capitalize()} ({games} games)</h3>")
        rows = report.lifts.get(kind)
        if rows is None:
            parts.append("<p>Too few games to say.</p>")
        elif not rows:
            parts.append("<p>No move stands out: each is played about as often here as in all games.</p>")
        else:
            parts.append(_table(
                ["actor", "move", "in these games", "in all games", "lift"],
                [[escape(r.actor), f"{escape(report.move_names.get(r.move, r.move))} (<code>{escape(r.move)}</code>)",
                  _pct(r.in_outcome), _pct(r.overall), f"{r.lift:.1f}×"] for r in rows],
                {2, 3, 4}))
    return "\n".join(parts)
