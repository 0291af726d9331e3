"""The Briefing tab: the side's briefing, objectives and red lines, readable again at any time during play.

The text is the one the briefing screen showed before the game (``briefing_markdown``), followed by how
the side's objectives and red lines stand now; all of it comes from the side's own view and scenario
entry, nothing more. Whether an objective can be judged from the view is the engine's rule
(``wargame.engine.objectives``), not this panel's.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.widgets import Markdown

from wargame.engine.objectives import standings
from wargame.markdown_text import inline
from wargame.tui.screens.briefing import briefing_markdown

STATUS_WORDS = {"standing": "holds", "crossed": "crossed: answer it", "honoured": "crossed and answered",
                "ignored": "crossed and left unanswered"}


def briefing_text(view) -> str:
    """The briefing as Markdown, then how each objective stands, then each of my red lines (scenario lines,
    threats, ultimatums) as it stands."""
    parts = [briefing_markdown(view.scenario, view.actor)]
    judged = standings(view)
    if judged:
        parts.append("## How your objectives stand now")
        parts += [f"- {inline(s.objective.description)}: {objective_words(s)}" for s in judged]
    if view.my_red_lines:
        parts.append("## How your red lines stand")
        parts += [f"- {inline(line.description)}: **{STATUS_WORDS.get(line.status, line.status)}**"
                  for line in view.my_red_lines]
    return "\n\n".join(parts)


def objective_words(standing) -> str:
    """"**met now**", "**not yet**", or why it cannot be judged from what the side sees."""
    if standing.state == "hidden":
        *rest, last = standing.hidden
        reads = f"{', '.join(rest)} and {last}" if rest else last
        return f"*cannot be judged from what you see* (it reads {inline(reads)})"
    return "**met now**" if standing.state == "met" else "**not yet**"


class BriefingPanel(Markdown):
    """CommonMark without links, like the briefing screen: scenario text can open nothing."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", parser_factory=lambda: MarkdownIt("commonmark"), open_links=False, **kwargs)

    def show(self, view) -> None:
        self.update(briefing_text(view))
