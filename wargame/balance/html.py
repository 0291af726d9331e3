"""The balance report as one self-contained HTML page with inline SVG charts.

No scripts, stylesheets, fonts or images from elsewhere: the file opens
offline and can be mailed to a colleague. The layout is a Jinja2 template
(``wargame/templates/balance.html.j2``) with autoescaping on, so everything
from the scenario is escaped, scenario files coming from strangers.
"""

from __future__ import annotations

from wargame.balance import svg
from wargame.balance.report import BalanceReport
from wargame.engine.phases import OUTCOMES
from wargame.templating import Element
from wargame.templating import render as render_template


def render(report: BalanceReport) -> str:
    """The page: the layout is ``templates/balance.html.j2``; here the tables' rows and the charts."""
    actors = [row.actor for row in report.actors]
    pairing_rows = [[d for _, d in row.pairing.doctrines] + [row.outcomes[k] for k in OUTCOMES]
                    + [f"{row.mean_scores[a]:+.1f}" for a in actors] for row in report.pairings]
    return render_template(
        "balance.html.j2", title=f"Balance report: {report.title}", style="balance.css", r=report, outcomes=OUTCOMES,
        actors=actors, outcome_colours=svg.OUTCOME_COLOURS, red_line_colours=RED_LINE_COLOURS,
        outcome_rows=[[kind, count, _pct(report.share(count))] for kind, count in report.outcomes.items()],
        pairing_head=actors + list(OUTCOMES) + [f"mean {a}" for a in actors], pairing_rows=pairing_rows,
        doctrine_rows=[[row.actor] + [f"{row.by_doctrine[d]:+.1f}" if d in row.by_doctrine else "–"
                                      for d in report.doctrines] for row in report.actors],
        charts=_charts(report),
    )


RED_LINE_COLOURS = {"answered": "#2e7d32", "ignored": "#c62828", "pending at the end": "#fb8c00",
                    "never crossed": "#e0e0e0"}


def _pct(share: float) -> str:
    return f"{100 * share:.1f}%"


def _charts(report: BalanceReport) -> dict[str, Element]:
    charts = {
        "outcomes": svg.stacked_bars([("all games", list(report.outcomes.items()))], svg.OUTCOME_COLOURS,
                                     "Outcome distribution over all games"),
        "pairings": svg.stacked_bars([(row.pairing.label(), list(row.outcomes.items())) for row in report.pairings],
                                     svg.OUTCOME_COLOURS, "Outcome distribution per pairing"),
        "scores": svg.box_plots([(row.name, row.scores) for row in report.actors], "Score spread per actor"),
    }
    cols = []
    for rung, count in report.peaks.items():
        name, colour = report.rungs[rung]
        cols.append((str(rung), count, svg.BAND_COLOURS[colour],
                     f"rung {rung}, {name}: {count} games ({_pct(report.share(count))})"))
    charts["peaks"] = svg.columns(cols, "Peak rung distribution", marker=report.war_rung)
    if report.triggers:
        rows = [(trigger, report.share(fired), "#3949ab" if fired else "#c62828",
                 f"{trigger}: fired in {fired} of {report.games} games") for trigger, fired in report.triggers.items()]
        charts["triggers"] = svg.bars(rows, "Trigger firing rates")
    if report.red_lines:
        bars = []
        for line in report.red_lines:
            pending = line.crossed - line.honoured - line.ignored
            bars.append((line.id, [("answered", line.honoured), ("ignored", line.ignored),
                                   ("pending at the end", pending), ("never crossed", report.games - line.crossed)]))
        charts["red_lines"] = svg.stacked_bars(bars, RED_LINE_COLOURS, "Red lines crossed, answered and ignored")
    return charts
