"""The bottom line of every screen: the keys that work here, drawn as one line of text.

Textual's ``Footer`` mounts a widget per key and remounts them all whenever
the focus moves, which was a third of the time a key took in a whole game
(benchmarks/bench_ui.py). This bar is one widget that redraws its line
when the screen's bindings change; clicking a key still presses it.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """The screen's shown bindings, one per action, with the command palette's key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        .key-bar--description { color: $footer-description-foreground; background: $footer-description-background; }
        .key-bar--disabled { text-style: dim; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []  # (first column, end column, key) of each drawn key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh()

    def _keys(self) -> tuple[list[tuple[str, str, str, bool]], tuple[str, str, str, bool] | None]:
        """(key, shown key, description, enabled) of each shown action, and the command palette's, if shown."""
        keys, seen, palette = [], set(), None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            entry = (binding.key, self.app.get_key_display(binding), binding.description, enabled)
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = entry
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append(entry)
        return keys, palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        dim = self.get_component_rich_style("key-bar--disabled")
        keys, palette = self._keys()
        line, spans = Text(no_wrap=True, overflow="crop"), []

        def draw(key: str, shown: str, description: str, enabled: bool) -> None:
            start = line.cell_len
            line.append(f" {shown} ", key_style if enabled else key_style + dim)
            if description:
                line.append(f"{description} ", description_style if enabled else description_style + dim)
            spans.append((start, line.cell_len, key))

        for entry in keys:
            draw(*entry)
        if palette is not None:
            _key, shown, description, _enabled = palette
            room = self.size.width - line.cell_len - len(f" {shown} {description} ") - 1
            if room > 0:
                line.append(" " * room + "▏")
                draw(*palette)
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it, as Textual's footer does."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
