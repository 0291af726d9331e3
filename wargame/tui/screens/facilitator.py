"""The facilitator's ("white cell") screen: the whole crisis, and the instructor's levers.

Only with ``wargame play --facilitator``. Over the players' screens (``f``
toggles it) or, when the computers play every side, as the main screen,
where the instructor steps the game turn by turn (space) or lets it run.
It shows the engine's ``FacilitatorView`` (``wargame.tui.white_cell``) and
acts only through the session's decisions (injects, overrides) so every intervention lands
in the decision log and the save. Pausing holds the computers: they take no
decision and no turn resolves until the facilitator resumes.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, TabbedContent, TabPane

from wargame.engine import FacilitatorView, Inject, Override
from wargame.errors import IllegalDecision, WargameError
from wargame.safe_text import printable
from wargame.tui.messages import DecisionApplied
from wargame.tui.screens import tab_keys
from wargame.tui.session import Session
from wargame.tui.white_cell import (
    actors_table,
    agreements_text,
    crisis_text,
    hotline_text,
    last_turn_text,
    news_text,
    red_lines_text,
    relations_text,
)
from wargame.tui.widgets.indicators_panel import IndicatorsPanel
from wargame.tui.widgets.key_bar import KeyBar

RUN_EVERY = 2.0  # seconds between turns when the computers run on their own
WIDE = 100  # columns from which the crisis and the indicators get a column of their own
PHASE_WORDS = {"briefing": "briefing", "hotline": "hotline", "orders": "orders", "aftermath": "aftermath", "over": "game over"}
TABS = {
    "wc-crisis-tab": "Crisis",
    "wc-actors": "Actors",
    "wc-red-lines": "Red lines",
    "wc-hotline": "Hotline",
    "wc-agreements": "Deals",
    "wc-last-turn": "Last turn",
    "wc-news": "News",
}


class FacilitatorScreen(Screen[None]):
    """Everything at once, with injects, overrides and the pause; ``watch`` when nobody else plays."""

    BINDINGS = [
        Binding("space", "step", "Next turn", tooltip="The computers play one turn"),
        Binding("p", "pause", "Pause", tooltip="Hold the computers: no decisions, no turn resolves"),
        Binding("p", "unpause", "Resume", tooltip="Let the computers play on"),
        Binding("i", "inject", "Inject", tooltip="Fire one of the scenario's injects"),
        Binding("o", "override", "Override", tooltip="Set a stat of an actor, or the rung"),
        Binding("r", "report", "Report", tooltip="Write the after-action report"),
        Binding("escape", "close", "Back", tooltip="Back to the players' screen"),
        *tab_keys(TABS),
    ]

    def __init__(self, session: Session, watch: bool = False) -> None:
        super().__init__()
        self.session = session
        self.watch = watch
        self.thinking = ""
        self._runner: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="wc-header")
        with Horizontal(id="wc-body"):
            with VerticalScroll(id="wc-left"):
                yield Static(classes="panel wc-crisis")
                yield IndicatorsPanel(classes="panel")
            with TabbedContent(id="wc-tabs"):
                with TabPane("Crisis", id="wc-crisis-tab"):
                    yield VerticalScroll(Static(classes="panel wc-crisis"), IndicatorsPanel(classes="panel"))
                with TabPane("Actors", id="wc-actors"):
                    yield VerticalScroll(Static(id="wc-stats"), Static(id="wc-relations"))
                with TabPane("Red lines", id="wc-red-lines"):
                    yield VerticalScroll(Static(id="wc-red-lines-text"))
                with TabPane("Hotline", id="wc-hotline"):
                    yield VerticalScroll(Static(id="wc-hotline-text"))
                with TabPane("Deals", id="wc-agreements"):
                    yield VerticalScroll(Static(id="wc-agreements-text"))
                with TabPane("Last turn", id="wc-last-turn"):
                    yield VerticalScroll(Static(id="wc-last-turn-text"))
                with TabPane("News", id="wc-news"):
                    yield VerticalScroll(Static(id="wc-news-text"))
        yield KeyBar()

    def on_mount(self) -> None:
        self._layout(self.size.width)
        self.refresh_view()

    def on_resize(self, event) -> None:
        self._layout(event.size.width)
        self.query_one("#wc-header", Static).update(self._header(self.session.facilitator_view()))

    def _layout(self, width: int) -> None:
        """From ``WIDE`` columns the crisis has its own column; below, it is the first tab."""
        wide = width >= WIDE
        self.set_class(wide, "-wide")
        tabs = self.query_one("#wc-tabs", TabbedContent)
        if wide:
            if tabs.active == "wc-crisis-tab":
                tabs.active = "wc-actors"
            tabs.hide_tab("wc-crisis-tab")
        else:
            tabs.show_tab("wc-crisis-tab")

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # ------------------------------------------------------------ showing

    def refresh_view(self) -> None:
        """Redraw every panel from the facilitator's view of the game."""
        session = self.session
        view = session.facilitator_view()
        self.query_one("#wc-header", Static).update(self._header(view))
        crisis = crisis_text(view, session.humans)
        if view.outcome is not None:
            crisis = Group(self._outcome(view), Text(""), crisis)
        for panel in self.query(".wc-crisis").results(Static):
            panel.border_title = "Crisis (actual)"
            panel.update(crisis)
        for indicators in self.query(IndicatorsPanel):
            indicators.show_levels(view.indicators)
        self.query_one("#wc-stats", Static).update(actors_table(view, session.humans))
        self.query_one("#wc-relations", Static).update(relations_text(view))
        self.query_one("#wc-red-lines-text", Static).update(red_lines_text(view))
        self.query_one("#wc-hotline-text", Static).update(hotline_text(view))
        self.query_one("#wc-agreements-text", Static).update(agreements_text(view))
        self.query_one("#wc-last-turn-text", Static).update(last_turn_text(view))
        self.query_one("#wc-news-text", Static).update(news_text(view))
        self.refresh_bindings()

    def _header(self, view: FacilitatorView) -> Text:
        session = self.session
        phase = PHASE_WORDS.get(session.phase, session.phase)
        if self.thinking:
            state = self.thinking
        elif session.phase == "over":
            state = "the crisis is over"
        elif session.paused:
            state = "computers paused"
        elif not session.computers:
            state = "people play every side"
        else:
            state = "computers running" if self.watch else "computers playing"
        where = printable(f" {view.turn_label} · turn {view.turn}/{view.turns} · {phase} · ")
        title = printable(f" {view.scenario.spec.title} ·")
        room = (self.size.width or 120) - len(" WHITE CELL ") - len(where) - len(state)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" WHITE CELL ", "reverse bold")
        if room >= len(title):
            text.append(title)
        text.append(where)
        text.append(state, "bold")
        return text

    def _outcome(self, view: FacilitatorView) -> Text:
        outcome = view.outcome
        names = {a.id: a.name for a in view.actors}
        text = Text()
        text.append(f"Over on turn {outcome.turn}: {outcome.kind}\n", "bold")
        text.append(outcome.reason + "\n")
        for actor, score in sorted(outcome.scores, key=lambda item: -item[1]):
            text.append(f"  {names.get(actor, actor):<24} {score:+d}\n")
        return text.rstrip() or text

    # ------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        session = self.session
        over = session.phase == "over"
        if action in ("step", "inject", "override") and over:
            return False
        if action == "step":
            if not self.watch:
                return False
            return None if (self.thinking or not session.paused) else True
        if action == "pause":
            return not session.paused and not over
        if action == "unpause":
            return session.paused and not over
        if action in ("inject", "override"):
            return None if self.thinking else True
        if action == "report":
            return over
        if action == "close":
            return not self.watch
        if action == "tab" and parameters == ("wc-crisis-tab",) and self.has_class("-wide"):
            return False  # the crisis has its own column
        return True

    def action_tab(self, pane: str) -> None:
        self.query_one("#wc-tabs", TabbedContent).active = pane

    def action_close(self) -> None:
        if not self.watch:
            self.dismiss(None)

    def action_pause(self) -> None:
        self.session.paused = True
        if self._runner is not None:
            self._runner.stop()
            self._runner = None
        self.notify("The computers hold until you resume.", title="Paused")
        self.refresh_view()

    def action_unpause(self) -> None:
        self.session.paused = False
        if self.watch:
            self._runner = self.set_interval(RUN_EVERY, self._run_on)
            self.action_step(running=True)
        self.refresh_view()

    def action_inject(self) -> None:
        from wargame.tui.screens.inject_dialog import InjectScreen

        view = self.session.facilitator_view()
        self.app.push_screen(InjectScreen(view.scenario, dict(view.fired)), self._fire)

    def _fire(self, inject: str | None) -> None:
        if not inject:
            return
        error = self._apply(Inject(inject))
        if error:
            self.notify(error, title="Inject not fired", severity="error")
            return
        title = next(i.title for i in self.session.scenario.spec.injects if i.id == inject)
        self.notify(title, title="Inject fired")

    def action_override(self) -> None:
        from wargame.tui.screens.override_dialog import OverrideScreen

        self.app.push_screen(OverrideScreen(self.session.facilitator_view(), self._apply), self._overridden)

    def _overridden(self, override: Override | None) -> None:
        if override is not None:
            what = self.session.name_of(override.actor) if override.actor else "The ladder"
            self.notify(f"{what}: {override.stat} set to {override.value}", title="Override")

    def _apply(self, decision) -> str | None:
        """Hand the facilitator's decision to the engine; its refusal comes back as text."""
        try:
            self.session.apply(decision)
        except IllegalDecision as error:
            return str(error)
        self.post_message(DecisionApplied(decision))
        self.refresh_view()
        return None

    def action_report(self) -> None:
        from wargame.tui.screens.end import offer_report

        offer_report(self)

    # ------------------------------------------------------------ watching the computers

    def action_step(self, running: bool = False) -> None:
        """The computers play one turn in a worker; the screen shows where it lands."""
        if self.thinking or self.session.phase == "over" or (self.session.paused and running):
            return
        self.thinking = "the computers are playing a turn…"
        self.refresh_view()
        self.run_worker(self._play_turn, thread=True, exclusive=True, group="computers", name="computers")

    def _play_turn(self) -> None:
        try:
            self.session.play_turn()
            error = None
        except WargameError as problem:
            error = str(problem)
        self.app.call_from_thread(self._played, error)

    def _played(self, error: str | None) -> None:
        self.thinking = ""
        if error:
            self.notify(error, severity="error")
        self.app.autosave_quietly()
        if self.session.phase == "over" and self._runner is not None:
            self._runner.stop()
            self._runner = None
        self.refresh_view()

    def _run_on(self) -> None:
        if not self.session.paused:
            self.action_step(running=True)
