"""The after-action report as Markdown: readable in a terminal, pastes anywhere.

Layout only: every fact and judgement comes from the ``Report``. Every
piece of scenario or save text goes through ``wargame.markdown_text``
(``cell``/``inline`` in the text, ``code`` in the text chart), so none of it
is HTML, a link or a table break once rendered.
"""

from __future__ import annotations

from wargame.debrief.model import Metrics, MoveLine, Report
from wargame.debrief.words import possessive
from wargame.markdown_text import code, inline
from wargame.markdown_text import inline as cell

MARKS = " ▁▃█"  # indicator levels 0..3
TURNING_HEADINGS = {
    "escalation": "Largest escalations",
    "perception": "Perception and reality",
    "off-ramp": "Off-ramps not taken",
}
METRIC_COLUMNS = (
    ("Diplomatic engagements (messages/meetings/summits)", lambda m: f"{m.engagements} ({m.messages}/{m.meetings}/{m.summits})"),
    ("Military escalation incidents", lambda m: str(m.escalation_incidents)),
    ("Agreements signed", lambda m: str(m.agreements)),
    ("Ceasefire calls", lambda m: str(m.ceasefires)),
    ("Confidence-building measures", lambda m: str(m.confidence_measures)),
    ("Military spending (economy)", lambda m: str(m.military_spending)),
    ("Sanctions imposed", lambda m: str(m.sanctions)),
    ("Mediation efforts", lambda m: str(m.mediation)),
    ("Escalation score (Rivera et al. 2024)", lambda m: f"{m.escalation_score:+d}"),
    ("Calming moves: counted of face value", lambda m: calming_text(m)),
)


def calming_text(m: Metrics) -> str:
    """"▼3.5 of ▼9 (39%)": how much of its calming moves' worth the ladder counted."""
    if m.calming_share is None:
        return "—"
    return f"▼{round(m.calming_counted, 1):g} of ▼{m.calming_weight:g} ({m.calming_share:.0%})"


