"""The facilitator picks one of the scenario's injects to fire."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from wargame.tui.white_cell import inject_summary


class InjectScreen(ModalScreen[str | None]):
    """Dismisses with the chosen inject id, or None on escape; injects already fired are greyed."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, scenario, fired: dict[str, int]) -> None:
        super().__init__()
        self.scenario = scenario
        self.fired = fired

    def compose(self) -> ComposeResult:
        injects = self.scenario.spec.injects
        with Vertical(classes="dialog", id="inject-dialog"):
            yield Label("Fire an inject", classes="dialog-title")
            if injects:
                yield OptionList(*[self._option(inject) for inject in injects], id="injects")
            else:
                yield Label("This scenario has no injects.", classes="dialog-body")
            yield Label("Enter fires it (it goes into the game and the save) · Escape cancels", classes="dialog-hint")

    def _option(self, inject) -> Option:
        text = Text(inject.title, "bold")
        text.append("\n  " + inject_summary(self.scenario, inject), "dim")
        if inject.id in self.fired:
            text.append(f"\n  fired on turn {self.fired[inject.id]}", "italic")
        return Option(text, id=inject.id, disabled=inject.id in self.fired)

    def on_mount(self) -> None:
        if self.scenario.spec.injects:
            self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
