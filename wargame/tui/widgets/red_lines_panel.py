"""Red lines: yours (secret ones too) and those others declared; crossings flagged.

A crossed line of yours waits for an answer: the panel says with which moves
and until which turn, since ignoring it costs credibility.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

STATUS_WORDS = {
    "standing": "standing",
    "crossed": "CROSSED",
    "honoured": "answered",
    "ignored": "ignored",
}


def move_names(view, move_ids) -> str:
    return ", ".join(view.scenario.moves[m].name if m in view.scenario.moves else m for m in move_ids)


def actor_name(view, actor: str) -> str:
    if actor == view.actor:
        return "you"
    return next((o.name for o in view.others if o.id == actor), actor)


class RedLinesPanel(Static):
    """Every red line the human may know about, with its status."""

    COMPONENT_CLASSES = {"redline--title", "redline--crossed", "redline--standing", "redline--done", "redline--dim"}

    def show(self, view) -> None:
        self.border_title = "Red lines"
        crossed = [line for line in (*view.my_red_lines, *view.their_red_lines) if line.status == "crossed"]
        self.border_subtitle = f"{len(crossed)} crossed" if crossed else ""
        self.update(self._render_view(view))

    def _render_view(self, view) -> Text:
        style = self.get_component_rich_style
        text = Text()
        text.append("Yours\n", style("redline--title"))
        if not view.my_red_lines:
            text.append("  none\n", style("redline--dim"))
        for line in view.my_red_lines:
            self._line(text, view, line, mine=True)
        text.append("Declared by others\n", style("redline--title"))
        if not view.their_red_lines:
            text.append("  none declared\n", style("redline--dim"))
        for line in view.their_red_lines:
            self._line(text, view, line, mine=False)
        text.rstrip()
        return text

    def _line(self, text: Text, view, line, mine: bool) -> None:
        style = self.get_component_rich_style
        flag = {"crossed": "redline--crossed", "standing": "redline--standing"}.get(line.status, "redline--done")
        text.append(f"  {'⚠' if line.status == 'crossed' else '•'} {STATUS_WORDS.get(line.status, line.status):<8} ", style(flag))
        text.append(line.description)
        if mine:
            secrecy = "declared" if line.declared else "secret"
            text.append(f"\n      against {actor_name(view, line.against)} · {secrecy}", style("redline--dim"))
        else:
            text.append(f"\n      {actor_name(view, line.owner)}'s line, against {actor_name(view, line.against)}", style("redline--dim"))
        if line.status == "crossed" and line.crossed_turn is not None:
            due = line.crossed_turn + line.window
            if mine:
                text.append(f"\n      answer by turn {due} with: {move_names(view, line.response)}", style("redline--crossed"))
            else:
                text.append(f"\n      crossed on turn {line.crossed_turn}; expect {move_names(view, line.response)}", style("redline--crossed"))
        text.append("\n")
