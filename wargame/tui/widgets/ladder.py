"""The escalation ladder: named rungs, coloured bands, thresholds, and where everyone stands.

Top of the widget is the top of the ladder. Each rung is one row (a long
name wraps onto more): the band's colour, the rung number, a trail of the
rungs you perceived on the last turns (oldest left), then markers for now:
``◆`` where you read the crisis, a letter for each opponent's stance as you
read it. The true rung is not drawn: a side knows only its reading (the
white cell and the end screen show the truth).

Names are never cut: the trail has a fixed, small width (it does not grow
with the game and push the names), a name that does not fit wraps, and a
ladder taller than its space scrolls (centred on your reading; ``l`` gives
it the keyboard). The legend under it explains every marker, always.
Threshold lines and band names are drawn when there is room, and reduced to
a mark when not.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
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


HANG = 5  # where the next lines of a long name start, when the first line has little room: under the rung number


def trail_width(width: int) -> int:
    """Columns kept for past readings: a few when narrow, never more than 8, the same all game long."""
    if width < 24:
        return 0
    return 3 if width < 36 else min(8, (width - 28) // 2)


class Ladder(Vertical):
    """The bordered ladder: the rungs (scrolling when they do not fit) above the legend."""

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

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="ladder-scroll"):
            yield LadderRungs(self)
        yield LadderLegend(self)

    def show(self, state: LadderState) -> None:
        self.state = state
        top = sum(len(b.rungs) for b in state.bands) - 1
        band = self._band_of(state.perceived)
        self.border_title = "Escalation ladder"
        self.border_subtitle = plain(f"you read {state.perceived}/{top}" + (f" · {band.name}" if band else ""))
        for part in self.query(".ladder-part"):
            part.refresh(layout=True)
        self.call_after_refresh(self.centre_on_reading)

    def centre_on_reading(self) -> None:
        """Scroll so that the rung you read sits in the middle of the space."""
        scroll = self.query_one("#ladder-scroll", VerticalScroll)
        lines = self.query_one(LadderRungs).lines(scroll.scrollable_content_region.width)
        row = next((i for i, line in enumerate(lines) if "◆" in line.plain), 0)
        top = max(0, row - scroll.size.height // 2)
        while top < row and not lines[top].plain[1:3].strip():  # not halfway through a wrapped name
            top += 1
        scroll.scroll_to(y=top, animate=False)

    def text(self) -> Text:
        """Everything drawn (rungs and legend), for tests and the curious."""
        rungs, legend = self.query_one(LadderRungs), self.query_one(LadderLegend)
        return Text("\n").join([rungs.render(), legend.render()])

    def _band_of(self, rung: int):
        low = 0
        for band in self.state.bands:
            if low <= rung < low + len(band.rungs):
                return band
            low += len(band.rungs)
        return None


class LadderRungs(Widget, can_focus=False):
    """The rungs, top rung first, as tall as their wrapped names need."""

    DEFAULT_CSS = "LadderRungs { height: auto; }"

    def __init__(self, ladder: Ladder) -> None:
        super().__init__(classes="ladder-part")
        self.ladder = ladder

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.lines(width)))

    def render(self) -> Text:
        return Text("\n").join(self.lines(self.content_region.width or 30))

    def lines(self, width: int) -> list[Text]:
        state, style = self.ladder.state, self.ladder.get_component_rich_style
        if not state.bands:
            return []
        room = self.parent.size.height if self.parent is not None else 0
        rungs = [(band, name) for band in state.bands for name in band.rungs]
        trail = trail_width(width)
        drawn = [self._rung_lines(index, band, name, trail, width) for index, (band, name) in enumerate(rungs)]
        spare = room - sum(map(len, drawn))
        show_thresholds = spare >= len(state.thresholds)
        show_bands = show_thresholds and spare >= len(state.thresholds) + len(state.bands)
        lines: list[Text] = []
        for index in range(len(rungs) - 1, -1, -1):
            band = rungs[index][0]
            if index == len(rungs) - 1 or rungs[index + 1][0] is not band:
                if show_thresholds and index in state.thresholds:
                    label = f" {printable(state.thresholds[index])} "
                    lines.append(Text(("┄┄" + label).ljust(width, "┄")[:width], style=style("ladder--threshold")))
                if show_bands:
                    lines.append(Text(f" {printable(band.name)}", style=Style(color=BAND_COLOURS.get(band.color), bold=True)))
            rung = drawn[index]
            if not show_thresholds and index in state.thresholds:  # its last line keeps two columns for this mark
                rung[-1].append(" " * max(1, width - rung[-1].cell_len - 1))
                rung[-1].append("┈", style("ladder--threshold"))
            lines.extend(rung)
        return lines

    def _rung_lines(self, index: int, band, name: str, trail_room: int, width: int) -> list[Text]:
        state, style = self.ladder.state, self.ladder.get_component_rich_style
        colour = Style(color=BAND_COLOURS.get(band.color, "#888888"))
        crisis = index == state.perceived  # the rung you read is the one drawn strong
        name_style = style("ladder--crisis" if crisis else "ladder--rung")
        line = Text()
        line.append("█" if crisis else "▌", colour)
        line.append(f"{index:>2} ", name_style)
        trail = state.trail[-trail_room:] if trail_room else ()
        line.append(" " * (trail_room - len(trail)))
        for value in trail:
            line.append("•" if round(value) == index else "·" if crisis else " ", style("ladder--trail"))
        line.append("◆" if crisis else " ", style("ladder--you"))
        for letter, _, rung in state.stances:
            line.append(letter if rung == index else " ", style("ladder--them"))
        line.append(" ")
        # the name wraps under itself only when that leaves it room; else its next lines start under the number
        indent = line.cell_len if width - line.cell_len > 20 else HANG
        room = width - 2 if index in state.thresholds else width  # the top rung of a band keeps room for a ┈ mark
        pieces = textwrap.wrap(" " * line.cell_len + printable(name), max(line.cell_len + 4, room),
                               subsequent_indent=" " * indent)
        pieces = [piece.strip() for piece in pieces] or [""]
        line.append(pieces[0], name_style)
        lines = [line]
        for piece in pieces[1:]:
            lines.append(Text.assemble(("▌", colour), " " * (indent - 1), (piece, name_style)))
        return lines


class LadderLegend(Widget):
    """What each marker means, with its rung: your reading, every other actor's letter; and the trail, the threshold mark.

    The rungs are told here too, so that a ladder scrolled away from a marker still says where it stands.
    """

    DEFAULT_CSS = "LadderLegend { height: auto; }"

    def __init__(self, ladder: Ladder) -> None:
        super().__init__(classes="ladder-part")
        self.ladder = ladder

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        return Text("\n").join(self.lines(self.content_region.width or 30))

    def lines(self, width: int) -> list[Text]:
        state = self.ladder.state
        if not state.bands:
            return []
        style = self.ladder.get_component_rich_style("ladder--legend")
        items = [("◆", f"you read {state.perceived}")]
        if state.thresholds:
            items.append(("┈", "threshold"))
        items += [(letter, f"{name} {rung}") for letter, name, rung in state.stances]
        if trail_width(width):
            items.append(("•", "earlier"))
        lines: list[Text] = []
        for symbol, label in items:  # each on the first line with room for it: the legend takes few rows
            piece = printable(f"{symbol} {label}")
            if len(piece) > width:  # a name longer than the ladder is wide: on lines of its own
                lines.extend(Text(part, style) for part in textwrap.wrap(piece, max(4, width), subsequent_indent="  "))
                continue
            line = next((line for line in lines if line.cell_len + 2 + len(piece) <= width), None)
            if line is None:
                lines.append(Text(piece, style))
            else:
                line.append("  " + piece, style)
        return lines
