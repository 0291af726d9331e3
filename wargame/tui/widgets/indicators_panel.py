"""Early-warning indicators: five lamps from quiet (0) to alarm (3)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from wargame.engine.indicators import INDICATORS

LEVEL_WORDS = ("quiet", "watch", "warning", "alarm")


class IndicatorsPanel(Static):
    """The view's indicators, named as the engine names them."""

    COMPONENT_CLASSES = {"indicator--0", "indicator--1", "indicator--2", "indicator--3", "indicator--off"}

    def show(self, view) -> None:
        self.show_levels(view.indicators)

    def show_levels(self, levels: Mapping[str, int]) -> None:
        """Show indicator levels (an actor's reading from its view, or the facilitator's actual ones)."""
        self.border_title = "Warning indicators"
        alarms = sum(1 for level in levels.values() if level >= 2)
        self.border_subtitle = f"{alarms} raised" if alarms else "all quiet"
        style = self.get_component_rich_style
        text = Text()
        width = self.content_region.width or 40
        label_width = max(12, min(28, width - 14))
        for name, label in INDICATORS.items():
            level = max(0, min(3, levels.get(name, 0)))
            if len(label) > label_width:
                label = label[: label_width - 1] + "…"
            text.append(f"{label:<{label_width}} ")
            for lamp in range(3):
                text.append("■" if lamp < level else "□", style(f"indicator--{level}" if lamp < level else "indicator--off"))
            text.append(f" {LEVEL_WORDS[level]}\n", style(f"indicator--{level}"))
        text.rstrip()
        self.update(text)
