"""The end of the crisis: outcome, scores with their reasons, and the escalation chart.

Once the game is over nothing is hidden any more, so the chart also shows
the actual rung turn by turn (from the facilitator's view) beside what you
perceived, and "What really happened" lists the moves the others really
played beside what you read of them. ``r`` writes the after-action report
when ``wargame.debrief`` exists.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from wargame.tui.session import Session
from wargame.tui.untrusted import plain
from wargame.tui.widgets.escalation_chart import EscalationChart
from wargame.tui.widgets.game_header import GameHeader
from wargame.tui.widgets.key_bar import KeyBar

HEADLINES = {
    "settled": "Settled — the crisis ends in an agreement",
    "defused": "Defused — the crisis calmed down",
    "stalemate": "Stalemate — time ran out",
    "capitulation": "Capitulation",
    "war": "War",
}


def debrief_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("wargame.debrief") is not None


def offer_report(screen: Screen) -> None:
    """Write the report for ``screen``'s game and say where it went, or why it could not be written."""
    from wargame.errors import WargameError

    try:
        path = screen.session.write_report(screen.app.saves_folder())
    except (WargameError, OSError) as error:
        screen.notify(str(error), severity="error")
        return
    screen.notify(str(path), title="After-action report written")


def truth_text(view, history) -> Text:
    """Turn by turn, the true rung and each other side's real move beside what ``view``'s side read of it."""
    names = {o.id: o.name for o in view.others}
    moves = view.scenario.moves
    readings = {turn: {r.actor: r for r in seen} for turn, seen in view.perceived_history}
    text = Text()
    for record in history:
        text.append(f"Turn {record.turn}: rung {record.rung_before} → {record.rung_after}\n", "bold")
        for actor, order in record.orders.items():
            if actor == view.actor:
                continue
            played = moves[order.move].name if order.move in moves else order.move
            reading = readings.get(record.turn, {}).get(actor)
            seen = reading.seen if reading else None
            read = ("you did not see it" if seen is None else "you saw it" if seen == order.move
                    else f"you read it as {moves[seen].name if seen in moves else seen}")
            text.append(f"  {names.get(actor, actor)}: {played}")
            text.append(f" ({read})\n", "dim")
    text.rstrip()
    return text


class EndScreen(Screen[None]):
    """Shown once the game is over."""

    BINDINGS = [
        Binding("r", "report", "After-action report", tooltip="Write the debrief as Markdown"),
        Binding("n", "new_game", "New game", tooltip="Back to the title screen"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield GameHeader(id="game-header")
        with VerticalScroll(id="end"):
            yield Static(id="end-title")
            with Horizontal(id="end-body"):
                with Vertical(id="end-scores"):
                    yield Static(id="scores", classes="panel")
                    yield Static(id="truth", classes="panel")
                yield EscalationChart(id="chart", classes="panel")
        yield KeyBar()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 110, "-narrow")

    def on_mount(self) -> None:
        self.set_class(self.size.width < 110, "-narrow")
        view = self.session.view()
        outcome = view.outcome
        self.query_one(GameHeader).show(view)
        title = Text()
        headline = HEADLINES.get(outcome.kind, outcome.kind)
        if outcome.kind == "capitulation" and outcome.actor:
            who = "you" if outcome.actor == view.actor else next((o.name for o in view.others if o.id == outcome.actor), outcome.actor)
            headline += f" by {who}"
        title.append(headline + "\n", "bold")
        title.append_text(plain(f"Turn {outcome.turn}: {outcome.reason}."))
        self.query_one("#end-title", Static).update(title)
        self.query_one("#scores", Static).update(self._scores(view))
        self.query_one("#scores").border_title = "Scores"
        history = self.session.facilitator_view().history
        self.query_one("#truth", Static).update(truth_text(view, history))
        self.query_one("#truth").border_title = "What really happened"
        self.query_one(EscalationChart).show(
            view.scenario.ladder.bands, view.scenario.ladder.start, [r.rung_after for r in history], view.perceived_rungs
        )

    def _scores(self, view) -> Table:
        outcome = view.outcome
        names = {o.id: o.name for o in view.others}
        names[view.actor] = f"{view.name} (you)"
        notes = dict(outcome.score_notes)
        table = Table(box=None, expand=True, show_header=True, padding=(0, 1))
        table.add_column("Actor", style="bold", ratio=1)
        table.add_column("Score", justify="right", no_wrap=True)
        for actor, score in sorted(outcome.scores, key=lambda item: -item[1]):
            table.add_row(plain(names.get(actor, actor)), f"{score:+d}")
            if notes.get(actor):
                table.add_row(plain("  " + notes[actor], style="dim"), "")
        return table

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "report":
            return True if debrief_available() else None
        return True

    def action_report(self) -> None:
        offer_report(self)

    def action_new_game(self) -> None:
        self.app.show_title()
