"""The keys that work here and now, read from the ``BINDINGS`` of the app, the current screen and its panels.

Which ones is ``wargame.tui.app.help_sections``'s choice (the mode and the
phase decide); this screen lays them out.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

ABOUT = (
    "Each turn: read the briefing and news, talk on the hotline (space closes it), "
    "pick one move in Orders and press space to end the turn. Moves greyed out are "
    "not available now; the reason is shown under them."
)


def as_binding(item) -> Binding:
    return item if isinstance(item, Binding) else Binding(*item)


class HelpScreen(ModalScreen[None]):
    """A table of keys, one section per place they work in (the app everywhere, then this screen)."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def __init__(self, sections: list[tuple[str, list]]) -> None:
        super().__init__()
        self.sections = sections
        self.rows: list[tuple[str, str]] = []  # (keys, what they do), as shown

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(Text(ABOUT), classes="dialog-body")
                yield Static(self._table())
            yield Label("Escape closes · ctrl+p opens the command palette", classes="dialog-hint")

    def _table(self) -> Table:
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True, min_width=10)
        table.add_column("does", ratio=1)
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            seen = set()
            for binding in map(as_binding, bindings):
                keys = ", ".join(self.app.get_key_display(Binding(k.strip(), binding.action)) for k in binding.key.split(","))
                text = binding.description or binding.action
                if binding.tooltip:
                    text = f"{text} — {binding.tooltip}"
                if (keys, text) not in seen:
                    seen.add((keys, text))
                    self.rows.append((keys, text))
                    table.add_row(keys, text)
            table.add_row("", "")
        return table

    def action_close(self) -> None:
        self.dismiss(None)
