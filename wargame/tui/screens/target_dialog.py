"""Pick the target of a move among those the engine allows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from wargame.tui.untrusted import plain


class TargetScreen(ModalScreen[str | None]):
    """Dismisses with the chosen actor id, or None on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, move_name: str, targets: list[tuple[str, str]]) -> None:
        super().__init__()
        self.move_name = move_name
        self.targets = targets

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(f"{self.move_name}: against whom?"), classes="dialog-title")
            yield OptionList(*[Option(plain(name), id=actor) for actor, name in self.targets], id="targets")
            yield Label("Enter to choose · Escape to cancel", classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
