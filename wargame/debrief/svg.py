"""Inline SVG charts for the HTML report: drawn from report data, no scripts, no external files.

Each chart is an ``Element`` tree that the report's template writes, escaping every label.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.debrief.model import Chart
from wargame.templating import Element, el

# band colour name -> (background tint, strong colour for text and lines)
BAND_COLORS = {
    "green": ("#e4f3e1", "#2e7d32"),
    "yellow": ("#fbf3cf", "#8a6d00"),
    "orange": ("#fde5d0", "#b85300"),
    "red": ("#f9dada", "#b71c1c"),
    "magenta": ("#f6dbeb", "#9c1458"),
    "purple": ("#ebdff4", "#6a1b9a"),
}
ACTOR_COLORS = ("#1f5fbf", "#0a8a7a", "#8e44ad", "#b8860b", "#c2185b", "#4e5d6c", "#2e7d32", "#e65100")
ACTUAL = "#111111"


def band_colors(color: str) -> tuple[str, str]:
    return BAND_COLORS.get(color, ("#eeeeee", "#444444"))


def actor_color(index: int) -> str:
    return ACTOR_COLORS[index % len(ACTOR_COLORS)]


class _Frame:
    """Coordinates of a ladder chart: turns across (0 = the start), rungs up."""

    def __init__(self, chart: Chart, turns: int, width: int = 960, height: int = 470):
        self.width, self.height = width, height
        self.left, self.right, self.top, self.bottom = 52, 230, 16, 54
        self.turns = max(1, turns)
        self.rungs = chart.top_rung + 1
        self.plot_w = width - self.left - self.right
        self.plot_h = height - self.top - self.bottom
        self.step = self.plot_h / self.rungs

    def x(self, turn: float) -> float:
        return round(self.left + 16 + turn * (self.plot_w - 32) / self.turns, 1)

    def y(self, rung: float) -> float:
        return round(self.top + (self.rungs - 0.5 - rung) * self.step, 1)


@dataclass(frozen=True)
class Series:
    """One line of a ladder chart; ``points`` start with (0, start rung)."""

    css: str
    color: str
    points: list[tuple[int, float]]
    label: str
    bold: bool = False
    dashed: bool = False


def ladder_chart(chart: Chart, series: list[Series], title: str, marker: tuple[int, str] | None = None) -> Element:
    """The ladder with its bands and thresholds, one line per series (the first on top).

    Every point after the start is a circle of the series' class with a
    tooltip; ``marker`` draws a labelled vertical line at a turn.
    """
    turns = max((t for s in series for t, _ in s.points), default=1)
    f = _Frame(chart, turns)
    out = [*_bands(chart, f), _axes(chart, f, turns)]
    if marker is not None:
        x = f.x(marker[0] - 0.5)
        out.append(el("line", {"class": "marker", "x1": x, "x2": x, "y1": f.top, "y2": f.top + f.plot_h, "stroke": "#444",
                               "stroke-width": 2, "stroke-dasharray": "2 4"}))
        out.append(el("text", {"x": x + 5, "y": f.top + 14, "font-size": 13, "fill": "#333"}, marker[1]))
    for s in reversed(series):
        dash = {"stroke-dasharray": "7 5"} if s.dashed else {}
        coords = " ".join(f"{f.x(t)},{f.y(r)}" for t, r in s.points)
        out.append(el("polyline", {"class": f"line {s.css}", "points": coords, "fill": "none", "stroke": s.color,
                                   "stroke-width": 4 if s.bold else 2.5, "stroke-linejoin": "round", **dash}))
        out.extend(el("circle", {"class": s.css, "cx": f.x(t), "cy": f.y(r), "r": 6 if s.bold else 3.5, "fill": s.color},
                      title=f"{s.label}, turn {t}: rung {r:g}")
                   for t, r in s.points if t)  # the start is drawn once, below
    out.append(el("rect", {"class": "start", "x": f.x(0) - 6, "y": f.y(chart.start_rung) - 6, "width": 12, "height": 12,
                           "fill": "#ffffff", "stroke": ACTUAL, "stroke-width": 2.5},
                  title=f"start: rung {chart.start_rung}"))
    return el("svg", {"class": "chart", "viewBox": f"0 0 {f.width} {f.height}", "width": "100%", "role": "img",
                      "aria-label": title}, title=title, children=tuple(out))


def _bands(chart: Chart, f: _Frame) -> list[Element]:
    """Band stripes first, then thresholds and names over them (a later stripe would hide them)."""
    stripes, marks = [], []
    for band in chart.bands:
        tint, strong = band_colors(band.color)
        top, bottom = f.y(band.high) - f.step / 2, f.y(band.low) + f.step / 2
        stripes.append(el("rect", {"class": "band", "x": f.left, "y": f"{top:.1f}", "width": f.plot_w,
                                   "height": f"{bottom - top:.1f}", "fill": tint}))
        marks.append(el("text", {"x": f.left + f.plot_w + 10, "y": f"{(top + bottom) / 2 + 5:.1f}", "fill": strong,
                                 "font-size": 15, "font-weight": 600}, band.name))
        if band.threshold and band.high < chart.top_rung:
            marks.append(el("line", {"class": "threshold", "x1": f.left, "x2": f.left + f.plot_w, "y1": f"{top:.1f}",
                                     "y2": f"{top:.1f}", "stroke": strong, "stroke-width": 2,
                                     "stroke-dasharray": "10 4"}))
            marks.append(el("text", {"class": "threshold-label", "x": f.left + 6, "y": f"{top - 4:.1f}", "fill": strong,
                                     "font-size": 13, "stroke": "#fbfbf8", "stroke-width": 3,
                                     "paint-order": "stroke"}, f"▲ {band.threshold}"))
    return stripes + marks


def _axes(chart: Chart, f: _Frame, turns: int) -> Element:
    out = [el("text", {"x": f.left - 8, "y": f.y(rung) + 4, "text-anchor": "end"}, rung)
           for rung in range(chart.top_rung + 1)]
    out += [el("text", {"x": f.x(turn), "y": f.top + f.plot_h + 20, "text-anchor": "middle"},
               "start" if turn == 0 else turn) for turn in range(0, turns + 1)]
    out.append(el("text", {"x": f.left + f.plot_w / 2, "y": f.height - 8, "text-anchor": "middle", "font-size": 15},
                  "turn"))
    out.append(el("text", {"x": 14, "y": f.top + f.plot_h / 2, "text-anchor": "middle", "font-size": 15,
                           "transform": f"rotate(-90 14 {f.top + f.plot_h / 2})"}, "rung"))
    return el("g", {"font-size": 13, "fill": "#333"}, children=tuple(out))


def sparkline(values: tuple[int, ...], color: str, label: str, low: int = 0, high: int = 100) -> Element:
    """A small line of a 0-100 stat across the turns, with its first and last values."""
    width, height, pad = 260, 48, 6
    span = max(1, len(values) - 1)
    points = " ".join(
        f"{pad + i * (width - 2 * pad) / span:.1f},{pad + (high - v) * (height - 2 * pad) / (high - low):.1f}"
        for i, v in enumerate(values)
    )
    return el("svg", {"class": "spark", "viewBox": f"0 0 {width} {height}", "width": width, "height": height,
                      "role": "img", "aria-label": label}, title=label, children=(
        el("rect", {"x": 0, "y": 0, "width": width, "height": height, "fill": "#f4f4f1"}),
        el("line", {"x1": pad, "x2": width - pad, "y1": height / 2, "y2": height / 2, "stroke": "#d0d0cc",
                    "stroke-dasharray": "3 3"}),
        el("polyline", {"points": points, "fill": "none", "stroke": color, "stroke-width": 2.5}),
    ))