def render_markdown(report: Report) -> str:
    parts = [
        _header(report), _outcome(report), _chart(report), _turning_points(report), _timeline(report),
        _ledgers(report), _indicators(report), _metrics(report), _questions(report),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _header(report: Report) -> str:
    lines = [f"# After-action report: {inline(report.title)}", ""]
    facts = [f"seed {report.seed}", f"{report.turns_played} of {report.turn_limit} turns played",
             f"peak rung {report.peak} ({inline(report.chart.rung_names[report.peak])})"]
    if report.setting:
        facts.insert(0, inline(report.setting))
    lines.append(" · ".join(facts))
    lines.append("")
    lines.append("Actors: " + "; ".join(f"**{inline(a.name)}** ({inline(a.leader)})" for a in report.actors))
    return "\n".join(lines)


def _outcome(report: Report) -> str:
    lines = ["## Outcome", ""]
    o = report.outcome
    if o is None:
        lines.append(f"The game is {report.status}; no outcome yet.")
        return "\n".join(lines)
    lines.append(f"**{o.kind.capitalize()}** on turn {o.turn}: {inline(o.reason)}.")
    lines += ["", "| Actor | Score | Why |", "|---|---:|---|"]
    for s in o.scores:
        lines.append(f"| {cell(report.actor_name(s.actor))} | {s.score:+d} | {cell(s.notes)} |")
    return "\n".join(lines)


def _chart(report: Report) -> str:
    chart = report.chart
    lines = ["## Escalation chart", ""]
    if not chart.points:
        lines.append(f"No turn was resolved; the crisis stands at rung {chart.start_rung}.")
        return "\n".join(lines)
    lines += ["```", *text_chart(report), "```", ""]
    names = [report.actor_name(a) for a, _ in chart.points[0].perceived]
    lines.append("| Turn | | Actual rung | " + " | ".join(f"{cell(n)} believed" for n in names) + " |")
    lines.append("|---:|---|---:|" + "---:|" * len(names))
    for p in chart.points:
        lines.append(f"| {p.turn} | {cell(p.label)} | {p.rung} | " + " | ".join(f"{v:.1f}" for _, v in p.perceived) + " |")
    return "\n".join(lines)


def text_chart(report: Report) -> list[str]:
    """Rungs down the side, turns across: ● the actual rung, digits each actor's belief (rounded)."""
    chart = report.chart
    actors = [a for a, _ in chart.points[0].perceived]
    values = [chart.start_rung] + [p.rung for p in chart.points]
    values += [round(v) for p in chart.points for _, v in p.perceived]
    high, low = min(chart.top_rung, max(values) + 1), max(0, min(values) - 1)
    width = len(actors) + 2
    name_width = 26
    lines = [" " * (name_width + 5) + "".join(f"{p.turn:<{width}}" for p in chart.points).rstrip()]
    for rung in range(high, low - 1, -1):
        for band in chart.bands:
            if band.high == rung and band.threshold and rung < high:
                label = f" {code(band.threshold)} "
                lines.append("    " + label.center(name_width + 1 + width * len(chart.points), "─").rstrip())
        name = code(chart.rung_names[rung])
        name = name if len(name) <= name_width else name[: name_width - 1] + "…"
        row = f"{rung:>3} {name:<{name_width}} "
        for point in chart.points:
            marks = ("●" if point.rung == rung else "") + "".join(
                str(i + 1) for i, (_, v) in enumerate(point.perceived) if round(v) == rung
            )
            row += f"{marks or '·':<{width}}"
        lines.append(row.rstrip())
    legend = ", ".join(f"{i + 1} {code(report.actor_name(a))}" for i, a in enumerate(actors))
    lines += ["", f"● actual rung; {legend}: what each believed (rounded)."]
    return lines


def _turning_points(report: Report) -> str:
    lines = ["## Turning points"]
    for kind, heading in TURNING_HEADINGS.items():
        points = [p for p in report.turning_points if p.kind == kind]
        lines += ["", f"### {heading}", ""]
        if not points:
            lines.append("- None.")
        lines += [f"- **Turn {p.turn}** ({inline(p.label)}): {inline(p.text)}" for p in points]
    return "\n".join(lines)


def _timeline(report: Report) -> str:
    lines = ["## Timeline"]
    for entry in report.timeline:
        lines += ["", f"### Turn {entry.turn}: {inline(entry.label)}", "",
                  f"Rung {entry.rung_before} → {entry.rung_after} ({inline(entry.band)})."]
        lines += ["", "Moves:"] + [f"- {_move(report, m)}" for m in entry.moves]
        if entry.messages:
            lines += ["", "Messages:"] + [f"- {_message(report, m)}" for m in entry.messages]
        for kind, title in (("event", "Events"), ("inject", "Facilitator"), ("red line", "Red lines"),
                            ("agreement", "Agreements"), ("news", "News")):
            found = [h for h in entry.happenings if h.kind == kind]
            if found:
                lines += ["", f"{title}:"] + [f"- {inline(h.text)}" for h in found]
        if entry.off_ramps:
            lines += ["", "Off-ramps not taken:"] + [f"- {inline(r.text)}." for r in entry.off_ramps]
    return "\n".join(lines)


def _move(report: Report, move: MoveLine) -> str:
    target = f" → {inline(report.actor_name(move.target))}" if move.target else ""
    covert = " (covert)" if move.covert else ""
    seen = []
    for r in move.readings:
        who = inline(report.actor_name(r.observer))
        if not r.seen:
            seen.append(f"{who} did not notice")
        else:
            seen.append(f"{who} read {r.perceived:+.1f}" + (" (misread)" if r.misread else ""))
    return (f"**{inline(report.actor_name(move.actor))}**: {inline(move.move)}{target}{covert}, "
            f"{move.escalation_words}" + (f"; {', '.join(seen)}" if seen else ""))


def _message(report: Report, m) -> str:
    text = f"#{m.id} {inline(report.actor_name(m.sender))} → {inline(report.actor_name(m.recipient))}, {m.kind}"
    if m.reply_to is not None:
        text += f" to #{m.reply_to}"
    if m.text:
        text += f": “{inline(m.text)}”"
    if m.offer:
        text += f"; offers: {inline('; '.join(m.offer))}"
    if m.ask:
        text += f"; asks: {inline('; '.join(m.ask))}"
    flags = [m.status] if m.status else []
    flags += ["garbled"] if m.garbled else []
    flags += ["delayed"] if m.delayed else []
    return text + (f" ({', '.join(flags)})" if flags else "")


def _ledgers(report: Report) -> str:
    lines = ["## Red lines and credibility"]
    for ledger in report.ledgers:
        lines += ["", f"### {inline(report.actor_name(ledger.actor))}", "", inline(ledger.verdict), "",
                  "Credibility by turn: " + " → ".join(str(c) for c in ledger.credibility)]
        if ledger.own_lines:
            lines += ["", "| Red line | Against | Declared | Source | Status | Crossed | Answered | Answer would be |",
                      "|---|---|---|---|---|---:|---:|---|"]
            for line in ledger.own_lines:
                lines.append(
                    f"| {cell(line.description)} | {cell(report.actor_name(line.against))} | "
                    f"{'yes' if line.declared else 'secret'} | {line.source} | {line.status} | "
                    f"{_turn(line.crossed_turn)} | {_turn(line.answered_turn)} | {cell(', '.join(line.response))} |"
                )
        if ledger.lines_crossed:
            lines += [""] + [
                f"- Crossed {inline(possessive(report.actor_name(line.owner)))} red line “{inline(line.description)}” on turn "
                f"{line.crossed_turn} ({line.status})." for line in ledger.lines_crossed
            ]
        for p in ledger.promises:
            state = (f"broken by {inline(report.actor_name(p.broken_by))} on turn {p.broken_turn}"
                     if p.status == "broken" else f"in force, kept {p.kept_turns} turn{'s' * (p.kept_turns != 1)}")
            lines.append(f"- Commitment #{p.id} (turn {p.turn}, {inline(' and '.join(report.actor_name(a) for a in p.parties))}): "
                         f"{inline('; '.join(p.terms))}, {state}.")
    return "\n".join(lines)


def _turn(turn: int | None) -> str:
    return "—" if turn is None else str(turn)


def _indicators(report: Report) -> str:
    if not report.indicators:
        return ""
    lines = ["## Warning indicators", "", "Level 0 (quiet) to 3 (alarm) at the end of each turn.", "",
             "| Turn | " + " | ".join(cell(n) for n in report.indicator_names) + " |",
             "|---:|" + "---|" * len(report.indicator_names)]
    for row in report.indicators:
        lines.append(f"| {row.turn} | " + " | ".join(f"{MARKS[v]} {v}" for v in row.levels) + " |")
    return "\n".join(lines)


def _metrics(report: Report) -> str:
    lines = ["## Crisis metrics", "",
             "| | " + " | ".join(name for name, _ in METRIC_COLUMNS) + " |",
             "|---|" + "---:|" * len(METRIC_COLUMNS)]
    for m in report.metrics:
        label = "**Total**" if m.actor is None else cell(report.actor_name(m.actor))
        lines.append(f"| {label} | " + " | ".join(value(m) for _, value in METRIC_COLUMNS) + " |")
    return "\n".join(lines)


def _questions(report: Report) -> str:
    lines = ["## Questions for discussion", ""]
    lines += [f"{i}. {inline(q)}" for i, q in enumerate(report.questions, start=1)]
    return "\n".join(lines)




# ------------------------------------------------------------------ comparison


def side_by_side(c) -> list[tuple[str, str, str]]:
    """The summary rows of a comparison: (what, branch A, branch B); shared by both renderers."""
    a, b = c.a.report, c.b.report
    rows = [
        ("Outcome", _ending(a), _ending(b)),
        ("Turns played", str(a.turns_played), str(b.turns_played)),
        ("Peak rung", str(a.peak), str(b.peak)),
        ("Final rung", _final_rung(a), _final_rung(b)),
    ]
    scores_a = {s.actor: s.score for s in a.outcome.scores} if a.outcome else {}
    scores_b = {s.actor: s.score for s in b.outcome.scores} if b.outcome else {}
    for actor in a.actors:
        rows.append((f"Score: {actor.name}", _score(scores_a.get(actor.id)), _score(scores_b.get(actor.id))))
    total_a, total_b = a.metrics[-1], b.metrics[-1]
    for title, value in METRIC_COLUMNS:
        rows.append((title, value(total_a), value(total_b)))
    return rows


def _ending(report: Report) -> str:
    o = report.outcome
    return f"{o.kind} on turn {o.turn}" if o else report.status


def _final_rung(report: Report) -> str:
    return str(report.chart.points[-1].rung) if report.chart.points else str(report.chart.start_rung)


def _score(score: int | None) -> str:
    return "—" if score is None else f"{score:+d}"


def turn_cells(report: Report, entry) -> dict[str, str]:
    """One branch's turn in a few short cells: the rung, each actor's move, messages, what happened."""
    if entry is None:
        return {"Rung": "(over)"}
    cells = {"Rung": f"{entry.rung_before} → {entry.rung_after}"}
    for move in entry.moves:
        target = f" → {report.actor_name(move.target)}" if move.target else ""
        cells[report.actor_name(move.actor)] = f"{move.move}{target} ({move.escalation_words.removeprefix('escalation ')})"
    cells["Messages"] = "; ".join(f"{m.kind} {report.actor_name(m.sender)} → {report.actor_name(m.recipient)}"
                                  + (f" ({m.status})" if m.status else "") for m in entry.messages) or "—"
    cells["Happened"] = " ".join(
        h.text for h in entry.happenings if h.kind in ("event", "inject", "red line", "agreement")) or "—"
    return cells


def render_comparison_markdown(c) -> str:
    lines = [f"# Two branches of {inline(c.title)}", "",
             f"- **A**: {inline(c.a.label)} ({c.a.decisions} decisions)",
             f"- **B**: {inline(c.b.label)} ({c.b.decisions} decisions)", "", inline(c.divergence), "",
             "## Side by side", "", "| | A | B |", "|---|---|---|"]
    lines += [f"| {cell(what)} | {cell(x)} | {cell(y)} |" for what, x, y in side_by_side(c)]
    if c.divergence_turn is None:
        return "\n".join(lines) + "\n"
    a_points = {p.turn: p.rung for p in c.a.report.chart.points}
    b_points = {p.turn: p.rung for p in c.b.report.chart.points}
    lines += ["", f"## The ladder from turn {c.divergence_turn}", "", "| Turn | A rung | B rung |", "|---:|---:|---:|"]
    for row in c.rows:
        lines.append(f"| {row.turn} | {a_points.get(row.turn, '—')} | {b_points.get(row.turn, '—')} |")
    lines += ["", f"## Turn by turn from turn {c.divergence_turn}"]
    for row in c.rows:
        left, right = turn_cells(c.a.report, row.a), turn_cells(c.b.report, row.b)
        label = (row.a or row.b).label
        lines += ["", f"### Turn {row.turn}: {inline(label)}", "", "| | A | B |", "|---|---|---|"]
        for key in dict.fromkeys([*left, *right]):
            lines.append(f"| {cell(key)} | {cell(left.get(key, '—'))} | {cell(right.get(key, '—'))} |")
    return "\n".join(lines) + "\n"
