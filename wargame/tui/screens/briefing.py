"""Choose a side, then read its briefing: public and private text, objectives, red lines.

Before a side is chosen the screen shows only what every side may see: the
scenario's title and summary and each side's public briefing. Enter takes
the highlighted side; only then are its private briefing, objectives and
red lines shown, and Enter again starts. With ``--as`` (and for each team
in hot-seat play) the side is fixed and chosen from the start. Starting
closes the first turn's briefing and opens the hotline.

``wargame play NAME`` shows this screen before the scenario is loaded (no
scenario yet: an empty list and "Opening NAME…"); ``show_scenario`` fills
it in. The screen reads only the scenario (the game has not started); the
App holds the game it starts. The Markdown widget is imported only once
the scenario is there, so it costs nothing before the first frame.
"""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from wargame.markdown_text import block, inline
from wargame.tui.untrusted import plain
from wargame.tui.widgets.key_bar import KeyBar


def public_markdown(scenario, actor_id: str) -> str:
    """What every side may read before choosing: the scenario, the highlighted side's public briefing, the others'."""
    spec, actor = scenario.spec, scenario.actor(actor_id)
    parts = [f"# {inline(actor.name)}", f"*{inline(actor.leader)}* · {inline(spec.title)}"]
    if actor.briefing.public:
        parts += ["## Public briefing", block(actor.briefing.public.strip())]
    parts += ["## The crisis", inline(spec.summary)]
    others = [a for a in spec.actors if a.id != actor_id]
    if others:
        parts.append("## The other sides")
        parts += [f"- **{inline(a.name)}** ({inline(a.leader)}): {inline(a.briefing.public) or 'no public briefing'}"
                  for a in others]
    parts.append("*Enter takes this side: its private briefing, objectives and red lines are shown once it is yours.*")
    return "\n\n".join(parts)


def briefing_markdown(scenario, actor_id: str) -> str:
    """The actor's briefing as Markdown, from the scenario (the game has not started yet)."""
    actor = scenario.actor(actor_id)
    names = {a.id: a.name for a in scenario.spec.actors}
    moves = scenario.moves
    parts = [f"# {inline(actor.name)}", f"*{inline(actor.leader)}* · {inline(scenario.spec.title)}"]
    if actor.briefing.public:
        parts += ["## Public briefing", block(actor.briefing.public.strip())]
    if actor.briefing.private:
        parts += ["## Private briefing — for your eyes only", block(actor.briefing.private.strip())]
    if actor.objectives:
        parts.append("## Objectives")
        parts += [f"- {inline(o.description)} — **{o.weight:+d}** points" for o in actor.objectives]
    if actor.red_lines:
        parts.append("## Your red lines")
        for line in actor.red_lines:
            kind = "declared" if line.declared else "secret"
            answers = inline(", ".join(moves[m].name if m in moves else m for m in line.response))
            parts.append(f"- **{inline(line.description)}** (against {inline(names.get(line.against, line.against))}, {kind}). "
                         f"If crossed, answer within {line.window} turn{'s' if line.window > 1 else ''} with: {answers}.")
    return "\n\n".join(parts)


SIDE_WIDTH = 29  # the side list's width: #sides is 30 columns in wargame.tcss, less its border


def side_label(name: str, leader: str) -> str:
    """The side's name, then its leader indented under it; long ones wrap, the leader's lines staying indented."""
    lines = textwrap.wrap(name, SIDE_WIDTH, subsequent_indent=" ") + textwrap.wrap(leader, SIDE_WIDTH, initial_indent="  ",
                                                                                 subsequent_indent="  ")
    return "\n".join(lines)


