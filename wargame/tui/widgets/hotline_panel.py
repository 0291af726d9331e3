"""The hotline: one conversation per counterpart, and the proposals waiting for you.

Messages come from the view's inbox (as received: garbled ones stay garbled)
and outbox, plus the scripted hotline calls that reach you as news. A pending
proposal, counter or ultimatum addressed to you can be answered with the
keys shown under it; answers go up as ``AnswerRequested``.

Nothing waiting may sit unseen: when a proposal for you arrives the panel
turns to its conversation, and a message stays marked NEW (in its
conversation's tab, and on the message itself) until its conversation has
been on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from wargame.safe_text import printable
from wargame.tui.messages import AnswerRequested
from wargame.tui.untrusted import plain

CHANNEL_MARKS = {"strained": " ~", "severed": " ✕", "hotline": " ☎"}  # in tab labels; open has none

KIND_WORDS = {
    "statement": "statement",
    "proposal": "PROPOSAL",
    "counter": "COUNTER-PROPOSAL",
    "accept": "accepts",
    "reject": "rejects",
    "ultimatum": "ULTIMATUM",
    "assurance": "assurance",
    "threat": "THREAT",
}


@dataclass(frozen=True)
class Entry:
    turn: int
    order: int
    text: Text
    pending: int | None = None  # envelope id awaiting my answer
    kind: str = ""
    incoming: bool = False  # said to me, so it can be unread


def awaiting_words(view) -> str:
    """'1 proposal awaits your answer', plural-aware; empty when nothing waits."""
    waiting = view.pending_proposals()
    if not waiting:
        return ""
    ultimatums = sum(1 for e in waiting if e.message.kind == "ultimatum")
    proposals = len(waiting) - ultimatums
    parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((proposals, "proposal"), (ultimatums, "ultimatum")) if n]
    return f"{' and '.join(parts)} {'awaits' if len(waiting) == 1 else 'await'} your answer"


def term_texts(view, term_ids) -> list[str]:
    terms = {t.id: t.text for t in view.scenario.spec.terms}
    return [terms.get(t, t) for t in term_ids]


def move_name(view, move_id) -> str:
    move = view.scenario.moves.get(move_id or "")
    return move.name.lower() if move else str(move_id)


def conversation(view, other: str, palette: dict[str, str]) -> list[Entry]:
    """Everything said between the human and ``other``, oldest first."""
    names = {o.id: o.name for o in view.others}
    entries: list[Entry] = []
    for envelope in (*view.inbox, *view.outbox):
        sent = envelope.message.sender == view.actor
        counterpart = envelope.message.recipient if sent else envelope.message.sender
        if counterpart != other:
            continue
        message = envelope.message if sent else envelope.received()
        pending = None if sent or envelope.status != "pending" else envelope.id
        text = _envelope_text(view, envelope, message, sent, names, palette)
        entries.append(Entry(envelope.turn, envelope.id, text, pending, message.kind, incoming=not sent))
    for index, event in enumerate(view.news):
        if event.kind == "hotline" and len(event.actors) == 2 and other in event.actors and view.actor in event.actors:
            sender = event.actors[0]
            body = event.text.split(": ", 1)[1] if ": " in event.text else event.text
            text = Text()
            text.append(f"Turn {event.turn} · ", "dim")
            text.append("you" if sender == view.actor else names.get(sender, sender), "bold")
            text.append(f" → {'you' if sender != view.actor else names.get(other, other)} · call\n", "dim")
            text.append(body)
            entries.append(Entry(event.turn, 10_000 + index, text, incoming=sender != view.actor))
    entries.sort(key=lambda e: (e.turn, e.order))
    return entries


def _envelope_text(view, envelope, message, sent: bool, names, palette) -> Text:
    who = "You" if sent else names.get(message.sender, message.sender)
    to = names.get(message.recipient, message.recipient) if sent else "you"
    text = Text()
    text.append(f"Turn {envelope.turn} · #{envelope.id} · ", "dim")
    text.append(who, "bold")
    text.append(f" → {to} · ", "dim")
    loud = message.kind in ("proposal", "counter", "ultimatum", "threat")
    text.append(KIND_WORDS.get(message.kind, message.kind), f"bold {palette['warn']}" if loud else "bold")
    if message.reply_to is not None:
        text.append(f" (re #{message.reply_to})", "dim")
    if envelope.status:
        colour = {"pending": palette["warn"], "accepted": palette["down"], "rejected": palette["up"]}.get(envelope.status, "")
        text.append(f" [{envelope.status}]", f"bold {colour}".strip())
    if not envelope.delivered:
        text.append(" (held up on the line)", "italic")
    if message.text:
        text.append("\n" + message.text)
    mine, theirs = ("You", names.get(message.recipient, "They")) if sent else (names.get(message.sender, "They"), "You")
    if message.offer:
        text.append(f"\n  {mine} offer: " + "; ".join(term_texts(view, message.offer)))
    if message.ask:
        text.append(f"\n  {theirs} would: " + "; ".join(term_texts(view, message.ask)))
    if message.kind == "ultimatum":
        left = (message.deadline or 0) - view.turn
        when = "this turn" if left == 0 else f"{left} turn{'s' if left != 1 else ''} left" if left > 0 else "expired"
        text.append(f"\n  Deadline: turn {message.deadline} ({when}); otherwise: {move_name(view, message.move)}", f"bold {palette['up']}")
    if message.kind == "assurance":
        text.append(f"\n  Promise: will not {move_name(view, message.move)}")
    if message.kind == "threat":
        text.append(f"\n  If {theirs.lower() if theirs == 'You' else theirs} {move_name(view, message.trigger_move)}, "
                    f"{mine.lower() if mine == 'You' else mine} will answer with {move_name(view, message.move)}")
    if envelope.status == "pending" and not sent:
        text.append("\n  ⏳ awaiting your answer: y accept · x reject · c counter",
                    f"bold {palette['warn']}")
    return text


GENERIC_WORDS = frozenset({"republic", "kingdom", "federation", "union", "united", "states", "state", "nations",
                           "council", "commission", "federal", "democratic", "people's", "of", "the", "and"})


def short_name(name: str) -> str:
    """The word that tells a state apart: 'Republic of Cuba' is Cuba, 'Ossian Sea Council' Ossian.

    A name made only of generic words ('United Nations') is kept whole.
    """
    words = [word.strip("()") for word in name.split()]
    return next((word for word in words if word and word.lower() not in GENERIC_WORDS), name)


def fit_labels(labels: list[tuple[str, str]], width: int) -> list[Text]:
    """Tab labels (name, badges) that fit in ``width`` columns side by side, so every tab stays on screen.

    Badges are kept whole. Names are whole when they all fit; else each is
    its distinctive word (when those differ); else the longest are cut with
    "…" to a fair share of the room (never below 4 characters). A width of
    0 (not laid out yet) keeps the names whole.
    """
    names = [printable(name) for name, _ in labels]
    room = width - sum(1 + cell_len(badge) for _, badge in labels)  # a tab pads its label by one column
    if not width or sum(map(cell_len, names)) <= room:
        return [plain(name + badge) for name, (_, badge) in zip(names, labels, strict=True)]
    short = [short_name(name) for name in names]
    if len(set(short)) == len(short):
        names = short
    if sum(map(cell_len, names)) > room:
        share, left = {}, room
        for index in sorted(range(len(names)), key=lambda i: cell_len(names[i])):
            share[index] = max(4, min(cell_len(names[index]), left // (len(names) - len(share))))
            left -= share[index]
        names = [name if cell_len(name) <= share[i] else set_cell_size(name, share[i] - 1).rstrip() + "…"
                 for i, name in enumerate(names)]
    return [plain(name + badge) for name, (_, badge) in zip(names, labels, strict=True)]


class HotlinePanel(Vertical):
    """Counterparts as tabs, the conversation below, answers by key."""

    BINDINGS = [  # [ and ] are told in the hint under the conversation: the footer has no room at 80 columns
        Binding("y", "answer('accept')", "Accept", tooltip="Accept the highlighted proposal"),
        Binding("x", "answer('reject')", "Reject", tooltip="Reject the highlighted proposal"),
        Binding("c", "answer('counter')", "Counter", tooltip="Answer the highlighted proposal with your own terms"),
        Binding("left_square_bracket", "switch(-1)", "Previous conversation", show=False,
                tooltip="The conversation with the counterpart to the left"),
        Binding("right_square_bracket", "switch(1)", "Next conversation", show=False,
                tooltip="The conversation with the counterpart to the right"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = None
        self.counterpart: str | None = None
        self._entries: list[Entry] = []
        self._read: dict[str, set[int]] = {}  # per seat: the messages whose conversation has been on screen
        self._known_pending: dict[str, set[int]] = {}  # per seat: proposals already turned to
        self._fresh: set[int] = set()  # marked NEW in the conversation on screen
        self._fresh_for: tuple = ()

    def compose(self) -> ComposeResult:
        yield Tabs(id="counterparts")
        yield OptionList(id="conversation")
        yield Static(id="hotline-hint")

    def show(self, view, palette: dict[str, str]) -> None:
        self.view, self.palette = view, palette
        self._turn_to_waiting(view)
        if self.counterpart not in [o.id for o in view.others]:
            self.counterpart = self._default_counterpart(view)
        self._fill()

    def _turn_to_waiting(self, view) -> None:
        """A proposal for me that was not there before opens its conversation (the first such, oldest first)."""
        known = self._known_pending.setdefault(view.actor, set())
        new = [e for e in view.pending_proposals() if e.id not in known]
        known.update(e.id for e in new)
        if new:
            self.counterpart = new[0].message.sender

    def _show_tabs(self) -> None:
        view = self.view
        labels = fit_labels([self._tab_label(view, o) for o in view.others], self.size.width)
        wanted = [(f"with-{o.id}", label) for o, label in zip(view.others, labels, strict=True)]
        tabs = next(iter(self.query("#counterparts").results(Tabs)), None)
        if tabs is None or [t.id for t in tabs.query(Tab)] != [tab_id for tab_id, _ in wanted]:
            self.call_next(self._replace_tabs, wanted)
        else:
            for tab_id, label in wanted:
                tabs.query_one(f"#{tab_id}", Tab).label = label
            if tabs.active != f"with-{self.counterpart}":
                tabs.active = f"with-{self.counterpart}"

    def on_resize(self) -> None:
        """Labels are fitted to the width: a new width fits them again."""
        if self.view is not None:
            self._show_tabs()

    async def _replace_tabs(self, wanted: list[tuple[str, Text]]) -> None:
        """A new row of tabs with the chosen one active from the start.

        A row filled tab by tab activates its first tab once it is mounted,
        overriding the counterpart chosen here; a new row is given its active
        tab up front (the set of counterparts changes only with the seat).
        The counterpart is read when the row is built, not when it was asked
        for: a proposal may have turned the hotline to its sender meanwhile.
        """
        await self.query("#counterparts").remove()
        row = Tabs(*(Tab(label, id=tab_id) for tab_id, label in wanted), active=f"with-{self.counterpart}",
                   id="counterparts")
        await self.mount(row, before=self.query_one("#conversation"))

    def _tab_label(self, view, other) -> tuple[str, str]:
        """The name, then unread messages (✉), proposals waiting, and a mark for a channel that is not simply open."""
        waiting = sum(1 for e in view.pending_proposals() if e.message.sender == other.id)
        unread = len(self.unread(other.id))
        badge = (f" ✉{unread}" if unread else "") + (f" ({waiting})" if waiting else "")
        return other.name, f"{badge}{CHANNEL_MARKS.get(other.channel, '')}"

    def unread(self, other: str) -> list[Entry]:
        """Messages from ``other`` whose conversation has not been on screen since they came."""
        view = self.view
        if view is None:
            return []
        read = self._read_by(view)
        return [e for e in conversation(view, other, self.palette) if e.incoming and e.order not in read]

    def _read_by(self, view) -> set[int]:
        """What this seat has read; a seat first seen (a resumed game) has read what came before this turn."""
        if view.actor not in self._read:
            waiting = {e.id for e in view.pending_proposals()}
            self._read[view.actor] = {
                e.order for other in view.others for e in conversation(view, other.id, self.palette)
                if e.turn < view.turn and e.order not in waiting
            }
        return self._read[view.actor]

    def _default_counterpart(self, view) -> str | None:
        pending = view.pending_proposals()
        if pending:
            return pending[0].message.sender
        usable = [o.id for o in view.others if o.channel != "severed"]
        return (usable or [o.id for o in view.others] or [None])[0]

    def _on_screen(self) -> bool:
        """The Hotline tab is the one shown (a hidden pane is not displayed)."""
        return all(node.display for node in self.ancestors_with_self if hasattr(node, "display"))

    def _fill(self) -> None:
        view = self.view
        if view is None:
            return
        self._entries = conversation(view, self.counterpart, self.palette) if self.counterpart else []
        read = self._read_by(view)
        if self._fresh_for != (view.actor, view.turn, self.counterpart):
            self._fresh_for, self._fresh = (view.actor, view.turn, self.counterpart), set()
        unread = {e.order for e in self._entries if e.incoming and e.order not in read}
        self._fresh |= unread
        if self._on_screen():
            read |= unread
        self._show_tabs()
        listing = self.query_one("#conversation", OptionList)
        listing.clear_options()
        if not self._entries:
            name = next((o.name for o in view.others if o.id == self.counterpart), "")
            listing.add_option(Option(plain(f"No messages with {name} yet." if name else "No messages yet.", "dim italic"), disabled=True))
        else:
            listing.add_options([Option(self._marked(entry), id=f"m{i}") for i, entry in enumerate(self._entries)])
            pending = [i for i, e in enumerate(self._entries) if e.pending is not None]
            listing.highlighted = pending[0] if pending else len(self._entries) - 1
            listing.scroll_to_highlight()
        self._show_hint(view)

    def _marked(self, entry: Entry) -> Text:
        if entry.order not in self._fresh:
            return entry.text
        return Text.assemble(("NEW", "bold reverse"), " ", entry.text)

    def _show_hint(self, view) -> None:
        other = next((o for o in view.others if o.id == self.counterpart), None)
        hint = self.query_one("#hotline-hint", Static)
        switch = (("  [ ]", "bold"), " other conversation") if len(view.others) > 1 else ()
        if view.over:
            hint.update("")
        elif view.phase != "hotline":
            hint.update(Text.assemble(("The hotline opens at the start of each turn.", "dim"), *switch))
        elif other is not None and other.channel == "severed":
            hint.update(Text.assemble((f"The channel to {other.name} is severed: messages cannot get through.", "italic"), *switch))
        elif other is not None and other.channel == "strained":
            hint.update(Text.assemble(
                (f"The channel to {other.name} is strained: messages may arrive late or garbled.  ", "italic"),
                ("m", "bold"), " write a message", *switch))
        else:
            hint.update(Text.assemble(("m", "bold"), " write a message   ", ("space", "bold"),
                                      " close the hotline and go to orders", *switch))

    def on_show(self) -> None:
        """The Hotline tab came into view: the conversation on it is read now."""
        if self.view is not None and self.counterpart and self.unread(self.counterpart):
            self._fill()

    def highlighted_entry(self) -> Entry | None:
        listing = self.query_one("#conversation", OptionList)
        index = listing.highlighted
        if index is None or not 0 <= index < len(self._entries):
            return None
        return self._entries[index]

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        """The player (or the row being built) chose a conversation; a late message from a row that has moved
        on since (the hotline turned to a proposal that came meanwhile) is not a choice."""
        event.stop()
        stale = not event.tabs.is_attached or event.tab.id != event.tabs.active
        if not stale and event.tab.id and self.view is not None:
            counterpart = event.tab.id.removeprefix("with-")
            if counterpart != self.counterpart:
                self.counterpart = counterpart
                self._fill()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "answer":
            entry = self.highlighted_entry()
            if self.view is None or self.view.phase != "hotline" or entry is None or entry.pending is None:
                return False
        if action == "switch" and (self.view is None or len(self.view.others) < 2):
            return False
        return True

    def action_switch(self, step: int) -> None:
        """The next (or previous) counterpart's conversation, round the row."""
        others = [o.id for o in self.view.others] if self.view is not None else []
        if self.counterpart in others:
            self.counterpart = others[(others.index(self.counterpart) + step) % len(others)]
            self._fill()

    def action_answer(self, kind: str) -> None:
        entry = self.highlighted_entry()
        if entry is not None and entry.pending is not None:
            self.post_message(AnswerRequested(entry.pending, kind))
