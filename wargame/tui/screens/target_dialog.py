"""Pick the target of a move among those the engine allows, seeing the move's detail toward each."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from wargame.tui.untrusted import plain
from wargame.tui.widgets.text_pane import TextPane


class TargetScreen(ModalScreen[str | None]):
    """Dismisses with the chosen actor id, or None on escape.

    ``describe`` gives the move's detail toward one target; the pane under
    the list shows it for the highlighted target and follows the highlight.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    #target-detail { height: 10; padding: 1 0 0 0; }
    """

    def __init__(self, move_name: str, targets: list[tuple[str, str]],
                 describe: Callable[[str], Text] | None = None) -> None:
        super().__init__()
        self.move_name = move_name
        self.targets = targets
        self.describe = describe

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(f"{self.move_name}: against whom?"), classes="dialog-title")
            yield OptionList(*[Option(plain(name), id=actor) for actor, name in self.targets], id="targets")
            if self.describe is not None:
                yield TextPane(id="target-detail")
            yield Label("↑↓ to see each · Enter to choose · Escape to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self._show_detail()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        if self.describe is None:
            return
        option = self.query_one("#targets", OptionList).highlighted_option
        self.query_one("#target-detail", TextPane).show(self.describe(option.id) if option and option.id else "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
