"""The one-line header: scenario, turn label, turn of turns, phase, your side."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

PHASE_WORDS = {
    "briefing": "Briefing",
    "hotline": "Hotline open",
    "orders": "Orders",
    "adjudication": "Resolving",
    "aftermath": "Aftermath",
    "over": "Game over",
}


class GameHeader(Static):
    """Where we are in the crisis, always visible."""

    COMPONENT_CLASSES = {"header--title", "header--phase", "header--dim"}

    def show(self, view, thinking: str = "") -> None:
        style = self.get_component_rich_style
        width = self.size.width or 80
        phase = "over" if view.over else view.phase
        left = Text()
        right = Text()
        right.append(f" {view.turn_label} ", style("header--title"))
        right.append(f" turn {view.turn}/{view.turns} ", style("header--dim"))
        right.append(f" {thinking or PHASE_WORDS.get(phase, phase)} ", style("header--phase"))
        right.append(f" {view.name} ", style("header--dim"))
        title = view.scenario.spec.title
        room = width - right.cell_len - 2
        if room >= 8:
            left.append(" " + (title if len(title) <= room else title[: room - 1] + "…"), style("header--title"))
        gap = max(1, width - left.cell_len - right.cell_len)
        self.update(left + Text(" " * gap) + right)
