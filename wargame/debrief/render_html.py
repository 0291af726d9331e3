"""The after-action report as one self-contained HTML file, for projecting in a classroom.

No scripts, no fonts, no images or style sheets from anywhere else: the
charts are inline SVG and the style sits in the file, so it opens offline
and prints well. Layout only: every fact comes from the ``Report``.
"""

from __future__ import annotations

from html import escape

from wargame.debrief.model import MoveLine, Report
from wargame.debrief.render_md import METRIC_COLUMNS, TURNING_HEADINGS, side_by_side, turn_cells
from wargame.debrief.svg import ACTUAL, Series, actor_color, band_colors, ladder_chart, sparkline

STYLE = """
:root { color-scheme: light; }
body { font: 19px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       background: #fbfbf8; color: #1b1b1b; max-width: 1180px; margin: 0 auto; padding: 28px 36px 80px; }
h1 { font-size: 2.2em; margin: 0 0 .2em; line-height: 1.15; }
h2 { font-size: 1.55em; margin: 2.2em 0 .6em; padding-bottom: .2em; border-bottom: 3px solid #d8d8d2; }
h3 { font-size: 1.2em; margin: 1.4em 0 .4em; }
.facts { color: #4a4a4a; font-size: 1.05em; }
.outcome { font-size: 1.35em; padding: .6em .9em; border-left: 8px solid #888; background: #f0f0ec; }
.outcome.war { border-color: #9c1458; } .outcome.settled, .outcome.defused { border-color: #2e7d32; }
.outcome.stalemate { border-color: #8a6d00; } .outcome.capitulation { border-color: #b85300; }
table { border-collapse: collapse; margin: .6em 0 1em; font-size: .95em; }
th, td { border: 1px solid #cfcfc8; padding: 5px 10px; vertical-align: top; text-align: left; }
th { background: #efefea; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend span { display: inline-block; margin-right: 1.4em; white-space: nowrap; }
.swatch { display: inline-block; width: 28px; height: 0; border-top: 4px solid; vertical-align: middle; margin-right: .4em; }
.swatch.dashed { border-top-style: dashed; }
section.turn { border: 1px solid #deded8; border-radius: 8px; padding: .6em 1.1em; margin: 1em 0; background: #fff;
               break-inside: avoid; }
section.turn h3 { margin-top: .2em; }
.chip { display: inline-block; padding: 0 .55em; border-radius: 1em; font-size: .85em; font-weight: 600; }
.badge { display: inline-block; padding: 0 .5em; border-radius: .4em; font-size: .85em; font-weight: 600; color: #fff; }
.badge.honoured { background: #2e7d32; } .badge.ignored { background: #b71c1c; }
.badge.crossed { background: #b85300; } .badge.standing { background: #6b6b6b; }
.misread { color: #b71c1c; font-weight: 600; }
.muted { color: #666; }
.ind { text-align: center; font-weight: 600; min-width: 2.2em; }
.ind0 { background: #f3f3ef; color: #8a8a8a; } .ind1 { background: #fff0b8; }
.ind2 { background: #ffbf80; } .ind3 { background: #d9442e; color: #fff; }
ol.questions li { margin: .5em 0; }
@media print { body { background: #fff; font-size: 13pt; } h2 { break-after: avoid; } }
"""


def render_html(report: Report) -> str:
    body = [
        _header(report), _outcome(report), _chart(report), _turning_points(report), _timeline(report),
        _ledgers(report), _indicators(report), _metrics(report), _questions(report),
    ]
    return page(f"After-action report: {report.title}", "\n".join(body))


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def e(text: object) -> str:
    return escape(str(text), quote=True)


def name(report: Report, actor: str | None) -> str:
    return e(report.actor_name(actor))


def _header(report: Report) -> str:
    facts = [f"seed {report.seed}", f"{report.turns_played} of {report.turn_limit} turns played",
             f"peak rung {report.peak}: {report.chart.rung_names[report.peak]}"]
    if report.setting:
        facts.insert(0, report.setting)
    actors = "; ".join(f"<strong>{e(a.name)}</strong> ({e(a.leader)})" for a in report.actors)
    return (f"<header><h1>After-action report: {e(report.title)}</h1>"
            f'<p class="facts">{" · ".join(e(f) for f in facts)}</p><p>{actors}</p></header>')


