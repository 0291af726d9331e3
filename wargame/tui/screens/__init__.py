"""One module per screen; each takes what it shows in its constructor."""

from __future__ import annotations

from textual.binding import Binding


def tab_keys(tabs: dict[str, str]) -> list[Binding]:
    """Keys 1, 2, 3… open the tabs ``tabs`` names (pane id -> title), in order; the footer does not list them."""
    return [Binding(str(n), f"tab('{tab}')", name, show=False) for n, (tab, name) in enumerate(tabs.items(), start=1)]
