"""The Briefing tab: the side's briefing, objectives and red lines, readable again at any time during play.

The text is the one the briefing screen showed before the game (``briefing_markdown``), followed by how
the side's red lines stand now; both come from the side's own view and scenario entry, nothing more.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.widgets import Markdown

from wargame.markdown_text import inline
from wargame.tui.screens.briefing import briefing_markdown

STATUS_WORDS = {"standing": "holds", "crossed": "crossed: answer it", "honoured": "crossed and answered",
                "ignored": "crossed and left unanswered"}


def briefing_text(view) -> str:
    """The briefing as Markdown, then each of my red lines (scenario lines, threats, ultimatums) as it stands."""
    parts = [briefing_markdown(view.scenario, view.actor)]
    if view.my_red_lines:
        parts.append("## How your red lines stand")
        parts += [f"- {inline(line.description)}: **{STATUS_WORDS.get(line.status, line.status)}**"
                  for line in view.my_red_lines]
    return "\n\n".join(parts)


class BriefingPanel(Markdown):
    """CommonMark without links, like the briefing screen: scenario text can open nothing."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", parser_factory=lambda: MarkdownIt("commonmark"), open_links=False, **kwargs)

    def show(self, view) -> None:
        self.update(briefing_text(view))
