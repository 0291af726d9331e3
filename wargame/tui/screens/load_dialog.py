"""Pick a save to resume, newest first; unreadable files are listed with the reason."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from wargame.tui.untrusted import plain


def summary_text(summary) -> Text:
    """One save as three lines: scenario, turn and date in the game; who played which side; outcome, last saved, file.

    All of it is the save's own text, shown plain.
    """
    if not summary.readable:
        return Text.assemble(plain(summary.path.name, "bold"), "\n", plain(f"  unreadable: {summary.problem}", "italic"))
    when = f"turn {summary.turn}" + (f" · {summary.turn_label}" if summary.turn_label else "")
    state = [f"over: {summary.outcome}"] if summary.outcome else []
    if summary.from_turn:
        state.append(f"branch from turn {summary.from_turn}")
    state += [f"saved {local_time(summary.saved_at)}", summary.path.name]
    return Text.assemble(
        plain(summary.scenario_title, "bold"), plain(f" · {when}"), "\n",
        plain(f"  {who_played(summary)}"), "\n",
        plain("  " + " · ".join(state), "dim"),
    )


def who_played(summary) -> str:
    """"humans: United States · computer: Soviet Union, Cuba" (or that the save does not say)."""
    sides = summary.sides()
    if all(human is None for _, human in sides):
        return "sides: " + ", ".join(name for name, _ in sides) + " (who played them is not recorded)"
    people = ", ".join(name for name, human in sides if human) or "none"
    computers = ", ".join(name for name, human in sides if not human) or "none"
    return f"humans: {people} · computer: {computers}"


def local_time(saved_at: str) -> str:
    """An ISO 8601 time as 'YYYY-MM-DD HH:MM' on this computer's clock (as written when it does not parse)."""
    try:
        moment = datetime.fromisoformat(saved_at)
    except ValueError:
        return saved_at[:16].replace("T", " ")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class LoadScreen(ModalScreen[Path | None]):
    """Dismisses with the path of the chosen save, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        from wargame.saves import list_saves

        summaries = list_saves(self.folder)
        with Vertical(classes="dialog"):
            yield Label("Resume a saved game", classes="dialog-title")
            yield Label(plain(f"Folder: {self.folder}"), classes="dialog-hint")
            options = [Option(summary_text(s), id=str(s.path), disabled=not s.readable) for s in summaries]
            if not options:
                options = [Option(Text("No saves yet.", "italic"), disabled=True)]
            yield OptionList(*options, id="saves")
            yield Label("Enter to load · Escape to cancel", classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(Path(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
