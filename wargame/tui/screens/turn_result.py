"""The result of a turn: the ladder as you read it, what you saw the others do, what fired.

Only what the human's view holds: the rung as you read it and the others'
moves as perceived (a covert move that went unnoticed shows as nothing),
never the true rung nor the actual moves: those wait for the end of the game.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from wargame.engine.clarity import clarity_words
from wargame.engine.views import ActorView
from wargame.tui.session import Session
from wargame.tui.text import STAT_LABELS, aimed_at, signed, stat_order
from wargame.tui.widgets.game_header import GameHeader
from wargame.tui.widgets.key_bar import KeyBar

QUIET_KINDS = {"briefing"}


def reading_words(perceived: float) -> str:
    if perceived >= 2.5:
        return "a heavy blow"
    if perceived >= 1.5:
        return "clearly escalating"
    if perceived >= 0.5:
        return "somewhat escalating"
    if perceived <= -1.5:
        return "clearly calming"
    if perceived <= -0.5:
        return "somewhat calming"
    return "neutral"


def result_text(session: Session, perceived_before: int | None) -> Text:
    view = session.view()
    turn = view.turn
    names = {o.id: o.name for o in view.others}
    rung_names = [name for band in view.scenario.ladder.bands for name in band.rungs]
    now = view.perceived_rung
    text = Text()

    def heading(title: str) -> None:
        if text:
            text.append("\n")
        text.append(f"{title}\n", "bold underline")

    heading("The ladder, as you read it")
    if perceived_before is None:
        text.append(f"You read the crisis at rung {now}: {rung_names[now]}\n", "bold")
    else:
        change = now - perceived_before
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        text.append(f"{arrow} Rung {perceived_before} → {now}: {rung_names[now]}", "bold")
        text.append(f"  ({signed(change)})\n" if change else "  (no change)\n")

    heading("Moves")
    if view.order:
        move = view.scenario.moves.get(view.order)  # from the scenario: a finished game lists no options
        name = move.name if move else view.order
        aim = view.order_target
        target = aimed_at(move, names.get(aim, aim)) if aim else ""
        text.append(f"  You: {name}{target}\n")
    readings = view.perceived_history[-1][1] if view.perceived_history and view.perceived_history[-1][0] == turn else ()
    for reading in readings:
        who = names.get(reading.actor, reading.actor)
        if reading.seen is None:
            text.append(f"  {who}: ", "bold")
            text.append("no move noticed\n", "italic")
            continue
        move = view.scenario.moves.get(reading.seen)
        target = reading.target and aimed_at(move, "you" if reading.target == view.actor else names.get(reading.target, reading.target))
        text.append(f"  {who}: ", "bold")
        text.append(f"{move.name if move else reading.seen}{target or ''}")
        text.append(f" — you read it as {reading_words(reading.perceived)} ({signed(round(reading.perceived, 1))})\n", "dim")
        text.append(f"    {clarity_words(reading.noise, reading.causes)}\n", "dim italic")

    heading("Your standing")
    standing(text, view)

    touched = [line for line in (*view.my_red_lines, *view.their_red_lines) if turn in (line.crossed_turn, line.answered_turn)]
    if touched:
        heading("Red lines")
        for line in touched:
            owner = "your" if line.owner == view.actor else f"{names.get(line.owner, line.owner)}'s"
            text.append(f"  ⚠ {line.status}: ", "bold")
            text.append(f"{line.description} ({owner} line)\n")

    deals = [a for a in view.agreements if a.turn == turn or a.broken_turn == turn]
    if deals:
        heading("Agreements")
        terms = {term.id: term.text for term in view.scenario.spec.terms}
        for agreement in deals:
            state = f"broken by {names.get(agreement.broken_by, 'you')}" if agreement.broken_turn == turn else "made"
            text.append(f"  {state}:\n", "bold")
            for party in agreement.parties:  # who promised what, each term once
                promised = dict.fromkeys(terms.get(c.term, c.term) for c in agreement.commitments
                                         if c.party == party and c.term)
                who = "you" if party == view.actor else names.get(party, party)
                text.append(f"    {who}: {'; '.join(promised) or 'a promise'}\n")

    events = [e for e in view.news if e.turn == turn and e.kind not in QUIET_KINDS]
    if events:
        heading("News and events")
        for event in events:
            mark = "★ " if event.kind in ("trigger", "inject") else "• "
            text.append(f"  {mark}{event.text}\n")
    if view.over:
        text.append(f"\nThe crisis is over: {view.outcome.kind}.\n", "bold")
    return text


def standing(text: Text, view: ActorView) -> None:
    """Each stat that moved, with what moved it: "credibility 41 (−15): you did not answer the crossed line …"."""
    moved = False
    for stat in stat_order(view.stats):
        change = view.stats[stat] - view.previous_stats.get(stat, view.stats[stat])
        if not change:
            continue
        moved = True
        causes = [c for c in view.my_changes if c.stat == stat]
        text.append(f"  {STAT_LABELS[stat].lower()} {view.stats[stat]} ({signed(change)})", "bold")
        if len(causes) == 1:
            text.append(f": {causes[0].cause}")
        elif causes:
            text.append(": " + "; ".join(f"{c.cause} ({signed(c.amount)})" for c in causes))
        text.append("\n")
    if not moved:
        text.append("  unchanged\n")


class TurnResultScreen(Screen[None]):
    """Shown after each turn resolves; space or Enter goes on."""

    BINDINGS = [
        Binding("space,enter", "done", "Continue", tooltip="Go on to the next turn"),
        Binding("escape", "done", "Continue", show=False),
    ]

    def __init__(self, session: Session, perceived_before: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.perceived_before = perceived_before

    def compose(self) -> ComposeResult:
        yield GameHeader(id="game-header")
        with Vertical(id="result"):
            yield Static(id="result-title")
            with VerticalScroll(id="result-scroll"):
                yield Static(id="result-body")
        yield KeyBar()

    def on_mount(self) -> None:
        view = self.session.view()
        self.query_one(GameHeader).show(view)
        title = f"{view.turn_label} — turn {view.turn} of {view.turns} resolved"
        self.query_one("#result-title", Static).update(Text(title, "bold"))
        body = result_text(self.session, self.perceived_before)
        self.query_one("#result-body", Static).update(body)
        self.query_one("#result-scroll").focus()

    def action_done(self) -> None:
        self.dismiss(None)
