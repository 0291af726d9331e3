"""Save the game under a name in the saves folder."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from wargame.tui.untrusted import plain


class SaveScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen file path (not yet written), or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path, suggestion: str) -> None:
        super().__init__()
        self.folder = folder
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save the game", classes="dialog-title")
            yield Static(plain(f"Folder: {self.folder}"), classes="dialog-hint")
            yield Input(value=self.suggestion, placeholder="name of the save", id="save-name")
            yield Static(id="save-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _chosen(self) -> Path | None:
        name = self.query_one(Input).value.strip()
        if not name or "/" in name or "\\" in name or name.startswith("."):
            self.query_one("#save-error", Static).update("A save name is a plain file name, without folders.")
            return None
        return self.folder / (name if name.endswith(".json") else name + ".json")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if (path := self._chosen()) is not None:
            self.dismiss(path)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.dismiss(None)
        elif (path := self._chosen()) is not None:
            self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
