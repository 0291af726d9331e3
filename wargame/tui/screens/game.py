"""The main game screen: the ladder on the left, hotline and orders in the middle.

The turn runs as the engine's turn machine says: briefing → hotline (the
computers talk first, in a worker) → orders → the computers order and the
turn resolves (in a worker) → the turn result screen → the next turn. Space
always moves the game forward; what it does now is shown in the footer.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from wargame.engine.decisions import Message, Order, Proceed
from wargame.engine.objectives import standings
from wargame.errors import IllegalDecision, WargameError
from wargame.tui.messages import AnswerRequested, ComputersDone, DecisionApplied, MoveChosen
from wargame.tui.screens import tab_keys
from wargame.tui.session import Session
from wargame.tui.text import letters_for
from wargame.tui.widgets.actors_panel import ActorsPanel
from wargame.tui.widgets.briefing_panel import BriefingPanel
from wargame.tui.widgets.game_header import GameHeader
from wargame.tui.widgets.hotline_panel import HotlinePanel
from wargame.tui.widgets.indicators_panel import IndicatorsPanel
from wargame.tui.widgets.key_bar import KeyBar
from wargame.tui.widgets.ladder import Ladder, ladder_state
from wargame.tui.widgets.news_log import NewsLog
from wargame.tui.widgets.orders_panel import OrdersPanel, detail_text, palette_of
from wargame.tui.widgets.red_lines_panel import RedLinesPanel

WIDE = 140  # columns from which actors, warnings and news get their own column
ROOMY = 100  # columns from which the ladder gets wider
TABS = {"tab-hotline": "Hotline", "tab-orders": "Orders", "tab-actors": "Actors", "tab-warnings": "Alerts", "tab-news": "News",
        "tab-briefing": "Briefing"}
SIDE_TABS = ("tab-actors", "tab-warnings", "tab-news")


class GameScreen(Screen):
    """One turn after another until the crisis ends."""

    BINDINGS = [
        Binding("space", "open_hotline", "Open hotline", tooltip="Close the briefing and open the hotline"),
        Binding("space", "close_hotline", "Close hotline", tooltip="Stop talking and go to orders"),
        Binding("space", "end_turn", "End turn", tooltip="Confirm your order; the computers order and the turn resolves"),
        Binding("space", "next_turn", "Next turn", tooltip="See the turn's result and go on"),
        Binding("space", "game_over", "Results", tooltip="The crisis is over: see the outcome"),
        Binding("m", "compose", "Message", tooltip="Write a hotline message"),
        Binding("l", "focus_ladder", "Ladder", show=False,
                tooltip="The keyboard to the escalation ladder: ↑ ↓ PgUp PgDn scroll it; a tab's number key leaves it"),
        *tab_keys(TABS),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.thinking = ""
        self._shown: dict[str, object] = {}
        self._keys_state: tuple = ()
        view = session.view()
        self.letters = letters_for([o.id for o in view.others], {o.id: o.name for o in view.others})

    def compose(self) -> ComposeResult:
        yield GameHeader(id="game-header")
        with Horizontal(id="game-body"):
            yield Ladder(id="ladder")
            with Vertical(id="centre"):
                with TabbedContent(id="tabs", initial="tab-hotline"):
                    with TabPane("Hotline", id="tab-hotline"):
                        yield HotlinePanel(id="hotline")
                    with TabPane("Orders", id="tab-orders"):
                        yield OrdersPanel(id="orders")
                    with TabPane("Actors", id="tab-actors"):
                        yield VerticalScroll(ActorsPanel(classes="panel"), id="actors-scroll")
                    with TabPane("Alerts", id="tab-warnings"):
                        yield VerticalScroll(IndicatorsPanel(classes="panel"), RedLinesPanel(classes="panel"), id="alerts-scroll")
                    with TabPane("News", id="tab-news"):
                        yield NewsLog(classes="panel")
                    with TabPane("Briefing", id="tab-briefing"):
                        yield VerticalScroll(BriefingPanel(id="briefing-panel"), id="briefing-scroll")
                yield NewsLog(id="news-side", classes="panel")
            with VerticalScroll(id="sidebar"):
                yield ActorsPanel(classes="panel")
                yield IndicatorsPanel(classes="panel")
                yield RedLinesPanel(classes="panel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_view(force=True))
        self._layout(self.size.width)
        self.refresh_view()
        self._focus_for_phase()

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width >= ROOMY, "-roomy")
        wide = width >= WIDE
        if wide == self.has_class("-wide") and self.is_mounted:
            return
        self.set_class(wide, "-wide")
        tabs = self.query_one("#tabs", TabbedContent)
        for pane in SIDE_TABS:
            if wide:
                if tabs.active == pane:
                    tabs.active = "tab-hotline"
                tabs.hide_tab(pane)
            else:
                tabs.show_tab(pane)
        if self.session:
            self.call_after_refresh(self.refresh_view, True)

    # ------------------------------------------------------------ showing

    def refresh_view(self, force: bool = False) -> None:
        """Show the human's current view everywhere; nothing here computes a rule.

        Each group of panels is redrawn only when the part of the view it shows
        changed, so placing an order redraws the orders panel and little else.
        """
        if self.thinking:
            self.query_one(GameHeader).show(self.session.view(), self.thinking)
            self._refresh_keys(self.session.view())
            return
        if force:
            self._shown.clear()
        view = self.session.view()
        self.query_one(GameHeader).show(view, "Paused by the facilitator" if self.session.held else "")
        parts = {
            "ladder": (lambda: ladder_state(view, self.letters)),
            "actors": (lambda: (view.stats, view.previous_stats, view.others)),
            "indicators": (lambda: view.indicators),
            "red_lines": (lambda: tuple((l.id, l.status, l.crossed_turn) for l in (*view.my_red_lines, *view.their_red_lines))),
            "news": (lambda: len(view.news)),
            "briefing": (lambda: (tuple((l.id, l.status) for l in view.my_red_lines), tuple(s.state for s in standings(view)))),
            "hotline": (lambda: (view.phase, view.turn, view.others,
                                 tuple((e.id, e.status, e.deliver_on) for e in (*view.inbox, *view.outbox)), len(view.news))),
        }
        changed = set()
        for name, key in parts.items():
            value = key()
            if self._shown.get(name, self) != value:
                self._shown[name] = value
                changed.add(name)
        if "ladder" in changed:
            self.query_one(Ladder).show(self._shown["ladder"])
        for name, kind in (("actors", ActorsPanel), ("indicators", IndicatorsPanel), ("red_lines", RedLinesPanel), ("news", NewsLog)):
            if name in changed:
                for panel in self.query(kind):
                    panel.show(view)
        self.query_one(OrdersPanel).show(view, self._order_target_name(view))
        if "hotline" in changed:
            self.query_one(HotlinePanel).show(view, palette_of(self.app))
        if "briefing" in changed:
            self.query_one(BriefingPanel).show(view)
        self._refresh_keys(view)

    def _refresh_keys(self, view) -> None:
        """Recompute the footer only when what the keys depend on changed (it rebuilds itself)."""
        state = (view.phase, view.over, self.thinking)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def _order_target_name(self, view) -> str | None:
        target = view.order_target
        if target is None:
            return None
        return next((o.name for o in view.others if o.id == target), target)

    def _focus_for_phase(self) -> None:
        phase = self.session.phase
        if phase == "orders":
            self.action_tab("tab-orders")
        elif phase in ("hotline", "briefing"):
            self.action_tab("tab-hotline")

    # ------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        phase = self.session.phase
        wanted = {
            "open_hotline": "briefing",
            "close_hotline": "hotline",
            "end_turn": "orders",
            "next_turn": "aftermath",
            "game_over": "over",
            "compose": "hotline",
        }
        if action in wanted:
            if phase != wanted[action]:
                return False
            if self.thinking:
                return None
        if action == "tab" and self.has_class("-wide") and parameters and parameters[0] in SIDE_TABS:
            return None
        return True

    def action_tab(self, pane: str) -> None:
        """Show a tab and focus what scrolls in it (↑↓ PgUp PgDn then work there).

        Focus leaves the old pane first: a focused widget that is hidden hands its
        focus to a sibling in the same pane, which would switch straight back.
        """
        self.set_focus(None)
        self.query_one("#tabs", TabbedContent).active = pane
        focus = {"tab-orders": "#moves", "tab-hotline": "#conversation", "tab-actors": "#actors-scroll",
                 "tab-warnings": "#alerts-scroll", "tab-news": "#tab-news NewsLog",
                 "tab-briefing": "#briefing-scroll"}.get(pane)
        if focus:
            self.query_one(focus).focus()

    def action_focus_ladder(self) -> None:
        self.query_one("#ladder-scroll").focus()

    def action_open_hotline(self) -> None:
        self._proceed()
        self._think("The others are on the line…")

    def action_close_hotline(self) -> None:
        if self.app.pass_keyboard():  # hot-seat: the next team talks before the hotline closes
            return
        self._proceed()
        self.refresh_view()
        self._focus_for_phase()

    def action_end_turn(self) -> None:
        if self.session.view().order is None:
            self.notify("Choose a move first: Enter on a move in Orders.", severity="warning")
            self.action_tab("tab-orders")
            return
        if self.app.pass_keyboard():  # hot-seat: the next team orders before the turn resolves
            return
        self.session.remember_before_resolution()
        self._think("The turn is resolving…", resolve=True)

    def action_next_turn(self) -> None:
        self._show_result()

    def action_game_over(self) -> None:
        from wargame.tui.screens.end import EndScreen

        self.app.switch_screen(EndScreen(self.session))

    def action_compose(self) -> None:
        from wargame.tui.screens.composer import ComposerScreen

        self.app.push_screen(ComposerScreen(self.session.view(), self._send, counterpart=self.query_one(HotlinePanel).counterpart))

    # ------------------------------------------------------------ the turn

    def _proceed(self) -> bool:
        phase = self.session.phase  # never "over" here: the game goes on
        try:
            self.session.proceed()
        except WargameError as error:
            self.notify(str(error), severity="error")
            return False
        self.post_message(DecisionApplied(Proceed(phase)))
        return True

    def _think(self, label: str, resolve: bool = False) -> None:
        """Let the computers decide in a thread; ComputersDone comes back when they are done.

        While the facilitator holds the computers, the work waits (``release_computers``).
        """
        if self.session.paused:
            view = self.session.view()
            self.session.held = (view.turn, view.phase, label, resolve)
            self.refresh_view()
            self.notify("The facilitator has paused the computers; the game goes on when they resume.", title="Paused")
            return
        self.session.held = None
        self.thinking = label
        self.refresh_view()
        self.run_worker(lambda: self._computers(resolve), thread=True, exclusive=True, group="computers", name="computers")

    def _computers(self, resolve: bool) -> None:
        try:
            decisions = self.session.end_turn() if resolve else self.session.computers_play()
            done = ComputersDone(decisions, resolve)
        except WargameError as error:
            done = ComputersDone([], False)
            self.app.call_from_thread(self.notify, str(error), severity="error")
        self.app.call_from_thread(self.post_message, done)

    def release_computers(self) -> None:
        """The facilitator resumed: do the computers' held work if the game is still where it was held."""
        held = self.session.held
        if held is None or self.session.paused:
            return
        self.session.held = None
        view = self.session.view()
        if (view.turn, view.phase) == held[:2]:
            self._think(held[2], held[3])
        else:
            self.refresh_view()

    def on_computers_done(self, message: ComputersDone) -> None:
        self.thinking = ""
        self.refresh_view()
        if message.resolved:
            self.app.autosave_quietly()  # kept as soon as it resolves: closing the terminal on the result loses nothing
            self._show_result()
        else:
            self._focus_for_phase()  # the header says what awaits an answer; the hotline opens on it

    def _show_result(self) -> None:
        from wargame.tui.screens.turn_result import TurnResultScreen

        before = self.session.before_resolution
        self.app.push_screen(
            TurnResultScreen(self.session, before.get(self.session.seat)),
            self._after_result,
        )

    def _after_result(self, _=None) -> None:
        if self.app.pass_keyboard():  # hot-seat: every team reads its own result first
            return
        if self.session.phase == "over":
            self.action_game_over()
            return
        if self._proceed() and self.session.phase == "briefing" and self._proceed():
            view = self.session.view()
            self.notify(view.turn_label, title=f"Turn {view.turn} of {view.turns}", timeout=3)
            self._think("The others are on the line…")
        else:
            self.refresh_view()

    # ------------------------------------------------------------ decisions

    def on_move_chosen(self, message: MoveChosen) -> None:
        view = self.session.view()
        option = view.option(message.move)
        if option is None or not option.available:
            self.notify(option.reason if option else "unknown move", severity="warning")
            return
        if view.phase != "orders":
            self.notify("Orders open once the hotline closes: press space.", severity="warning")
            return
        if option.move.targeted and len(option.targets) > 1:
            from wargame.tui.screens.target_dialog import TargetScreen

            names = {o.id: o.name for o in view.others}
            palette = palette_of(self.app)
            self.app.push_screen(
                TargetScreen(option.move.name, [(t, names.get(t, t)) for t in option.targets],
                             lambda target: detail_text(view, option, palette, target)),
                lambda target: target and self._confirm_order(option, target),
            )
        else:
            self._confirm_order(option, option.targets[0] if option.move.targeted else None)

    def _confirm_order(self, option, target: str | None) -> None:
        if option.crosses or option.breaks:
            from wargame.tui.screens.confirm_dialog import ConfirmScreen

            view = self.session.view()
            names = {o.id: o.name for o in view.others}
            lines = {line.id: line for line in view.their_red_lines}
            terms = {term.id: term.text for term in view.scenario.spec.terms}
            risks = [f"it crosses {names.get(lines[i].owner, lines[i].owner)}'s red line “{lines[i].description}”"
                     for i in option.crosses if i in lines]
            risks += [f"it breaks your agreement “{'; '.join(terms.get(t, t) for t in a.terms) or 'a promise'}”"
                      for a in view.agreements if a.id in option.breaks]
            self.app.push_screen(
                ConfirmScreen(f"Order {option.move.name}?", "Careful: " + " and ".join(risks) + ".", "Order it"),
                lambda yes: yes and self._place_order(option.move.id, target),
            )
        else:
            self._place_order(option.move.id, target)

    def _place_order(self, move: str, target: str | None) -> None:
        order = Order(self.session.human, move, target)
        try:
            self.session.apply(order)
        except IllegalDecision as error:
            self.notify(str(error), severity="error")
        else:
            self.post_message(DecisionApplied(order))
        self.refresh_view()

    def on_answer_requested(self, message: AnswerRequested) -> None:
        view = self.session.view()
        envelope = next((e for e in view.inbox if e.id == message.envelope), None)
        if envelope is None:
            return
        if message.kind == "counter":
            from wargame.tui.screens.composer import ComposerScreen

            self.app.push_screen(ComposerScreen(view, self._send, reply_to=envelope))
            return
        error = self._send(Message(self.session.human, envelope.message.sender, message.kind, reply_to=envelope.id))
        if error:
            self.notify(error, severity="error")
        else:
            word = "accepted" if message.kind == "accept" else "rejected"
            self.notify(f"You {word} message #{envelope.id}.", title="Hotline")

    def _send(self, message: Message) -> str | None:
        """Apply a hotline message; the engine's refusal comes back as text for the composer."""
        try:
            self.session.apply(message)
        except IllegalDecision as error:
            return str(error)
        self.post_message(DecisionApplied(message))
        self.refresh_view()
        return None