def _outcome(report: Report) -> str:
    o = report.outcome
    if o is None:
        return f'<h2>Outcome</h2><p class="outcome">The game is {e(report.status)}; no outcome yet.</p>'
    rows = "".join(
        f'<tr><td>{name(report, s.actor)}</td><td class="num">{s.score:+d}</td><td>{e(s.notes)}</td></tr>'
        for s in o.scores
    )
    return (f'<h2>Outcome</h2><p class="outcome {e(o.kind)}"><strong>{e(o.kind.capitalize())}</strong> on turn {o.turn}: '
            f"{e(o.reason)}.</p><table><tr><th>Actor</th><th>Score</th><th>Why</th></tr>{rows}</table>")


def _chart(report: Report) -> str:
    chart = report.chart
    if not chart.points:
        return f"<h2>Escalation chart</h2><p>No turn was resolved; the crisis stands at rung {chart.start_rung}.</p>"
    actors = [a for a, _ in chart.points[0].perceived]
    series = [Series("actual", ACTUAL, [(0, chart.start_rung)] + [(p.turn, p.rung) for p in chart.points],
                     "actual rung", bold=True)]
    for i, actor in enumerate(actors):
        beliefs = [(0, float(chart.start_rung))] + [(p.turn, dict(p.perceived)[actor]) for p in chart.points]
        series.append(Series(f"perceived perceived-{actor}", actor_color(i), beliefs,
                             f"{report.actor_name(actor)} believed", dashed=True))
    svg = ladder_chart(chart, series, f"Escalation of {report.title}: actual and perceived rung per turn")
    legend = ['<span><span class="swatch" style="border-color:#111"></span>actual rung</span>']
    legend += [f'<span><span class="swatch dashed" style="border-color:{actor_color(i)}"></span>'
               f"{name(report, a)} believed</span>" for i, a in enumerate(actors)]
    legend.append('<span class="muted">▲ dashed lines: thresholds, crossed when the crisis leaves a band upward</span>')
    return f'<h2>Escalation chart</h2>{svg}<p class="legend">{"".join(legend)}</p>'


def _turning_points(report: Report) -> str:
    out = ["<h2>Turning points</h2>"]
    for kind, heading in TURNING_HEADINGS.items():
        points = [p for p in report.turning_points if p.kind == kind]
        items = "".join(f"<li><strong>Turn {p.turn}</strong> ({e(p.label)}): {e(p.text)}</li>" for p in points)
        out.append(f"<h3>{e(heading)}</h3><ul>{items or '<li>None.</li>'}</ul>")
    return "\n".join(out)


def _timeline(report: Report) -> str:
    bands = {b.name: b for b in report.chart.bands}
    out = ["<h2>Timeline</h2>"]
    for entry in report.timeline:
        band = bands.get(entry.band)
        tint, strong = band_colors(band.color if band else "")
        arrow = "▲" if entry.rung_after > entry.rung_before else "▼" if entry.rung_after < entry.rung_before else "="
        parts = [f'<section class="turn" id="turn-{entry.turn}"><h3>Turn {entry.turn}: {e(entry.label)} '
                 f'<span class="chip" style="background:{tint};color:{strong}">{arrow} rung {entry.rung_before} → '
                 f"{entry.rung_after} · {e(entry.band)}</span></h3>"]
        parts.append("<p><strong>Moves</strong></p><ul>" + "".join(f"<li>{_move(report, m)}</li>" for m in entry.moves) + "</ul>")
        if entry.messages:
            parts.append("<p><strong>Messages</strong></p><ul>"
                         + "".join(f"<li>{_message(report, m)}</li>" for m in entry.messages) + "</ul>")
        for kind, title in (("event", "Events"), ("inject", "Facilitator"), ("red line", "Red lines"),
                            ("agreement", "Agreements"), ("news", "News")):
            found = [h for h in entry.happenings if h.kind == kind]
            if found:
                parts.append(f"<p><strong>{title}</strong></p><ul>" + "".join(f"<li>{e(h.text)}</li>" for h in found) + "</ul>")
        if entry.off_ramps:
            parts.append("<p><strong>Off-ramps not taken</strong></p><ul>"
                         + "".join(f"<li>{e(r.text)}.</li>" for r in entry.off_ramps) + "</ul>")
        parts.append("</section>")
        out.append("".join(parts))
    return "\n".join(out)