class BriefingScreen(Screen[None]):
    """The side picker beside the highlighted side's briefing."""

    BINDINGS = [
        Binding("enter", "choose", "Take this side", priority=True),
        Binding("enter", "start", "Start as this side", priority=True),
        Binding("escape", "back", "Back"),
        Binding("pagedown", "read('page_down')", "Read on", priority=True, tooltip="Scroll the briefing down"),
        Binding("pageup", "read('page_up')", "Back up", show=False, priority=True),
    ]

    def __init__(self, scenario, side: str = "", locked: bool = False, opening_label: str = "") -> None:
        super().__init__()
        self.scenario = scenario
        self.side = side
        self.locked = locked  # the side is chosen: its private briefing may be shown
        self.fixed = locked  # chosen before this screen (``--as``, hot-seat): no going back to the list
        self.opening_label = opening_label

    def compose(self) -> ComposeResult:
        with Horizontal(id="briefing-body"):
            with Vertical(id="sides"):
                yield Label("Your side", classes="panel-title")
                yield OptionList(*self._side_options(), id="side-list")
                yield Label("★ recommended", classes="dialog-hint")
            if self.scenario is None:
                yield Static(plain(f"Opening {self.opening_label}…"), id="briefing-loading")
            else:
                yield self._briefing()
        yield KeyBar()

    def _side_options(self) -> list[Option]:
        if self.scenario is None:
            return []
        spec = self.scenario.spec
        recommended = set(spec.recommended_sides)
        actors = [a for a in spec.actors if not self.locked or a.id == self.side]
        return [Option(plain(side_label(f"{a.name}{' ★' if a.id in recommended else ''}", a.leader)), id=a.id)
                for a in actors]

    def _briefing(self) -> Widget:
        """CommonMark without linkify, links not opened: scenario text (already escaped) can make no link to click."""
        from markdown_it import MarkdownIt
        from textual.widgets import Markdown

        return Markdown(self._text(), id="briefing-text",
                        parser_factory=lambda: MarkdownIt("commonmark"), open_links=False)

    def _text(self) -> str:
        return (briefing_markdown if self.locked else public_markdown)(self.scenario, self.side)

    def on_mount(self) -> None:
        self.query_one("#side-list", OptionList).focus()
        if self.scenario is not None:
            self._show_side()

    def _show_side(self) -> None:
        listing = self.query_one("#side-list", OptionList)
        listing.highlighted = listing.get_option_index(self.side)
        self.sub_title = self.scenario.spec.title

    def show_scenario(self, scenario, side: str) -> None:
        """The scenario is loaded: list its sides and show the briefing of ``side``."""
        self.scenario, self.side = scenario, side
        self.query_one("#side-list", OptionList).add_options(self._side_options())
        self.query_one("#briefing-loading").remove()
        self.query_one("#briefing-body").mount(self._briefing())
        self._show_side()
        self.refresh_bindings()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.side and not self.locked:
            self.side = event.option.id
            self.query_one("#briefing-text").update(self._text())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start() if self.locked else self.action_choose()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "choose":
            return self.scenario is not None and not self.locked
        if action == "start":
            return self._can_start()
        if action == "back":
            return not self.fixed
        return True

    def action_choose(self) -> None:
        """Take the highlighted side: from now on its private briefing is shown."""
        if self.scenario is not None and not self.locked:
            self._lock(True)

    def _lock(self, locked: bool) -> None:
        self.locked = locked
        listing = self.query_one("#side-list", OptionList)
        listing.clear_options()
        listing.add_options(self._side_options())
        self.query_one("#briefing-text").update(self._text())
        self._show_side()
        self.refresh_bindings()

    def action_read(self, where: str) -> None:
        """PgDn/PgUp scroll the briefing whatever has the keyboard (the side list keeps ↑↓, Home and End)."""
        if self.scenario is None:
            return
        text = self.query_one("#briefing-text")
        (text.scroll_page_down if where == "page_down" else text.scroll_page_up)(animate=False)

    def _can_start(self) -> bool:
        """A side is taken and its game has started (a frame after the scenario is shown: ``WargameApp._open``)."""
        return self.scenario is not None and self.locked and self.app.game_ready

    def action_start(self) -> None:
        if self._can_start():
            self.app.start_game(self.side)

    def action_back(self) -> None:
        if self.locked:  # back to the list of sides, which shows only what every side may see
            self._lock(False)
        else:
            self.app.show_title()
