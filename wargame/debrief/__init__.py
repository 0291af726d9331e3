"""The after-action report: what happened, why, and what to discuss.

``build_report(game)`` computes the report as plain data (``model``); the
renderers lay it out as Markdown or as one self-contained HTML file with
inline SVG charts. ``build_comparison`` sets two branches of the same
crisis side by side from the turn where they diverge.
"""

from wargame.debrief.build import build_report
from wargame.debrief.compare import CompareError, build_comparison
from wargame.debrief.model import Comparison, Report
from wargame.debrief.render_html import render_comparison_html, render_html
from wargame.debrief.render_md import render_comparison_markdown, render_markdown

__all__ = [
    "CompareError", "Comparison", "Report", "build_comparison", "build_report", "render_comparison_html",
    "render_comparison_markdown", "render_html", "render_markdown",
]
