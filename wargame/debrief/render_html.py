"""The after-action report as one self-contained HTML file, for projecting in a classroom.

No scripts, no fonts, no images or style sheets from anywhere else: the
charts are inline SVG and the style sits in the file, so it opens offline
and prints well. Layout only: every fact comes from the ``Report``. The
page is a Jinja2 template (``wargame/templates/debrief.html.j2``) with
autoescaping on, so what players and scenario authors wrote is escaped.
"""

from __future__ import annotations

from wargame.debrief.model import Comparison, Report, TurnEntry
from wargame.debrief.render_md import METRIC_COLUMNS, TURNING_HEADINGS, side_by_side, turn_cells
from wargame.debrief.svg import ACTUAL, Series, actor_color, band_colors, ladder_chart, sparkline
from wargame.templating import Element, render

HAPPENINGS = (("event", "Events"), ("inject", "Facilitator"), ("red line", "Red lines"), ("agreement", "Agreements"),
              ("news", "News"))  # Happening.kind -> its heading in a turn, in this order


def render_html(report: Report) -> str:
    """The report page: the layout is ``templates/debrief.html.j2``; here the facts line, charts and colours."""
    facts = [f"seed {report.seed}", f"{report.turns_played} of {report.turn_limit} turns played",
             f"peak rung {report.peak}: {report.chart.rung_names[report.peak]}"]
    if report.setting:
        facts.insert(0, report.setting)
    chart, believers = _chart(report)
    ledgers = [(ledger, sparkline(ledger.credibility, actor_color(i),
                                  f"{report.actor_name(ledger.actor)}: credibility by turn"))
               for i, ledger in enumerate(report.ledgers)]
    return render(
        "debrief.html.j2", title=f"After-action report: {report.title}", style="debrief.css", r=report,
        name=report.actor_name, facts=facts, chart=chart, believers=believers, turning_headings=TURNING_HEADINGS,
        timeline=[_turn_colours(report, entry) for entry in report.timeline], happening_titles=HAPPENINGS,
        ledgers=ledgers, metric_columns=METRIC_COLUMNS,
    )


def _chart(report: Report) -> tuple[Element | None, list[tuple[str, str]]]:
    """The escalation chart (None before the first turn) and the (actor, colour) of each believed line."""
    chart = report.chart
    if not chart.points:
        return None, []
    actors = [a for a, _ in chart.points[0].perceived]
    series = [Series("actual", ACTUAL, [(0, chart.start_rung)] + [(p.turn, p.rung) for p in chart.points],
                     "actual rung", bold=True)]
    for i, actor in enumerate(actors):
        beliefs = [(0, float(chart.start_rung))] + [(p.turn, dict(p.perceived)[actor]) for p in chart.points]
        series.append(Series(f"perceived perceived-{actor}", actor_color(i), beliefs,
                             f"{report.actor_name(actor)} believed", dashed=True))
    svg = ladder_chart(chart, series, f"Escalation of {report.title}: actual and perceived rung per turn")
    return svg, [(actor, actor_color(i)) for i, actor in enumerate(actors)]


def _turn_colours(report: Report, entry: TurnEntry) -> tuple[TurnEntry, str, str, str]:
    """A turn with its band's tint and strong colour and the arrow of its rung change."""
    band = next((b for b in report.chart.bands if b.name == entry.band), None)
    tint, strong = band_colors(band.color if band else "")
    arrow = "▲" if entry.rung_after > entry.rung_before else "▼" if entry.rung_after < entry.rung_before else "="
    return entry, tint, strong, arrow


# ------------------------------------------------------------------ comparison


def render_comparison_html(c: Comparison) -> str:
    """Two branches side by side: ``templates/compare.html.j2``."""
    a, b = c.a.report, c.b.report
    chart, turns = None, []
    if c.divergence_turn is not None:
        series = [
            Series("branch-a", ACTUAL, [(0, a.chart.start_rung)] + [(p.turn, p.rung) for p in a.chart.points],
                   f"A ({c.a.label})", bold=True),
            Series("branch-b", "#1f5fbf", [(0, b.chart.start_rung)] + [(p.turn, p.rung) for p in b.chart.points],
                   f"B ({c.b.label})", bold=True, dashed=True),
        ]
        chart = ladder_chart(a.chart, series, f"Actual rung per turn in branches A and B of {c.title}",
                             marker=(c.divergence_turn, f"branches part on turn {c.divergence_turn}"))
        for row in c.rows:
            left, right = turn_cells(a, row.a), turn_cells(b, row.b)
            cells = [(key, left.get(key, "—"), right.get(key, "—")) for key in dict.fromkeys([*left, *right])]
            turns.append((row.turn, (row.a or row.b).label, cells))
    return render("compare.html.j2", title=f"Two branches of {c.title}", style="debrief.css", c=c, summary=side_by_side(c),
                  chart=chart, turns=turns)
