"""The orders panel: every move, grouped by category, with cost, escalation and risk.

Availability, reasons, targets and risks come from the view's ``MoveOption``s.
Unavailable moves are disabled options: greyed, with the engine's reason, and
impossible to select. Selecting an available move posts ``MoveChosen``.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wargame.engine.weighing import as_seen_by
from wargame.tui.messages import MoveChosen
from wargame.tui.text import CATEGORY_ORDER, changes_text, cost_text, escalation_mark
from wargame.tui.widgets.hotline_panel import awaiting_words
from wargame.tui.widgets.text_pane import TextPane


def palette_of(app) -> dict[str, str]:
    """Colours for risk marks, taken from the current theme so light and dark both read."""
    variables = app.theme_variables
    return {"up": variables.get("error", "red"), "down": variables.get("success", "green"), "warn": variables.get("warning", "yellow")}


def option_prompt(option, palette: dict[str, str], name_width: int = 24) -> Text:
    move = option.move
    text = Text()
    name = move.name if len(move.name) <= name_width else move.name[: name_width - 1] + "…"
    text.append(f"{name:<{name_width}} ")
    mark = escalation_mark(move.escalation)
    colour = palette["up"] if move.escalation > 0 else palette["down"] if move.escalation < 0 else ""
    text.append(f"{mark:>3}", f"bold {colour}" if option.available and colour else "")
    text.append(f"  {cost_text(move, short=True)}")
    if option.crosses:
        text.append("  ⚠ red line", f"bold {palette['up']}")
    if option.breaks:
        text.append("  ⚠ breaks deal", f"bold {palette['up']}")
    if move.visibility == "covert":
        text.append("  covert", "italic")
    if not option.available:
        text.append(f"\n   {option.reason}", "italic")
    return text


def detail_text(view, option, palette: dict[str, str], target: str | None = None) -> Text:
    """Everything the view says about one move, for the detail pane, toward ``target`` when one is chosen.

    A move with one possible target is counted toward it; with several and
    none chosen yet, the description holds for every target (how the ladder
    would count it is given only when it is the same toward each).
    """
    move = option.move
    names = {o.id: o.name for o in view.others}
    chosen = target  # by the player: the detail then names it
    if move.targeted and target is None and len(option.targets) == 1:
        target = option.targets[0]
    text = Text()
    text.append(move.name, "bold")
    text.append(f"  {move.category}{' · covert' if move.visibility == 'covert' else ''}\n", "dim")
    if move.description:
        text.append(move.description.strip() + "\n")
    text.append(f"Escalation {escalation_mark(move.escalation)}   Cost: {cost_text(move)}\n")
    for line in counted_lines(view, option, target):
        text.append(line + "\n", "dim")
    effects = move.effects
    if effects.self_.items():
        text.append(f"On you: {changes_text(effects.self_)}\n")
    if move.targeted:
        parts = []
        if effects.target.items():
            parts.append(changes_text(effects.target))
        if effects.trust:
            parts.append(f"their trust in you {effects.trust:+d}")
        if effects.channel:
            parts.append(f"channel becomes {effects.channel}")
        if parts:
            on = names.get(chosen, chosen) if chosen else "the target"
            text.append(f"On {on}: " + "; ".join(parts) + "\n")
        if option.targets and chosen is None:
            text.append("Targets: " + ", ".join(names.get(t, t) for t in option.targets) + "\n")
    if option.crosses:
        owners = {line.id: line for line in view.their_red_lines}
        for line_id in option.crosses:
            line = owners.get(line_id)
            text.append(f"⚠ Crosses a declared red line: {line.description if line else line_id}\n", f"bold {palette['up']}")
    if option.breaks:
        terms = {term.id: term.text for term in view.scenario.spec.terms}
        for agreement in (a for a in view.agreements if a.id in option.breaks):
            promised = "; ".join(terms.get(t, t) for t in agreement.terms) or "a promise"
            text.append(f"⚠ Breaks your agreement: {promised}\n", f"bold {palette['up']}")
    if not option.available:
        text.append(f"Not available: {option.reason}\n", "italic")
    text.rstrip()
    return text


def counted_lines(view, option, target: str | None = None) -> list[str]:
    """How the ladder would count the move now, where a rule makes it count other than its weight.

    Toward ``target`` when one is chosen (or the move takes none); for a
    targeted move without a chosen target, one line when every target counts
    alike, else a word that it depends on the target, never one target's count
    passed off as the move's.
    """
    move = option.move
    if not move.targeted or target is not None:
        notes: list[str] = []
        counted = as_seen_by(view, move, target, notes)
        if not notes:
            return []
        toward = f" toward {next((o.name for o in view.others if o.id == target), target)}" if target else ""
        return [f"Counts {escalation_mark(round(counted, 2))} now{toward}: " + "; ".join(notes)]
    counts = set()
    for each in option.targets:
        notes = []
        counted = as_seen_by(view, move, each, notes)
        counts.add((round(counted, 2), tuple(notes)))
    if len(counts) > 1:
        return ["How far the ladder counts it depends on the target: choose one to see."]
    ((counted, notes),) = counts or {(0.0, ())}
    return [f"Counts {escalation_mark(counted)} now: " + "; ".join(notes)] if notes else []


class OrdersPanel(Vertical):
    """The move list and the detail of the highlighted move."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = None
        self._target_name: str | None = None
        self._signature: tuple = ()

    def compose(self) -> ComposeResult:
        yield TextPane(wrap=False, id="order-status")
        yield OptionList(id="moves")
        yield TextPane(id="move-detail")

    def show(self, view, target_name: str | None = None) -> None:
        self.view, self._target_name = view, target_name
        self._show_status(view, target_name)
        signature = tuple((o.move.id, o.reason, o.crosses, o.breaks) for o in view.options)
        if signature != self._signature:
            self._signature = signature
            self._fill(view)
        self._show_detail()

    def _show_status(self, view, target_name: str | None) -> None:
        status = self.query_one("#order-status", TextPane)
        if view.over:
            status.show("The crisis is over.")
        elif view.order:
            option = view.option(view.order)
            name = option.move.name if option else view.order
            if target_name:
                name += f" → {target_name}"
            status.show(Text.assemble(("Your order: ", "bold"), name, ("  space ends the turn", "dim")))
        elif view.phase == "orders":
            status.show(Text.assemble(("Choose a move ", "bold"), ("↑↓ browse · Enter orders", "dim")))
        else:
            status.show(Text.assemble(("Orders open after the hotline ", "bold"), ("(browse now)", "dim")))
        waiting = "" if view.over else awaiting_words(view)
        where = "press 1 for the hotline" if view.phase == "hotline" else "on the hotline next turn"
        apart = bool(waiting) and 0 < self.size.width < cell_len(f"⏳ {waiting} ({where})")  # narrow: on a line of its own
        if waiting:
            status.show(Text.assemble(status.text, "\n", ("⏳ " + waiting, "bold"), ("\n" if apart else " ", ""),
                                      (f"({where})", "dim")))
        status.set_class(bool(view.order), "-ordered")
        status.set_class(bool(waiting), "-waiting")
        status.set_class(apart, "-apart")

    def on_resize(self) -> None:
        if self.view is not None:
            self._show_status(self.view, self._target_name)

    def _fill(self, view) -> None:
        moves = self.query_one("#moves", OptionList)
        highlighted = moves.highlighted_option.id if moves.highlighted_option else None
        moves.clear_options()
        items: list = []
        for category in CATEGORY_ORDER:
            group = [o for o in view.options if o.move.category == category]
            if not group:
                continue
            available = sum(1 for o in group if o.available)
            items.append(Option(Text(f"{category.upper()}  {available}/{len(group)} available", "bold underline"), disabled=True))
            items.extend(Option(option_prompt(o, palette_of(self.app)), id=o.move.id, disabled=not o.available) for o in group)
        moves.add_options(items)
        target = highlighted or view.order
        if target is not None:
            try:
                moves.highlighted = moves.get_option_index(target)
            except Exception:
                target = None
        if target is None:
            first = next((i for i, item in enumerate(items) if not item.disabled), None)
            moves.highlighted = first

    def _show_detail(self) -> None:
        moves = self.query_one("#moves", OptionList)
        detail = self.query_one("#move-detail", TextPane)
        option = moves.highlighted_option
        view = self.view
        move = view.option(option.id) if (option and option.id and view) else None
        target = view.order_target if move and view.order == move.move.id else None  # the ordered move: toward its target
        detail.show(detail_text(view, move, palette_of(self.app), target) if move else "")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.view is not None:
            self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(MoveChosen(event.option.id))
