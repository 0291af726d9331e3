"""The one-line header: scenario, turn label, turn of turns, phase, your side, and what awaits your answer.

At 80 columns not everything fits: the parts are kept in order of need (the
phase, the turn, a proposal waiting for you, your side, the date, the title)
and the date is shortened before it is dropped.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from wargame.safe_text import printable
from wargame.tui.widgets.hotline_panel import awaiting_words

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

    COMPONENT_CLASSES = {"header--title", "header--phase", "header--dim", "header--waiting"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = None
        self.thinking = ""
        self.clock = ""  # a phase clock's words, in a game joined over the network

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
        waiting = "" if view.over else awaiting_words(view)
        parts = {  # shown left to right in this order; kept in the order of `need`
            "waiting": Text(f" ⏳ {waiting} ", style("header--waiting")) if waiting else Text(),
            "title": Text(" " + printable(view.scenario.spec.title), style("header--title")),
            "gap": Text(),
            "label": Text(printable(f" {view.turn_label} "), style("header--title")),
            "turn": Text(f" turn {view.turn}/{view.turns} ", style("header--dim")),
            "phase": Text(f" {self.thinking or PHASE_WORDS.get(phase, phase)} ", style("header--phase")),
            "clock": Text(f" {self.clock} ", style("header--waiting")) if self.clock else Text(),
            "side": Text(printable(f" {view.name} "), style("header--dim")),
        }
        need = ["phase", "clock", "turn", "waiting", "side", "label", "title"]
        kept: list[str] = []
        for name in need:
            room = width - sum(parts[k].cell_len for k in kept) - 1
            part = parts[name]
            if part.cell_len <= room:
                kept.append(name)
            elif name in ("label", "title") and room >= 10:
                part.truncate(room, overflow="ellipsis")
                kept.append(name)
        used = sum(parts[k].cell_len for k in kept)
        parts["gap"] = Text(" " * max(1, width - used))
        kept.append("gap")
        return Text("").join(parts[name] for name in parts if name in kept)
