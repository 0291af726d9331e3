"""Writing a hotline message: statement, proposal, counter, ultimatum, assurance or threat.

The composer only builds a ``Message``; the game screen's ``submit`` applies
it and returns the engine's refusal as text, shown here so nothing typed is
lost. Terms are offered for each side as the scenario allows (``term.by``).

Keyboard first: the dialog opens on the kind of message (Enter opens the
list), Tab goes down the fields, Space ticks a term, ctrl+s sends and Enter
sends from the text. A message with nothing in it is never sent: the dialog
says what is missing and goes to that field.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Button, Input, Label, OptionList, Select, SelectionList, Static

from wargame.engine.decisions import Message
from wargame.tui.untrusted import plain

KINDS = [
    ("Statement — just words", "statement"),
    ("Proposal — terms for both sides", "proposal"),
    ("Ultimatum — demands with a deadline", "ultimatum"),
    ("Assurance — promise not to do something", "assurance"),
    ("Threat — a red line for them", "threat"),
]
FIELDS = {
    "statement": (),
    "proposal": ("offer", "ask"),
    "counter": ("offer", "ask"),
    "ultimatum": ("ask", "deadline", "move"),
    "assurance": ("move",),
    "threat": ("trigger", "move"),
}

MISSING = {  # (field, what to say) when a kind of message lacks what makes it one
    "text": "type what your leader says (or choose another kind of message at the top)",
    "terms": "tick at least one term (Space): what you commit to, or what they commit to",
    "ask": "tick at least one thing you demand (Space)",
    "move": "choose the move",
    "trigger": "choose the move of theirs you warn against",
}
HINT = "Tab next field · Enter opens a list · Space ticks a term · ctrl+s sends · Esc cancels"


class TermList(SelectionList):
    """Terms to tick: [x] or [ ] in words, long terms wrapped, Space working from the first key.

    The stock list marks a choice by colour alone, cuts a long term at its
    width, and has nothing highlighted until the first arrow key.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.texts: dict[str, Text] = {}

    def fill(self, terms: list[tuple[Text, str, bool]]) -> None:
        self.texts = {value: text for text, value, _ in terms}
        self.clear_options()
        self.add_options(terms)
        self._mark()
        self.highlighted = 0 if terms else None

    def _get_left_gutter_width(self) -> int:
        return 0  # no coloured button: the prompt says [x] or [ ]

    def render_line(self, y: int) -> Strip:
        return OptionList.render_line(self, y)

    def _mark(self) -> None:
        chosen = set(self.selected)
        for index in range(self.option_count):
            value = self.get_option_at_index(index).value
            box = "[x] " if value in chosen else "[ ] "
            self.replace_option_prompt_at_index(index, Text(box) + self.texts.get(value, Text(str(value))))

    def on_selection_list_selected_changed(self, _event: SelectionList.SelectedChanged) -> None:
        self._mark()

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0


