"""The facilitator sets one stat of one actor, or the rung, to a value, and says why."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from wargame.engine.decisions import MAX_TEXT, Override
from wargame.engine.views import FacilitatorView
from wargame.scenario.model import STATS
from wargame.tui.text import STAT_LABELS
from wargame.tui.untrusted import plain

LADDER = "-ladder"  # the option id that stands for "the rung", which belongs to no actor


class OverrideScreen(ModalScreen[Override | None]):
    """Pick what to set (an actor's stat, or the rung), type the value and the reason.

    ``apply`` hands the ``Override`` to the engine and returns its refusal as
    text (or None); a refusal stays in the dialog so the facilitator can
    correct the value, and the dialog dismisses with the applied override.
    The reason is required here: it goes into the save and the report, so
    the debrief can say why the facilitator stepped in.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, view: FacilitatorView, apply: Callable[[Override], str | None]) -> None:
        super().__init__()
        self.view = view
        self.apply = apply

    def compose(self) -> ComposeResult:
        actors = [(a.id, a.name) for a in self.view.actors]
        with Vertical(classes="dialog", id="override-dialog"):
            yield Label("Override a stat or the rung", classes="dialog-title")
            with Horizontal(id="override-pickers"):
                yield OptionList(
                    Option(f"The ladder (rung {self.view.rung})", id=LADDER),
                    *[Option(plain(name), id=actor) for actor, name in actors],
                    id="override-target",
                )
                yield OptionList(id="override-stat")
            yield Input(placeholder="new value", id="override-value", type="integer")
            yield Input(placeholder="reason (required: it goes into the save and the report)", id="override-reason",
                        max_length=MAX_TEXT)
            yield Static(id="override-error")
            yield Label("Tab: next field · Enter applies once the value and the reason are in · Esc cancels",
                        classes="dialog-hint")

    def on_mount(self) -> None:
        targets = self.query_one("#override-target", OptionList)
        targets.highlighted = 0
        self._show_stats(LADDER)
        targets.focus()

    def _show_stats(self, target: str) -> None:
        stats = self.query_one("#override-stat", OptionList)
        stats.clear_options()
        if target == LADDER:
            stats.add_option(Option(f"Rung (0–{self.view.top_rung}, now {self.view.rung})", id="rung"))
        else:
            values = self.view.actor(target).stats
            stats.add_options([Option(f"{STAT_LABELS[s]} (now {values[s]})", id=s) for s in STATS])
        stats.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "override-target" and event.option.id:
            self._show_stats(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        target = self.query_one("#override-target", OptionList)
        stat = self.query_one("#override-stat", OptionList)
        if target.highlighted is None or stat.highlighted is None:
            return
        value_box, reason_box = self.query_one("#override-value", Input), self.query_one("#override-reason", Input)
        try:
            value = int(value_box.value)
        except ValueError:
            self.refuse("Type a whole number.")
            value_box.focus()
            return
        reason = " ".join(reason_box.value.split())
        if not reason:
            self.refuse("Give a reason: it goes into the save and the report.")
            reason_box.focus()
            return
        actor = target.get_option_at_index(target.highlighted).id
        override = Override(None if actor == LADDER else actor, stat.get_option_at_index(stat.highlighted).id, value, reason)
        error = self.apply(override)
        if error:
            self.refuse(error)
            value_box.focus()
        else:
            self.dismiss(override)

    def refuse(self, reason: str) -> None:
        self.query_one("#override-error", Static).update(plain(reason))

    def action_cancel(self) -> None:
        self.dismiss(None)
