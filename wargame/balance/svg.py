"""Inline SVG charts for the HTML balance report: no script, no fonts, no external reference.

Each function returns one ``<svg>`` element as an ``Element`` tree that the
report's template writes, escaping every label (scenario files are written
by strangers); every shape carries a ``<title>`` so hovering shows the
exact number.
"""

from __future__ import annotations

from wargame.balance.stats import FiveNumbers
from wargame.templating import Element, el

LABEL_WIDTH = 190
CHART_WIDTH = 460
ROW = 22
BAR = 14
FONT = 12

OUTCOME_COLOURS = {
    "settled": "#2e7d32",
    "defused": "#0277bd",
    "stalemate": "#9e9e9e",
    "capitulation": "#ef6c00",
    "war": "#c62828",
}
BAND_COLOURS = {
    "green": "#43a047",
    "yellow": "#f9a825",
    "orange": "#fb8c00",
    "red": "#e53935",
    "magenta": "#d81b60",
    "purple": "#8e24aa",
}
INK, GRID, ACCENT = "#222", "#ddd", "#3949ab"


def _label_width(labels) -> float:
    """Room for the longest label (about 7.2 px a character at 12 px, generously), at least ``LABEL_WIDTH``."""
    return max([LABEL_WIDTH] + [7.2 * len(label) + 16 for label in labels])


def _svg(width: float, height: float, body: list[Element], label: str) -> Element:
    return el("svg", {"xmlns": "http://www.w3.org/2000/svg", "role": "img", "aria-label": label,
                      "width": f"{width:.0f}", "height": f"{height:.0f}", "viewBox": f"0 0 {width:.0f} {height:.0f}",
                      "font-family": "sans-serif", "font-size": FONT}, children=tuple(body))


def _text(x: float, y: float, text: str, anchor: str = "start", fill: str = INK) -> Element:
    return el("text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "text-anchor": anchor, "fill": fill}, text)


def _rect(x: float, y: float, w: float, h: float, fill: str, title: str) -> Element:
    return el("rect", {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{max(w, 0):.1f}", "height": f"{h:.1f}",
                       "fill": fill}, title=title)


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str = INK, width: float = 1) -> Element:
    return el("line", {"x1": f"{x1:.1f}", "y1": f"{y1:.1f}", "x2": f"{x2:.1f}", "y2": f"{y2:.1f}", "stroke": stroke,
                       "stroke-width": width})


def stacked_bars(rows: list[tuple[str, list[tuple[str, int]]]], colours: dict[str, str], label: str) -> Element:
    """One 100% bar per row: ``rows`` are (label, [(part name, count), ...])."""
    height = ROW * len(rows) + 8
    left = _label_width(name for name, _ in rows)
    body = []
    for i, (name, parts) in enumerate(rows):
        y = 4 + i * ROW
        total = sum(count for _, count in parts)
        body.append(_text(left - 8, y + BAR - 3, name, "end"))
        x = left
        for part, count in parts:
            if not count:
                continue
            w = CHART_WIDTH * count / total
            body.append(_rect(x, y, w, BAR, colours[part], f"{name}: {part} {count} of {total} ({100 * count / total:.0f}%)"))
            x += w
    return _svg(left + CHART_WIDTH + 10, height, body, label)


def bars(rows: list[tuple[str, float, str, str]], label: str, maximum: float = 1.0) -> Element:
    """Horizontal bars: ``rows`` are (label, value, colour, tooltip); the axis runs 0..``maximum``."""
    height = ROW * len(rows) + 8
    left = _label_width(name for name, _, _, _ in rows)
    body = []
    for i, (name, value, colour, title) in enumerate(rows):
        y = 4 + i * ROW
        body.append(_text(left - 8, y + BAR - 3, name, "end"))
        body.append(_rect(left, y, CHART_WIDTH, BAR, "#f3f3f3", title))
        body.append(_rect(left, y, CHART_WIDTH * (value / maximum if maximum else 0), BAR, colour, title))
        body.append(_text(left + CHART_WIDTH + 6, y + BAR - 3, f"{100 * value / maximum:.0f}%"
                          if maximum == 1.0 else f"{value:g}"))
    return _svg(left + CHART_WIDTH + 50, height, body, label)


