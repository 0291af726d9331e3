"""Save the game under a name in the saves folder, or anywhere the player types a path."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from wargame.tui.untrusted import plain


def chosen_path(text: str, folder: Path, suggestion: str) -> Path | None:
    """Where a typed answer saves: a plain name goes in ``folder``; a path (with a folder part) goes where it says.

    A path that names a folder, or ends with a separator, gets the suggested
    file name inside it; ``.json`` is added when missing. None: nothing usable.
    """
    text = text.strip()
    if not text:
        return None
    if "/" not in text and "\\" not in text and not text.startswith("~"):
        if text.startswith((".", "-")):
            return None
        path = folder / text
    else:
        path = Path(text).expanduser()
        if text.endswith(("/", "\\")) or path.is_dir():
            path = path / suggestion
    return path if path.suffix == ".json" else path.with_name(path.name + ".json")


class SaveScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen file path (not yet written), or None.

    ``problem`` says why the dialog opened (a folder that could not be
    written): the player then types another folder or path.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path, suggestion: str, problem: str = "") -> None:
        super().__init__()
        self.folder = folder
        self.suggestion = suggestion
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save the game", classes="dialog-title")
            if self.problem:
                yield Static(plain(self.problem), id="save-problem", classes="dialog-hint")
            yield Static(plain(f"Folder: {self.folder}  (or type a path: ~/elsewhere/, /tmp/game.json)"),
                         classes="dialog-hint")
            yield Input(value=self.suggestion, placeholder="name of the save, or a path", id="save-name")
            yield Static(id="save-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _chosen(self) -> Path | None:
        path = chosen_path(self.query_one(Input).value, self.folder, self.suggestion)
        if path is None:
            self.query_one("#save-error", Static).update("Type a name (not starting with . or -), or a path.")
        return path

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