class ComposerScreen(ModalScreen[bool]):
    """Dismisses with True once the engine accepted the message."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "send", "Send", priority=True)]

    def __init__(self, view, submit: Callable[[Message], str | None], counterpart: str | None = None, reply_to=None) -> None:
        super().__init__()
        self.view = view
        self.submit = submit
        self.reply_to = reply_to
        usable = [o.id for o in view.others if o.channel != "severed"] or [o.id for o in view.others]
        self.recipient = reply_to.message.sender if reply_to else (counterpart if counterpart in usable else usable[0])

    @property
    def kind(self) -> str:
        if self.reply_to is not None:
            return "counter"
        value = self.query_one("#kind", Select).value
        return value if isinstance(value, str) else "statement"

    def compose(self) -> ComposeResult:
        view = self.view
        names = {o.id: o.name for o in view.others}
        with VerticalScroll(classes="dialog", id="composer"):
            if self.reply_to is not None:
                yield Label(plain(f"Counter-proposal to {names.get(self.recipient, self.recipient)} (re #{self.reply_to.id})"),
                            classes="dialog-title")
            else:
                yield Label("Hotline message", classes="dialog-title")
                yield Static(HINT, classes="dialog-hint")
                with Horizontal(classes="composer-row"):
                    yield Select([(label, kind) for label, kind in KINDS], value="statement", allow_blank=False, id="kind")
                    yield Select(
                        [(plain(f"To {o.name} ({o.channel})"), o.id) for o in view.others],
                        value=self.recipient, allow_blank=False, id="recipient",
                    )
            yield Input(placeholder="What your leader says (Enter sends)", max_length=1000, id="text")
            yield Label("You commit to", classes="field-label", id="offer-label")
            yield TermList(id="offer")
            yield Label("They commit to", classes="field-label", id="ask-label")
            yield TermList(id="ask")
            yield Label("If they play", classes="field-label", id="trigger-label")
            yield Select(self._all_moves(), prompt="their move", id="trigger")
            yield Label("Your move", classes="field-label", id="move-label")
            yield Select(self._my_moves(), prompt="a move", id="move")
            yield Label("Deadline", classes="field-label", id="deadline-label")
            yield Select(
                [(f"turn {t} ({'this turn' if t == view.turn else f'in {t - view.turn}'})", t) for t in range(view.turn, view.turns + 1)],
                value=min(view.turns, view.turn + 1), allow_blank=False, id="deadline",
            )
            yield Static(id="composer-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Send (ctrl+s)", variant="primary", id="send")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self._fill_terms()
        self._show_fields()
        if self.reply_to is not None:
            original = self.reply_to.received()
            for term in original.ask:
                self._select("offer", term)
            for term in original.offer:
                self._select("ask", term)
        self.query_one("#text" if self.reply_to is not None else "#kind").focus()

    def _select(self, field: str, term: str) -> None:
        listing = self.query_one(f"#{field}", SelectionList)
        try:
            listing.select(term)
        except Exception:  # the term is not one this side can commit to
            pass

    def _all_moves(self) -> list[tuple[Text, str]]:
        return sorted(((plain(m.name), m.id) for m in self.view.scenario.moves.values()), key=lambda p: p[0].plain)

    def _my_moves(self) -> list[tuple[Text, str]]:
        return sorted(((plain(o.move.name), o.move.id) for o in self.view.options), key=lambda p: p[0].plain)

    def _fill_terms(self) -> None:
        """Terms each side may commit to: a term with ``by`` is only for the actors it names."""
        me, them = self.view.actor, self.recipient
        for field, party in (("offer", me), ("ask", them)):
            listing = self.query_one(f"#{field}", TermList)
            chosen = set(listing.selected)
            listing.fill([(plain(t.text), t.id, t.id in chosen) for t in self.view.scenario.spec.terms if not t.by or party in t.by])

    def _show_fields(self) -> None:
        kind = self.kind
        shown = FIELDS.get(kind, ())
        for field in ("offer", "ask", "trigger", "move", "deadline"):
            visible = field in shown
            self.query_one(f"#{field}").display = visible
            self.query_one(f"#{field}-label").display = visible
        move_label = {"assurance": "You promise not to play", "threat": "You will answer with", "ultimatum": "Otherwise you will play"}
        self.query_one("#move-label", Label).update(move_label.get(kind, "Your move"))
        self.query_one("#ask-label", Label).update("You demand that they" if kind == "ultimatum" else "They commit to")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind":
            self._show_fields()
        elif event.select.id == "recipient" and isinstance(event.value, str):
            self.recipient = event.value
            self._fill_terms()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "send":
            self.action_send()
        else:
            self.dismiss(False)

    def build(self) -> Message:
        kind = self.kind
        shown = FIELDS.get(kind, ())

        def value(field: str):
            if field not in shown:
                return None
            chosen = self.query_one(f"#{field}", Select).value
            return None if chosen is Select.BLANK else chosen

        def terms(field: str) -> tuple[str, ...]:
            return tuple(self.query_one(f"#{field}", SelectionList).selected) if field in shown else ()

        return Message(
            sender=self.view.actor,
            recipient=self.recipient,
            kind=kind,
            text=self.query_one("#text", Input).value.strip(),
            offer=terms("offer"),
            ask=terms("ask"),
            reply_to=self.reply_to.id if self.reply_to is not None else None,
            move=value("move"),
            trigger_move=value("trigger"),
            deadline=value("deadline"),
        )

    def missing(self, message: Message) -> str | None:
        """The field a message of its kind cannot go without, if it is empty (None: nothing missing)."""
        kind = message.kind
        if kind == "statement" and not message.text:
            return "text"
        if kind in ("proposal", "counter") and not (message.offer or message.ask):
            return "terms"
        if kind == "ultimatum" and not message.ask:
            return "ask"
        if kind == "threat" and message.trigger_move is None:
            return "trigger"
        if kind in ("ultimatum", "assurance", "threat") and message.move is None:
            return "move"
        return None

    def action_send(self) -> None:
        message = self.build()
        field = self.missing(message)
        if field is not None:
            self.query_one("#composer-error", Static).update(f"Not sent: {MISSING[field]}.")
            self.query_one({"terms": "#offer"}.get(field, f"#{field}")).focus()
            return
        error = self.submit(message)
        if error:
            self.query_one("#composer-error", Static).update(plain(f"Not sent: {error}"))
        else:
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