def columns(cols: list[tuple[str, int, str, str]], label: str, marker: int | None = None) -> Element:
    """A histogram: ``cols`` are (axis label, count, colour, tooltip); ``marker`` draws a line before that column."""
    plot_h, width, top_pad = 150, 30, 20
    base = top_pad + plot_h
    top = max((count for _, count, _, _ in cols), default=0) or 1
    body = [_line(30, base, 30 + width * len(cols), base, GRID)]
    for i, (name, count, colour, title) in enumerate(cols):
        h = plot_h * count / top
        x = 30 + i * width
        body.append(_rect(x + 3, base - h, width - 6, h, colour, title))
        body.append(_text(x + width / 2, base + 14, name, "middle"))
        if count:
            body.append(_text(x + width / 2, base - h - 4, str(count), "middle"))
    if marker is not None:
        x = 30 + marker * width
        body.append(_line(x, 4, x, base + 4, "#c62828", 1.5))
        body.append(_text(x + 3, 14, "war", fill="#c62828"))
    return _svg(40 + width * len(cols), base + 24, body, label)


def box_plots(rows: list[tuple[str, FiveNumbers]], label: str) -> Element:
    """One box plot per row (whiskers at min and max, box from Q1 to Q3, median line, mean dot)."""
    lo = min((r.minimum for _, r in rows), default=0)
    hi = max((r.maximum for _, r in rows), default=0)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    left = _label_width(name for name, _ in rows)

    def x(value: float) -> float:
        return left + CHART_WIDTH * (value - lo) / (hi - lo)

    row_h = 28
    height = row_h * len(rows) + 30
    body = []
    if lo < 0 < hi:
        body.append(_line(x(0), 0, x(0), row_h * len(rows), GRID, 1.5))
    for i, (name, s) in enumerate(rows):
        mid = 6 + i * row_h + BAR / 2
        tip = (f"{name}: mean {s.mean:+.1f}, min {s.minimum:+g}, Q1 {s.q1:+g}, median {s.median:+g}, "
               f"Q3 {s.q3:+g}, max {s.maximum:+g}")
        body.append(_text(left - 8, mid + 4, name, "end"))
        body.append(_line(x(s.minimum), mid, x(s.maximum), mid))
        body.append(_line(x(s.minimum), mid - 5, x(s.minimum), mid + 5))
        body.append(_line(x(s.maximum), mid - 5, x(s.maximum), mid + 5))
        body.append(_rect(x(s.q1), mid - BAR / 2, x(s.q3) - x(s.q1), BAR, "#c5cae9", tip))
        body.append(_line(x(s.median), mid - BAR / 2, x(s.median), mid + BAR / 2, ACCENT, 2))
        body.append(el("circle", {"cx": f"{x(s.mean):.1f}", "cy": f"{mid:.1f}", "r": 3, "fill": INK}, title=tip))
    axis_y = row_h * len(rows) + 6
    body.append(_line(left, axis_y, left + CHART_WIDTH, axis_y, GRID))
    for value in _ticks(lo, hi):
        body.append(_line(x(value), axis_y, x(value), axis_y + 4, INK))
        body.append(_text(x(value), axis_y + 16, f"{value:+g}" if value else "0", "middle"))
    return _svg(left + CHART_WIDTH + 20, height, body, label)


def _ticks(lo: float, hi: float) -> list[float]:
    span = hi - lo
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if span / s <= 8), span / 8)
    first = -(-lo // step) * step
    ticks = []
    value = first
    while value <= hi:
        ticks.append(value)
        value += step
    return ticks
