"""Choose a side and read its briefing: public and private text, objectives, red lines.

With ``--as`` the side is fixed and the list only shows it. Starting closes
the first turn's briefing and opens the hotline.

``wargame play NAME`` shows this screen before the scenario is loaded (no
scenario yet: an empty list and "Opening NAME…"); ``show_scenario`` fills
it in. The screen reads only the scenario (the game has not started); the
App holds the game it starts. The Markdown widget is imported only once
the scenario is there, so it costs nothing before the first frame.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from wargame.markdown_text import block, inline
from wargame.tui.untrusted import plain


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


class BriefingScreen(Screen[None]):
    """The side picker beside the highlighted side's briefing."""

    BINDINGS = [
        Binding("enter", "start", "Start as this side", priority=True),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, scenario, side: str = "", locked: bool = False, opening_label: str = "") -> None:
        super().__init__()
        self.scenario = scenario
        self.side = side
        self.locked = locked
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
        yield Footer()

    def _side_options(self) -> list[Option]:
        if self.scenario is None:
            return []
        spec = self.scenario.spec
        recommended = set(spec.recommended_sides)
        actors = [a for a in spec.actors if not self.locked or a.id == self.side]
        return [Option(plain(f"{a.name}{' ★' if a.id in recommended else ''}\n  {a.leader}"), id=a.id) for a in actors]

    def _briefing(self) -> Widget:
        """CommonMark without linkify, links not opened: scenario text (already escaped) can make no link to click."""
        from markdown_it import MarkdownIt
        from textual.widgets import Markdown

        return Markdown(briefing_markdown(self.scenario, self.side), id="briefing-text",
                        parser_factory=lambda: MarkdownIt("commonmark"), open_links=False)

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
        if event.option.id and event.option.id != self.side:
            self.side = event.option.id
            self.query_one("#briefing-text").update(briefing_markdown(self.scenario, self.side))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "start":
            return self.scenario is not None
        if action == "back":
            return not self.locked
        return True

    def action_start(self) -> None:
        if self.scenario is not None:
            self.app.start_game(self.side)

    def action_back(self) -> None:
        self.app.show_title()
