"""What the facilitator ("white cell") sees, as text: the whole state, actual and perceived.

Presentation only; scenario and save text enters a table cell as ``plain`` text,
never as markup. Everything comes from the engine's ``FacilitatorView``,
which holds the whole game as a value: the actual rung and each side's
reading of it, every stat, every red line with the secret ones,
every message as sent and as received, the agreements, and last turn's
misreadings. Nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.table import Table
from rich.text import Text

from wargame.engine import FacilitatorView
from wargame.engine.records import WHITE_CELL, AgreementSnapshot, EnvelopeSnapshot, RedLineSnapshot
from wargame.tui.text import STAT_LABELS, STAT_SHORT, signed, stat_order
from wargame.tui.untrusted import plain

T = TypeVar("T")


def _names(view: FacilitatorView) -> dict[str, str]:
    return {a.id: a.name for a in view.actors}


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _move_name(view: FacilitatorView, move_id: str | None) -> str:
    move = view.scenario.moves.get(move_id) if move_id else None
    return move.name if move else (move_id or "—")


def crisis_text(view: FacilitatorView, humans: tuple[str, ...] = ()) -> Table:
    """The actual rung, its band and peak, and where each side believes the crisis stands."""
    names = _names(view)
    head = Text()
    head.append(f"Rung {view.rung}: {view.rung_name}\n", "bold")
    head.append(f"{view.band} · peak {view.peak} · war at {view.war_rung}", "dim")
    if view.history:
        last = view.history[-1]
        head.append(f"\nLast turn: {last.rung_before} → {last.rung_after} ({signed(last.change)})", "dim")
    table = Table(box=None, expand=True, padding=(0, 1, 0, 0), show_header=True, show_edge=False)
    table.add_column("Perceived by", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("rung", justify="right", no_wrap=True)
    table.add_column("off", justify="right", no_wrap=True)
    for state in view.actors:
        actor = state.id
        gap = round(state.perceived_rung) - view.rung
        who = names[actor] + (" ◆" if actor in humans else "")
        table.add_row(plain(who), f"{state.perceived_rung:.1f}", Text(signed(gap) if gap else "", "bold" if abs(gap) >= 2 else "dim"))
    outer = Table.grid(expand=True)
    outer.add_row(head)
    outer.add_row("")
    outer.add_row(table)
    if humans:
        outer.add_row(Text("◆ played by people", "dim"))
    return outer


def actors_table(view: FacilitatorView, humans: tuple[str, ...] = ()) -> Table:
    """Every stat of every actor, and who plays it (people, or a computer doctrine)."""
    table = Table(box=None, expand=True, padding=(0, 1, 0, 0), show_edge=False)
    table.add_column("Actor", style="bold", ratio=1, min_width=8, no_wrap=True, overflow="ellipsis")
    stats = stat_order(view.actors[0].stats)
    for stat in stats:
        table.add_column(STAT_SHORT[stat], justify="right", no_wrap=True)
    table.add_column("plays", no_wrap=True)
    for state in view.actors:
        player = "people" if state.id in humans else state.doctrine.replace("_", " ")
        table.add_row(plain(state.name), *(str(state.stats[s]) for s in stats), player)
    return table


def relations_text(view: FacilitatorView) -> Table:
    """Trust each actor (row) holds in each other one (column), by id, and every channel that is not simply open."""
    names = _names(view)
    table = Table(box=None, expand=False, padding=(0, 0, 0, 2), show_edge=False)
    table.add_column("trust in →", no_wrap=True, style="bold")
    actors = [a.id for a in view.actors]
    for other in actors:
        table.add_column(plain(other), justify="right", no_wrap=True)
    for state in view.actors:
        table.add_row(plain(state.id), *(str(state.trust[o]) if o != state.id else "·" for o in actors))
    channels = Text()
    for i, a in enumerate(actors):
        for b in actors[i + 1:]:
            channel = view.channel(a, b)
            if channel != "open":
                channels.append(f"  {names[a]} – {names[b]}: ", "dim")
                channels.append(f"{channel}\n", "bold" if channel == "severed" else "")
    if not channels:
        channels.append("  every channel is open\n", "dim")
    legend = Text(" · ".join(f"{STAT_SHORT[s]} {STAT_LABELS[s].lower()}" for s in STAT_SHORT), "dim")
    outer = Table.grid(expand=True)
    outer.add_row(Text("\nTrust", "bold"))
    outer.add_row(table)
    outer.add_row(Text("\nChannels", "bold"))
    outer.add_row(channels.rstrip() or channels)
    outer.add_row(Text(""))
    outer.add_row(legend)
    return outer


def _listing(entries: Sequence[T], empty: str, write: Callable[[Text, T], None]) -> Text:
    """A panel of entries, each written by ``write``, or ``empty`` (dimmed) when there is none."""
    if not entries:
        return Text(empty, "dim")
    text = Text()
    for entry in entries:
        write(text, entry)
    text.rstrip()
    return text


def red_lines_text(view: FacilitatorView) -> Text:
    """Every red line, secret ones too, with its status."""
    names = _names(view)

    def write(text: Text, line: RedLineSnapshot) -> None:
        mark = "⚠" if line.status == "crossed" else "•"
        text.append(f"{mark} {line.status:<9}", "bold red" if line.status == "crossed" else "bold")
        text.append(f" {line.description}\n")
        secrecy = "declared" if line.declared else "SECRET"
        text.append(f"    {names.get(line.owner, line.owner)} against {names.get(line.against, line.against)} · {secrecy}", "dim")
        text.append(f" · from {line.source}" if line.source != "scenario" else "", "dim")
        if line.crossed_turn is not None:
            text.append(f" · crossed turn {line.crossed_turn}", "dim")
        if line.answered_turn is not None:
            text.append(f" · answered turn {line.answered_turn}", "dim")
        text.append("\n")

    return _listing(view.red_lines, "No red lines.", write)


def hotline_text(view: FacilitatorView) -> Text:
    """Every message as sent (newest first), with what became of it."""
    names = _names(view)

    def write(text: Text, envelope: EnvelopeSnapshot) -> None:
        m = envelope.message
        text.append(f"#{envelope.id} turn {envelope.turn} ", "dim")
        text.append(f"{names.get(m.sender, m.sender)} → {names.get(m.recipient, m.recipient)}: {m.kind}", "bold")
        if envelope.status:
            text.append(f" [{envelope.status}]")
        if envelope.garbled:
            text.append(" garbled on the way", "bold red")
        if not envelope.delivered:
            text.append(" (not delivered yet)", "italic")
        text.append("\n")
        details = [m.text] if m.text else []
        if m.offer:
            details.append("offers " + ", ".join(m.offer))
        if m.ask:
            details.append("asks " + ", ".join(m.ask))
        if m.move:
            details.append(f"move: {_move_name(view, m.move)}")
        if m.trigger_move:
            details.append(f"if: {_move_name(view, m.trigger_move)}")
        if m.reply_to is not None:
            details.append(f"answers #{m.reply_to}")
        if details:
            text.append("    " + " · ".join(details) + "\n", "dim")

    return _listing(view.envelopes[::-1], "No messages yet.", write)


def agreements_text(view: FacilitatorView) -> Text:
    names = _names(view)

    def write(text: Text, agreement: AgreementSnapshot) -> None:
        parties = " and ".join(names.get(p, p) for p in agreement.parties)
        text.append(f"#{agreement.id} turn {agreement.turn}: {parties}", "bold")
        text.append(f" — {agreement.status}")
        if agreement.broken_by:
            text.append(f" by {names.get(agreement.broken_by, agreement.broken_by)} on turn {agreement.broken_turn}", "bold red")
        text.append(f", kept {agreement.kept_turns} turn{'s' if agreement.kept_turns != 1 else ''}\n")
        for commitment in agreement.commitments:
            promise = commitment.term or ", ".join(_move_name(view, m) for m in commitment.forbids) or "—"
            text.append(f"    {names.get(commitment.party, commitment.party)}: {promise}\n", "dim")

    return _listing(view.agreements, "No agreements.", write)


def last_turn_text(view: FacilitatorView) -> Text:
    """Last turn's actual orders and every misreading of them."""
    names = _names(view)
    if not view.history:
        return Text("No turn has been resolved yet.", "dim")
    record = view.history[-1]
    text = Text()
    text.append(f"Turn {record.turn} ({record.label}): rung {record.rung_before} → {record.rung_after}\n", "bold")
    for actor, order in record.orders.items():
        target = f" → {names.get(order.target, order.target)}" if order.target else ""
        counted, move = record.escalation.get(actor), view.scenario.moves.get(order.move)
        text.append(f"  {names.get(actor, actor)}: {_move_name(view, order.move)}{target}")
        text.append(f"  ({_counted_words(counted, move)})\n" if counted is not None else "\n", "dim")
    misread = [p for p in record.perceptions if p.misread]
    unseen = [p for p in record.perceptions if p.seen is None]
    text.append(f"\nMisreadings ({len(misread)})\n", "bold")
    if not misread:
        text.append("  none: every move was read about right\n", "dim")
    for p in misread:
        observer, move = names.get(p.observer, p.observer), f"{_possessive(names.get(p.actor, p.actor))} {_move_name(view, p.move)}"
        if p.seen == p.move:
            text.append(f"  {observer} read {move}")
        else:
            text.append(f"  {observer} took {move} for {_move_name(view, p.seen)}")
        text.append(f": actual {signed(round(p.actual, 1))}, read as {signed(round(p.perceived, 1))}\n", "dim")
    if unseen:
        text.append(f"\nUnnoticed ({len(unseen)})\n", "bold")
        for p in unseen:
            text.append(f"  {names.get(p.observer, p.observer)} did not notice "
                        f"{_possessive(names.get(p.actor, p.actor))} {_move_name(view, p.move)}\n")
    return text.rstrip() or text


