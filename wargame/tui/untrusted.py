"""Scenario and save text on screen: always plain text, never markup, never a control character.

Textual reads a ``str`` given to ``Static``, ``Label``, an ``Option``, a
``Select`` or ``SelectionList`` prompt, a border title, a notification or a
Rich ``Table`` cell as markup: an actor named ``East [/] land`` crashes the
screen, and ``[@click=app.quit]`` in a name is a button that quits. So
untrusted text is handed to widgets as ``plain(text)``, a Rich ``Text``
(never parsed), with its control characters made visible by ``printable``.

``PrintableFilter`` is the last line of defence, at the output boundary:
the App runs every rendered line through it, so a control character that
reached a widget some other way is dropped before it reaches the terminal
(dropped, not shown: the line was laid out with the character taking no room).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter

from wargame.safe_text import UNSAFE, printable


def plain(text: object, style: str | Style = "") -> Text:
    """``text`` as a Rich ``Text``: shown literally, control characters visible."""
    return Text(printable(str(text)), style=style)


class PrintableFilter(LineFilter):
    """Drops control characters from every rendered line (see the module docstring)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(UNSAFE.search(segment.text) for segment in segments):
            return segments
        return [Segment(UNSAFE.sub("", text), style, control) for text, style, control in segments]
