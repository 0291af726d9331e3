"""The title screen: pick a scenario, or resume one of the recent saves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from wargame.tui.scenarios import ScenarioEntry, load_entries
from wargame.tui.screens.load_dialog import local_time
from wargame.tui.untrusted import plain
from wargame.tui.widgets.key_bar import KeyBar

RECENT = 5


def scenario_details(entry: ScenarioEntry) -> Text:
    if entry.scenario is None:
        return Text.assemble(plain(entry.path.name, "bold"), "\n\nThis scenario does not load:\n", plain(entry.error, "italic"))
    spec = entry.scenario.spec
    text = Text()
    text.append_text(plain(spec.title + "\n", "bold"))
    if spec.setting:
        text.append_text(plain(spec.setting + "\n", "italic"))
    text.append("\n")
    recommended = set(spec.recommended_sides)
    actors = ", ".join(a.name + (" ★" if a.id in recommended else "") for a in spec.actors)
    rows = [
        ("Actors", actors),
        ("Length", f"{spec.turns} turns ({spec.turn_label.template.replace('{turn}', 'N').replace('{date}', 'date')})"),
        ("Difficulty", spec.difficulty),
        ("Author", spec.author),
    ]
    for label, value in rows:
        text.append(f"{label:<11}", "bold")
        text.append_text(plain(value + "\n"))
    text.append_text(plain("\n" + " ".join(spec.summary.split()) + "\n"))
    return text


def recent_text(summary) -> Text:
    """A recent save in the narrow column: scenario and turn; the sides people played, outcome and last saved."""
    sides = summary.sides()
    people = [name for name, human in sides if human]
    who = [", ".join(people) if people else "computers only"] if any(h is not None for _, h in sides) else []
    over = [f"over: {summary.outcome}"] if summary.outcome else []
    return Text.assemble(  # the sides on a line of their own: a long side name does not wrap the date under the margin
        plain(summary.scenario_title, "bold"), plain(f" · turn {summary.turn}"), "\n",
        *((plain("  " + who[0], "dim"), "\n") if who else ()),
        plain("  " + " · ".join([*over, local_time(summary.saved_at)]), "dim"),
    )


class TitleScreen(Screen[None]):
    """Scenario picker, details, recent saves."""

    BINDINGS = [
        Binding("enter", "play", "Play", tooltip="Choose a side for the highlighted scenario"),
        Binding("l", "app.load", "Load", tooltip="Resume a saved game"),
    ]

    def __init__(self, saves_folder: Path | None = None, scenarios: Callable[[], list[ScenarioEntry]] | None = None) -> None:
        super().__init__()
        self.saves_folder = saves_folder
        self.load_scenarios = scenarios or load_entries
        self.entries: list[ScenarioEntry] = []

    def compose(self) -> ComposeResult:
        self.entries = self.load_scenarios()
        with Horizontal(id="title-body"):
            with Vertical(id="title-left"):
                yield Static(Text.assemble(("WARGAME", "bold"), "\n", ("crisis diplomacy in the terminal", "italic")), id="logo")
                yield Label("Scenarios", classes="panel-title")
                yield OptionList(
                    *[Option(self._entry_label(e), id=str(i)) for i, e in enumerate(self.entries)],
                    id="scenario-list",
                )
                yield Label("Recent saves", classes="panel-title")
                yield OptionList(*self._recent_options(), id="recent-saves")
            with VerticalScroll(id="title-details"):
                yield Static(id="scenario-details")
        yield KeyBar()

    def _entry_label(self, entry: ScenarioEntry) -> Text:
        if entry.scenario is None:
            return Text.assemble(plain(entry.path.stem, "strike"), ("  broken", "italic"))
        spec = entry.scenario.spec
        return Text.assemble(plain(spec.title, "bold"), "\n", (f"  {spec.difficulty} · {spec.turns} turns · {len(spec.actors)} actors", "dim"))

    def _recent_options(self) -> list[Option]:
        summaries = []
        if self.saves_folder is not None:
            try:
                from wargame.saves import list_saves
            except ImportError:
                list_saves = None
            if list_saves is not None:
                summaries = [s for s in list_saves(self.saves_folder) if s.readable][:RECENT]
        if not summaries:
            return [Option(Text("No saves yet.", "italic"), disabled=True)]
        return [Option(recent_text(s), id=str(s.path)) for s in summaries]

    def on_mount(self) -> None:
        listing = self.query_one("#scenario-list", OptionList)
        if self.entries:
            listing.highlighted = 0
            self._show(0)
        listing.focus()

    def _show(self, index: int) -> None:
        self.query_one("#scenario-details", Static).update(scenario_details(self.entries[index]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "scenario-list" and event.option.id is not None:
            self._show(int(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "scenario-list":
            self.action_play()
        elif event.option.id:
            self.app.resume(Path(event.option.id))

    def action_play(self) -> None:
        listing = self.query_one("#scenario-list", OptionList)
        if listing.highlighted is None:
            return
        entry = self.entries[listing.highlighted]
        if entry.scenario is None:
            self.notify(entry.error, title="This scenario does not load", severity="error")
            return
        self.app.choose_side(entry.scenario)
