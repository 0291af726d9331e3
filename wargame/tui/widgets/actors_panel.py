"""The actors: your stats as bars with the change since last turn; the others as you see them.

For the others only the public stats are known, plus your trust in them, the
state of the channel between you and your reading of their intent.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from wargame.tui.text import CHANNEL_TEXT, STAT_LABELS, bar, signed, stat_order


def intent_words(intent: float) -> str:
    if intent >= 1.5:
        return "escalating hard"
    if intent >= 0.5:
        return "escalating"
    if intent <= -1.0:
        return "calming"
    if intent <= -0.3:
        return "easing"
    return "steady"


class ActorsPanel(Static):
    """Stats, trust and channels, all from the human's view."""

    COMPONENT_CLASSES = {
        "actors--name",
        "actors--bar",
        "actors--up",
        "actors--down",
        "actors--dim",
        "channel--open",
        "channel--strained",
        "channel--severed",
        "channel--hotline",
    }

    def show(self, view) -> None:
        self.border_title = "Actors"
        self.update(self._render_view(view))

    def _render_view(self, view) -> Text:
        style = self.get_component_rich_style
        width = max(24, (self.content_region.width or 40))
        bar_width = max(6, min(20, width - 25))
        text = Text()
        text.append(f"{view.name} (you)\n", style("actors--name"))
        for stat in stat_order(view.stats):
            value = view.stats[stat]
            change = value - view.previous_stats.get(stat, value)
            text.append(f" {STAT_LABELS[stat]:<12}")
            text.append(bar(value, bar_width), style("actors--bar"))
            text.append(f" {value:>3}")
            if change:
                text.append(f" {signed(change)}", style("actors--up" if change > 0 else "actors--down"))
            text.append("\n")
        for other in view.others:
            text.append("\n")
            text.append(other.name, style("actors--name"))
            text.append(f"  {other.leader}\n", style("actors--dim"))
            for stat in stat_order(other.public_stats):
                value = other.public_stats[stat]
                text.append(f" {STAT_LABELS[stat]:<12}")
                text.append(bar(value, bar_width), style("actors--bar"))
                text.append(f" {value:>3}\n")
            text.append(f" {'Your trust':<12}")
            text.append(bar(other.my_trust, bar_width), style("actors--bar"))
            text.append(f" {other.my_trust:>3}\n")
            text.append(f" {'Channel':<12}")
            text.append(CHANNEL_TEXT.get(other.channel, other.channel), style(f"channel--{other.channel}"))
            text.append(f"   reads as {intent_words(other.intent)}\n", style("actors--dim"))
        text.rstrip()
        return text
