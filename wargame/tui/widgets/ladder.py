"""The escalation ladder: named rungs, coloured bands, thresholds, and where everyone stands.

Top of the widget is the top of the ladder. Each row is one rung: the band's
colour, the rung number, a trail of the rungs you perceived on the last
turns (oldest left), then markers for now: ``◆`` where you read the crisis,
a letter for each opponent's stance as you read it. The true rung is not
drawn: a side knows only its reading (the white cell and the end screen
show the truth). Threshold lines and band names are drawn when there is
room, and reduced to a mark when not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from wargame.safe_text import printable
from wargame.tui.untrusted import plain

# Band colours are part of the scenario format (ladder bands name a colour);
# these hues read on dark and light themes alike.
BAND_COLOURS = {
    "green": "#3a9d4a",
    "yellow": "#c9a800",
    "orange": "#e07000",
    "red": "#d12f2f",
    "magenta": "#c0269a",
    "purple": "#7a3fc4",
}


@dataclass(frozen=True)
class LadderState:
    """What the ladder shows, read from the human's view."""

    bands: tuple = ()
    perceived: int = 0
    stances: tuple[tuple[str, str, int], ...] = ()  # (letter, name, rung)
    trail: tuple[float, ...] = ()
    thresholds: dict[int, str] = field(default_factory=dict)  # top rung of band -> threshold name


def ladder_state(view, letters: dict[str, str]) -> LadderState:
    bands = tuple(view.scenario.ladder.bands)
    thresholds, rung = {}, 0
    for band in bands:
        rung += len(band.rungs)
        if band.threshold:
            thresholds[rung - 1] = band.threshold
    stances = tuple((letters.get(o.id, "?"), o.name, o.stance_rung) for o in view.others)
    return LadderState(bands, view.perceived_rung, stances, tuple(view.perceived_rungs), thresholds)


class Ladder(Widget):
    """A vertical escalation ladder drawn to fit the space it is given."""

    COMPONENT_CLASSES = {
        "ladder--rung",
        "ladder--crisis",
        "ladder--you",
        "ladder--them",
        "ladder--trail",
        "ladder--threshold",
        "ladder--legend",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.state = LadderState()

    def show(self, state: LadderState) -> None:
        self.state = state
        top = sum(len(b.rungs) for b in state.bands) - 1
        band = self._band_of(state.perceived)
        self.border_title = "Escalation ladder"
        self.border_subtitle = plain(f"you read {state.perceived}/{top}" + (f" · {band.name}" if band else ""))
        self.refresh()

    def _band_of(self, rung: int):
        low = 0
        for band in self.state.bands:
            if low <= rung < low + len(band.rungs):
                return band
            low += len(band.rungs)
        return None

    def render(self) -> Text:
        state = self.state
        if not state.bands:
            return Text("")
        width, height = self.content_region.width or 30, self.content_region.height or 20
        rungs = [(band, name) for band in state.bands for name in band.rungs]
        legend = self._legend(width)[: max(0, height - len(rungs))]  # rungs first, then as much legend as fits
        spare = height - len(rungs) - len(legend)
        show_thresholds = spare >= len(state.thresholds)
        show_bands = show_thresholds and spare >= len(state.thresholds) + len(state.bands)
        trail = state.trail[-max(0, min(8, width // 5)) :] if width >= 26 else ()
        lines: list[Text] = []
        for index in range(len(rungs) - 1, -1, -1):
            band, name = rungs[index]
            if index == len(rungs) - 1 or rungs[index + 1][0] is not band:
                if show_thresholds and index in state.thresholds:
                    lines.append(self._threshold_line(state.thresholds[index], width))
                if show_bands:
                    lines.append(Text(f" {band.name}", style=Style(color=BAND_COLOURS.get(band.color), bold=True)))
            mark = "┈" if (not show_thresholds and index in state.thresholds) else ""
            lines.append(self._rung_line(index, band, name, trail, width, mark))
        lines.extend(legend)
        if len(lines) > height:  # a very long ladder: keep the part around your reading
            centre = next((i for i, line in enumerate(lines) if "◆" in line.plain), 0)
            start = max(0, min(len(lines) - height, centre - height // 2))
            lines = lines[start : start + height]
        return Text("\n").join(lines)

    def _threshold_line(self, name: str, width: int) -> Text:
        style = self.get_component_rich_style("ladder--threshold")
        label = f" {name} "
        return Text(("┄┄" + label).ljust(width, "┄")[:width], style=style)

    def _rung_line(self, index: int, band, name: str, trail: tuple[float, ...], width: int, mark: str) -> Text:
        state = self.state
        colour = BAND_COLOURS.get(band.color, "#888888")
        crisis = index == state.perceived  # the rung you read is the one drawn strong
        line = Text()
        line.append("▐", Style(color=colour))
        line.append("█" if crisis else "▌", Style(color=colour))
        line.append(f"{index:>2} ", self.get_component_rich_style("ladder--crisis" if crisis else "ladder--rung"))
        trail_style = self.get_component_rich_style("ladder--trail")
        for value in trail:
            line.append("•" if round(value) == index else "·" if crisis else " ", trail_style)
        line.append("◆" if crisis else " ", self.get_component_rich_style("ladder--you"))
        them = self.get_component_rich_style("ladder--them")
        for letter, _, rung in state.stances:
            line.append(letter if rung == index else " ", them)
        line.append(" ")
        room = width - line.cell_len - len(mark)
        label = name if len(name) <= room else name[: max(0, room - 1)] + "…"
        line.append(label, self.get_component_rich_style("ladder--crisis" if crisis else "ladder--rung"))
        if mark:
            line.append(" " * max(0, width - line.cell_len - 1))
            line.append(mark, self.get_component_rich_style("ladder--threshold"))
        return line

    def _legend(self, width: int) -> list[Text]:
        style = self.get_component_rich_style("ladder--legend")
        items = [("◆", "you read the crisis here")] + [(letter, name) for letter, name, _ in self.state.stances]
        if self.state.trail:
            items.append(("•", "past turns"))
        if self.state.thresholds:
            items.append(("┈", "threshold"))
        lines, current = [], Text()
        for symbol, label in items:
            piece = printable(f"{symbol} {label}")
            if current.cell_len and current.cell_len + 2 + len(piece) > width:
                lines.append(current)
                current = Text()
            if current.cell_len:
                current.append("  ")
            current.append(piece, style)
        if current.cell_len:
            lines.append(current)
        return lines