def _move(report: Report, move: MoveLine) -> str:
    target = f" → {name(report, move.target)}" if move.target else ""
    covert = ' <span class="muted">(covert)</span>' if move.covert else ""
    seen = []
    for r in move.readings:
        if not r.seen:
            seen.append(f"{name(report, r.observer)} did not notice")
        elif r.misread:
            seen.append(f'<span class="misread">{name(report, r.observer)} read {r.perceived:+.1f} (misread)</span>')
        else:
            seen.append(f"{name(report, r.observer)} read {r.perceived:+.1f}")
    readings = f' <span class="muted">—</span> {", ".join(seen)}' if seen else ""
    return f"<strong>{name(report, move.actor)}</strong>: {e(move.move)}{target}{covert}, {e(move.escalation_words)}{readings}"


def _message(report: Report, m) -> str:
    text = f"#{m.id} {name(report, m.sender)} → {name(report, m.recipient)}, <em>{e(m.kind)}</em>"
    if m.reply_to is not None:
        text += f" to #{m.reply_to}"
    if m.text:
        text += f": “{e(m.text)}”"
    if m.offer:
        text += f"; offers: {e('; '.join(m.offer))}"
    if m.ask:
        text += f"; asks: {e('; '.join(m.ask))}"
    flags = [m.status] if m.status else []
    flags += ["garbled"] if m.garbled else []
    flags += ["delayed"] if m.delayed else []
    return text + (f' <span class="muted">({e(", ".join(flags))})</span>' if flags else "")


def _ledgers(report: Report) -> str:
    out = ["<h2>Red lines and credibility</h2>"]
    for i, ledger in enumerate(report.ledgers):
        label = f"{report.actor_name(ledger.actor)}: credibility by turn"
        parts = [f"<h3>{name(report, ledger.actor)}</h3><p>{e(ledger.verdict)}</p>",
                 f'<p>{sparkline(ledger.credibility, actor_color(i), label)} '
                 f'<span class="muted">credibility {" → ".join(str(c) for c in ledger.credibility)}</span></p>']
        if ledger.own_lines:
            rows = "".join(
                f"<tr><td>{e(line.description)}</td><td>{name(report, line.against)}</td>"
                f"<td>{'declared' if line.declared else 'secret'}</td><td>{e(line.source)}</td>"
                f'<td><span class="badge {e(line.status)}">{e(line.status)}</span></td>'
                f'<td class="num">{_turn(line.crossed_turn)}</td><td class="num">{_turn(line.answered_turn)}</td>'
                f"<td>{e(', '.join(line.response))}</td></tr>"
                for line in ledger.own_lines
            )
            parts.append("<table><tr><th>Red line</th><th>Against</th><th></th><th>Source</th><th>Status</th>"
                         f"<th>Crossed</th><th>Answered</th><th>Answer would be</th></tr>{rows}</table>")
        items = [
            f"<li>Crossed the red line of {name(report, line.owner)} “{e(line.description)}” on turn {line.crossed_turn} "
            f'(<span class="badge {e(line.status)}">{e(line.status)}</span>).</li>'
            for line in ledger.lines_crossed
        ]
        for p in ledger.promises:
            state = (f"broken by {name(report, p.broken_by)} on turn {p.broken_turn}" if p.status == "broken"
                     else f"in force, kept {p.kept_turns} turn{'s' * (p.kept_turns != 1)}")
            parties = " and ".join(name(report, a) for a in p.parties)
            items.append(f"<li>Commitment #{p.id} (turn {p.turn}, {parties}): {e('; '.join(p.terms))}, {state}.</li>")
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
        out.append("".join(parts))
    return "\n".join(out)


