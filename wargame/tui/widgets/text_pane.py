"""Text that changes often but never changes size, redrawn without a layout pass.

A ``Static`` asks for a new layout of the whole screen on every update; for
the order line and the move detail, which change on every key press, a
fixed-height pane that only repaints keeps the answer to a key well under a
frame.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class TextPane(Widget):
    """Shows one ``Text``; its height comes from the stylesheet, never from the text."""

    def __init__(self, wrap: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.wrap = wrap
        self.text = Text()

    def show(self, text: Text | str) -> None:
        text = text if isinstance(text, Text) else Text(text)
        if not self.wrap:
            text.no_wrap, text.overflow = True, "ellipsis"
        self.text = text
        self.refresh()

    def render(self) -> Text:
        return self.text
