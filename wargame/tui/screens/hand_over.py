"""Between two teams at one terminal: a blank screen that names who sits down next.

It shows only what every team may know (the scenario, the turn, whose turn
it is), so the team that just played can leave it on screen and step away.
Enter opens the next team's own screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from wargame.tui.widgets.key_bar import KeyBar

NEXT_WORDS = {
    "briefing": "your briefing",
    "hotline": "your hotline",
    "orders": "your orders",
    "aftermath": "the result of the turn",
    "over": "the result of the turn",
}


class HandOverScreen(Screen[None]):
    """'Pass the keyboard to the X team — press Enter when ready'; nothing of anyone's view."""

    BINDINGS = [Binding("enter", "ready", "Ready", priority=True, tooltip="The next team is at the keyboard")]

    def __init__(self, name: str, leader: str, phase: str, turn_label: str, title: str) -> None:
        super().__init__()
        self.team, self.leader, self.phase, self.turn_label, self.scenario_title = name, leader, phase, turn_label, title

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(self._text(), id="hand-over")
        yield KeyBar()

    def _text(self) -> Text:
        text = Text(justify="center")
        text.append(f"{self.scenario_title} · {self.turn_label}\n\n", "dim")
        text.append(f"Pass the keyboard to the {self.team} team\n", "bold")
        text.append(f"{self.leader}\n\n", "italic")
        text.append(f"Next: {NEXT_WORDS.get(self.phase, self.phase)}.\n")
        text.append("Press Enter when ready.", "bold")
        return text

    def action_ready(self) -> None:
        self.app.seat_ready()