def _counted_words(counted: float, move) -> str:
    """"+2", or "-0.2 of its -2" where the ladder counted a move otherwise than its weight (see engine.weighing)."""
    words = signed(round(counted, 1))
    if move is not None and round(counted, 1) != move.escalation:
        words += f" of its {signed(move.escalation)}"
    return words


def news_text(view: FacilitatorView) -> Text:
    """Every event, newest first, with who was allowed to know it."""
    names = _names(view) | {WHITE_CELL[0]: "the white cell"}
    text = Text()
    for event in reversed(view.events):
        text.append(f"{view.label(event.turn)}  ", "dim")
        text.append(event.text)
        if event.audience:
            text.append(f"  (only {', '.join(names.get(a, a) for a in event.audience)})", "italic")
        text.append("\n")
    return text.rstrip() or text


def inject_summary(scenario, inject) -> str:
    """What firing an inject does, in words."""
    names = {a.id: a.name for a in scenario.spec.actors}
    effects = inject.effects
    parts = []
    if effects.rung:
        parts.append(f"ladder {signed(effects.rung)}")
    for actor, changes in effects.stats.items():
        moved = [f"{STAT_LABELS[s].lower()} {signed(v)}" for s, v in changes.items() if v]
        if moved:
            parts.append(f"{names.get(actor, actor)} " + ", ".join(moved))
    for actor, row in effects.trust.items():
        for other, amount in row.items():
            parts.append(f"{_possessive(names.get(actor, actor))} trust in {names.get(other, other)} {signed(amount)}")
    for a, b, state in effects.channels:
        parts.append(f"channel {names.get(a, a)}–{names.get(b, b)} {state}")
    if effects.unlock:
        parts.append("unlocks " + ", ".join(effects.unlock))
    if inject.message:
        parts.append(f"a hotline message from {names.get(inject.message.sender, inject.message.sender)}")
    return "; ".join(parts) or "news only"