def _turn(turn: int | None) -> str:
    return "—" if turn is None else str(turn)


def _indicators(report: Report) -> str:
    if not report.indicators:
        return ""
    head = "".join(f"<th>{e(n)}</th>" for n in report.indicator_names)
    rows = "".join(
        f'<tr><td class="num">{row.turn}</td>'
        + "".join(f'<td class="ind ind{v}">{v}</td>' for v in row.levels) + "</tr>"
        for row in report.indicators
    )
    return ("<h2>Warning indicators</h2><p>Level 0 (quiet) to 3 (alarm) at the end of each turn.</p>"
            f"<table><tr><th>Turn</th>{head}</tr>{rows}</table>")


def _metrics(report: Report) -> str:
    head = "".join(f"<th>{e(title)}</th>" for title, _ in METRIC_COLUMNS)
    rows = "".join(
        f"<tr><th>{'Total' if m.actor is None else name(report, m.actor)}</th>"
        + "".join(f'<td class="num">{e(value(m))}</td>' for _, value in METRIC_COLUMNS) + "</tr>"
        for m in report.metrics
    )
    return f"<h2>Crisis metrics</h2><table><tr><th></th>{head}</tr>{rows}</table>"


def _questions(report: Report) -> str:
    items = "".join(f"<li>{e(q)}</li>" for q in report.questions)
    return f'<h2>Questions for discussion</h2><ol class="questions">{items}</ol>'


# ------------------------------------------------------------------ comparison


def render_comparison_html(c) -> str:
    a, b = c.a.report, c.b.report
    parts = [f"<header><h1>Two branches of {e(c.title)}</h1>",
             f"<p><strong>A</strong>: {e(c.a.label)} ({c.a.decisions} decisions)<br>"
             f"<strong>B</strong>: {e(c.b.label)} ({c.b.decisions} decisions)</p><p>{e(c.divergence)}</p></header>"]
    rows = "".join(f"<tr><th>{e(what)}</th><td>{e(x)}</td><td>{e(y)}</td></tr>" for what, x, y in side_by_side(c))
    parts.append(f"<h2>Side by side</h2><table><tr><th></th><th>A</th><th>B</th></tr>{rows}</table>")
    if c.divergence_turn is not None:
        series = [
            Series("branch-a", ACTUAL, [(0, a.chart.start_rung)] + [(p.turn, p.rung) for p in a.chart.points],
                   f"A ({c.a.label})", bold=True),
            Series("branch-b", "#1f5fbf", [(0, b.chart.start_rung)] + [(p.turn, p.rung) for p in b.chart.points],
                   f"B ({c.b.label})", bold=True, dashed=True),
        ]
        svg = ladder_chart(a.chart, series, f"Actual rung per turn in branches A and B of {c.title}",
                           marker=(c.divergence_turn, f"branches part on turn {c.divergence_turn}"))
        legend = ('<p class="legend"><span><span class="swatch" style="border-color:#111"></span>A</span>'
                  '<span><span class="swatch dashed" style="border-color:#1f5fbf"></span>B</span></p>')
        parts.append(f"<h2>The ladder in both branches</h2>{svg}{legend}")
        parts.append(f"<h2>Turn by turn from turn {c.divergence_turn}</h2>")
        for row in c.rows:
            left, right = turn_cells(a, row.a), turn_cells(b, row.b)
            label = (row.a or row.b).label
            body = "".join(f"<tr><th>{e(key)}</th><td>{e(left.get(key, '—'))}</td><td>{e(right.get(key, '—'))}</td></tr>"
                           for key in dict.fromkeys([*left, *right]))
            parts.append(f'<section class="turn" id="turn-{row.turn}"><h3>Turn {row.turn}: {e(label)}</h3>'
                         f"<table><tr><th></th><th>A</th><th>B</th></tr>{body}</table></section>")
    return page(f"Two branches of {c.title}", "\n".join(parts))
