"""The first screen of a join without a code (``wargame join HOST``, and every browser page of ``--web``).

A student types the code the instructor handed out and presses Enter; the
App connects in a worker (the host may take a moment to answer) and, on a
wrong code, puts the host's one-line refusal back on this screen so the
student can try again. Nothing of the game is known here before the host
accepts the code.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from wargame.tui.untrusted import plain


class CodeScreen(Screen[None]):
    """Asks for a join code; the App's ``try_code(code)`` connects and answers with ``refused(reason)``."""

    BINDINGS = [Binding("escape", "app.request_quit", "Quit")]
    DEFAULT_CSS = """
    CodeScreen { align: center middle; }
    CodeScreen .dialog { width: 64; }
    #code-error { color: $text-error; height: auto; }
    """

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Join a game", classes="dialog-title")
            yield Static(plain(f"Host: {self.where}"), classes="dialog-hint")
            yield Static("Type your team's join code (from the instructor), then Enter.", classes="dialog-hint")
            yield Input(placeholder="g1-side-XXXX-XXXX-XXXX", id="code", max_length=80)
            yield Static(id="code-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        code = event.value.strip()
        if not code:
            self.refused("Type a code first.")
            return
        self.query_one(Input).disabled = True
        self.query_one("#code-error", Static).update("Joining…")
        self.app.try_code(code)  # type: ignore[attr-defined]

    def refused(self, reason: str) -> None:
        """The host said no (or could not be reached): say why, and let the student type again."""
        self.query_one("#code-error", Static).update(plain(reason))
        field = self.query_one(Input)
        field.disabled = False
        field.focus()
