"""The white cell's dialogs beyond injects and overrides: news, third-party messages, seats, clocks, the end.

Each dialog builds one request and hands it to ``send``, which returns the
host's (or the engine's) refusal as text, or None: a refusal stays in the
dialog so the facilitator can correct it; success dismisses with what was
sent. Scenario text enters only as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from wargame.engine import End, News, Seat, ThirdParty
from wargame.engine.decisions import MAX_SENDER, MAX_TEXT
from wargame.engine.phases import OUTCOMES
from wargame.engine.views import FacilitatorView
from wargame.tui.untrusted import plain

Send = Callable[[Any], "str | None"]
PHASES = {"briefing": "Briefing", "hotline": "Hotline", "orders": "Orders", "aftermath": "Result (aftermath)"}
POLICIES = {"hold": "hold: the game waits on, the clock shows overdue",
            "computer": "computer: it plays the phase for the teams not done"}


class WhiteCellDialog(ModalScreen[Any]):
    """A white-cell dialog: Escape cancels, a refusal shows in ``.wc-error`` (styles: ``.wc-dialog`` in wargame.tcss)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, send: Send) -> None:
        super().__init__()
        self.send = send

    def action_cancel(self) -> None:
        self.dismiss(None)

    def refuse(self, reason: str) -> None:
        self.query_one(".wc-error", Static).update(plain(reason))

    def attempt(self, request: Any) -> None:
        error = self.send(request)
        if error:
            self.refuse(error)
        else:
            self.dismiss(request)


