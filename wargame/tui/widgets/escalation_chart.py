"""A small chart of the crisis over the turns: the actual rung and the one you perceived."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from wargame.tui.widgets.ladder import BAND_COLOURS


class EscalationChart(Widget):
    """Rungs up the side, turns along the bottom; band colours on the axis."""

    COMPONENT_CLASSES = {"chart--axis", "chart--actual", "chart--perceived"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bands: tuple = ()
        self.actual: tuple[int, ...] = ()
        self.perceived: tuple[float, ...] = ()
        self.start = 0

    def show(self, bands, start: int, actual, perceived) -> None:
        self.bands, self.start = tuple(bands), start
        self.actual, self.perceived = tuple(actual), tuple(perceived)
        self.border_title = "Escalation"
        self.refresh()

    def render(self) -> Text:
        if not self.bands:
            return Text("")
        colours = [BAND_COLOURS.get(b.color, "#888888") for b in self.bands for _ in b.rungs]
        top = len(colours) - 1
        points = [self.start, *self.actual]
        seen = [float(self.start), *self.perceived]
        high = min(top, max(max(points), round(max(seen))) + 1)
        low = max(0, min(min(points), round(min(seen))) - 1)
        width = self.content_region.width or 40
        step = max(1, min(4, (width - 5) // max(1, len(points))))
        axis = self.get_component_rich_style("chart--axis")
        lines = []
        for rung in range(high, low - 1, -1):
            line = Text()
            line.append(f"{rung:>2}", axis)
            line.append("▐", Style(color=colours[rung]))
            for turn, value in enumerate(points):
                here = value == rung
                mine = turn < len(seen) and round(seen[turn]) == rung
                cell = "◉" if here and mine else "●" if here else "◆" if mine else "·"
                style = Style(color=colours[rung], bold=True) if here else self.get_component_rich_style("chart--perceived") if mine else axis
                line.append(cell.ljust(step), style)
            lines.append(line)
        footer = Text("   ")
        for turn in range(len(points)):
            label = "s" if turn == 0 else str(turn)
            footer.append(label[:step].ljust(step), axis)
        lines.append(footer)
        lines.append(Text("   ● actual rung  ◆ what you perceived  ◉ both  s start", axis))
        return Text("\n").join(lines)
