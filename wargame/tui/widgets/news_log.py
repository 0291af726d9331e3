"""The news: every event the human may know, grouped by turn, newest at the bottom.

Re-rendered whole from the view (a few hundred lines at most), so it wraps
correctly at any width and after a different game is loaded.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

KIND_MARKS = {
    "ladder": "⇅",
    "band": "▣",
    "threshold": "┄",
    "red_line": "⚠",
    "red_line_honoured": "✓",
    "red_line_ignored": "✗",
    "agreement": "✍",
    "agreement_broken": "✗",
    "hotline": "☎",
    "trigger": "★",
    "inject": "★",
    "outcome": "■",
    "revealed": "◉",
    "threat": "!",
    "ultimatum": "‼",
    "assurance": "✓",
    "provocation": "↯",
}


def news_text(news) -> Text:
    text = Text()
    turn = None
    for event in news:
        if event.turn != turn:
            turn = event.turn
            text.append(f"{'' if not text else chr(10)}── Turn {turn} ──\n", "bold")
        text.append(f"{KIND_MARKS.get(event.kind, '·')} {event.text}\n")
    text.rstrip()
    return text


class NewsLog(VerticalScroll):
    """A scrolling news column that follows the latest event."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = -1

    def compose(self) -> ComposeResult:
        yield Static(classes="news-body")

    def show(self, view) -> None:
        self.border_title = "News"
        if len(view.news) == self.shown:
            return
        self.shown = len(view.news)
        self.query_one(Static).update(news_text(view.news))
        self.call_after_refresh(self.scroll_end, animate=False)