class NewsDialog(WhiteCellDialog):
    """An ad-hoc news item (``third_party`` False) or a third party's message, for the sides ticked."""

    def __init__(self, view: FacilitatorView, send: Send, third_party: bool = False) -> None:
        super().__init__(send)
        self.view, self.third_party = view, third_party

    def compose(self) -> ComposeResult:
        title = "A third party's message" if self.third_party else "A news item"
        who = "To (tick at least one side)" if self.third_party else "For (no side ticked: every side)"
        with Vertical(classes="dialog wc-dialog", id="news-dialog"):
            yield Label(title, classes="dialog-title")
            if self.third_party:
                yield Input(placeholder="from (e.g. The Secretary-General)", id="news-sender", max_length=MAX_SENDER)
            yield Input(placeholder="the text", id="news-text", max_length=MAX_TEXT)
            yield Label(who)
            yield SelectionList[str](*[(plain(a.name), a.id) for a in self.view.actors], id="news-audience")
            yield Static(classes="wc-error")
            yield Label("Tab: next field · Space ticks a side · Enter sends · Esc cancels", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = self.query_one("#news-text", Input).value
        ticked = set(self.query_one("#news-audience", SelectionList).selected)
        audience = tuple(a.id for a in self.view.actors if a.id in ticked)  # in the scenario's order
        if self.third_party:
            sender = self.query_one("#news-sender", Input).value.strip() or "The white cell"
            self.attempt(ThirdParty(sender, text, audience))
        else:
            self.attempt(News(text, audience))


class SeatDialog(WhiteCellDialog):
    """Hand a side to the computer, or give it back to its team (Enter on the side)."""

    def __init__(self, view: FacilitatorView, seats: dict[str, str], teams: tuple[str, ...], send: Send) -> None:
        super().__init__(send)
        self.view, self.seats, self.teams = view, seats, teams

    def compose(self) -> ComposeResult:
        options = []
        for actor in self.view.actors:
            holder = self.seats.get(actor.id, "computer")
            if actor.id not in self.teams:
                words, disabled = "the computer (no team code)", True
            elif holder == "team":
                words, disabled = "its team · Enter: hand it to the computer", False
            else:
                words, disabled = "the computer · Enter: give it back to its team", False
            options.append(Option(f"{plain(actor.name)}: {words}", id=actor.id, disabled=disabled))
        with Vertical(classes="dialog wc-dialog", id="seat-dialog"):
            yield Label("Who plays each side", classes="dialog-title")
            yield OptionList(*options, id="seat-sides")
            yield Static(classes="wc-error")
            yield Label("Enter hands the side over (it goes into the save) · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        actor = str(event.option.id)
        self.attempt(Seat(actor, "team" if self.seats.get(actor) == "computer" else "computer"))


def parse_time(text: str) -> tuple[str, float] | None:
    """"5:00" or "300" → ("seconds", 300); "+60" / "-0:30" → ("add", ±seconds); anything else None."""
    text = text.strip().replace(" ", "")
    field, sign = ("add", -1.0 if text.startswith("-") else 1.0) if text[:1] in "+-" and text else ("seconds", 1.0)
    body = text.lstrip("+-")
    try:
        minutes, _, seconds = body.rpartition(":")
        total = float(minutes or 0) * 60 + float(seconds)
    except ValueError:
        return None
    return (field, sign * total) if total >= 0 else None


class TimerDialog(WhiteCellDialog):
    """A phase's clock: its time (or a shift of the running one), and what happens when it runs out."""

    def __init__(self, phase: str, clock: dict | None, send: Send) -> None:
        super().__init__(send)
        self.phase, self.clock = phase, clock

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wc-dialog", id="timer-dialog"):
            yield Label("A clock for a phase", classes="dialog-title")
            yield Label("The phase")
            yield OptionList(*[Option(words, id=phase) for phase, words in PHASES.items()], id="timer-phase")
            yield Input(placeholder="5:00 or 300 · +1:00 / -30 moves the running clock · 0 clears it", id="timer-time")
            yield Label("When it runs out")
            yield OptionList(*[Option(words, id=policy) for policy, words in POLICIES.items()], id="timer-policy")
            yield Static(classes="wc-error")
            yield Label("Tab: next field · Enter on the time sets it · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        phases = self.query_one("#timer-phase", OptionList)
        phases.highlighted = list(PHASES).index(self.phase) if self.phase in PHASES else 2
        policy = (self.clock or {}).get("policy", "hold")
        self.query_one("#timer-policy", OptionList).highlighted = list(POLICIES).index(policy)
        self.query_one("#timer-time", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        parsed = parse_time(event.value)
        if parsed is None:
            self.refuse("Type a time: 5:00, 300, +1:00 or -30 (0 clears the clock).")
            return
        phases, policies = self.query_one("#timer-phase", OptionList), self.query_one("#timer-policy", OptionList)
        phase = list(PHASES)[phases.highlighted or 0]
        request: dict[str, Any] = {"phase": phase, parsed[0]: parsed[1]}
        if parsed != ("seconds", 0.0):
            request["policy"] = list(POLICIES)[policies.highlighted or 0]
        self.attempt(request)


class EndDialog(WhiteCellDialog):
    """End the game now: pick the outcome (a capitulation names who gives in) and give the reason."""

    def __init__(self, view: FacilitatorView, send: Send) -> None:
        super().__init__(send)
        self.view = view

    def compose(self) -> ComposeResult:
        options = []
        for outcome in OUTCOMES:
            if outcome == "capitulation":
                options += [Option(f"capitulation: {plain(a.name)} gives in", id=f"capitulation:{a.id}") for a in self.view.actors]
            else:
                options.append(Option(outcome, id=outcome))
        with Vertical(classes="dialog wc-dialog", id="end-dialog"):
            yield Label("End the game now", classes="dialog-title")
            yield OptionList(*options, id="end-outcome")
            yield Input(placeholder="reason (required: it goes into the save and the report)", id="end-reason",
                        max_length=MAX_TEXT)
            yield Static(classes="wc-error")
            yield Label("Tab: next field · Enter on the reason ends the game · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        outcomes = self.query_one(OptionList)
        outcomes.highlighted = 0
        outcomes.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        outcomes = self.query_one(OptionList)
        if outcomes.highlighted is None:
            return
        if not event.value.strip():
            self.refuse("Give a reason: it goes into the save and the report.")
            return
        outcome, _, actor = str(outcomes.get_option_at_index(outcomes.highlighted).id).partition(":")
        self.attempt(End(outcome, actor or None, event.value.strip()))
