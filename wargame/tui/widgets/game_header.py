"""The one-line header: scenario, turn label, turn of turns, phase, your side."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from wargame.safe_text import printable

PHASE_WORDS = {
    "briefing": "Briefing",
    "hotline": "Hotline open",
    "orders": "Orders",
    "adjudication": "Resolving",
    "aftermath": "Aftermath",
    "over": "Game over",
}


class GameHeader(Widget):
    """Where we are in the crisis, always visible; drawn to the width it has."""

    COMPONENT_CLASSES = {"header--title", "header--phase", "header--dim"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = None
        self.thinking = ""

    def show(self, view, thinking: str = "") -> None:
        self.view, self.thinking = view, thinking
        self.refresh()

    def render(self) -> Text:
        view = self.view
        if view is None:
            return Text("")
        style = self.get_component_rich_style
        width = self.size.width or 80
        phase = "over" if view.over else view.phase
        right = Text()
        right.append(printable(f" {view.turn_label} "), style("header--title"))
        right.append(f" turn {view.turn}/{view.turns} ", style("header--dim"))
        right.append(f" {self.thinking or PHASE_WORDS.get(phase, phase)} ", style("header--phase"))
        if width >= 70:
            right.append(printable(f" {view.name} "), style("header--dim"))
        title = printable(view.scenario.spec.title)
        room = width - right.cell_len - 2
        left = Text()
        if room >= 8:
            left.append(" " + (title if len(title) <= room else title[: room - 1] + "…"), style("header--title"))
        gap = max(1, width - left.cell_len - right.cell_len)
        return left + Text(" " * gap) + right
