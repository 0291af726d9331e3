"""The command palette's game commands (ctrl+p): the same actions as the keys.

Only commands that apply now are offered: each asks the screen's or the
app's ``check_action``, the same test that greys out the footer keys.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action with namespace)
COMMANDS = [
    ("Open the hotline", "Close the briefing and start talking", "screen.open_hotline"),
    ("Close the hotline", "Go to orders", "screen.close_hotline"),
    ("End the turn", "Confirm your order and resolve the turn", "screen.end_turn"),
    ("Next turn", "See the turn's result and go on", "screen.next_turn"),
    ("Write a hotline message", "Statement, proposal, ultimatum, assurance or threat", "screen.compose"),
    ("Show the hotline", "Conversations and proposals", "screen.tab('tab-hotline')"),
    ("Show the orders", "Moves by category", "screen.tab('tab-orders')"),
    ("Show the actors", "Stats, trust and channels", "screen.tab('tab-actors')"),
    ("Show the warnings", "Indicators and red lines", "screen.tab('tab-warnings')"),
    ("Show the news", "Everything that happened", "screen.tab('tab-news')"),
    ("Write the after-action report", "The debrief as Markdown", "screen.report"),
    ("Open the white cell", "Facilitator: the whole crisis, injects, overrides, pause", "app.facilitator"),
    ("Fire an inject", "White cell: one of the scenario's injects", "screen.inject"),
    ("Override a stat or the rung", "White cell: set a value by hand", "screen.override"),
    ("Pause the computers", "White cell: no decisions, no turn resolves", "screen.pause"),
    ("Resume the computers", "White cell: let them play on", "screen.unpause"),
    ("Play one turn", "White cell: the computers play a turn", "screen.step"),
    ("Back to the title screen", "Pick another scenario", "screen.new_game"),
    ("Save the game", "Save under a name", "app.save"),
    ("Load a game", "Resume a save", "app.load"),
    ("Keys and help", "Every binding", "app.help"),
    ("Quit", "Autosaves a game in progress", "app.request_quit"),
]


def _parse(action: str) -> tuple[str, str, tuple]:
    namespace, _, rest = action.partition(".")
    name, _, args = rest.partition("(")
    params = tuple(a.strip().strip("'\"") for a in args.rstrip(")").split(",") if a.strip()) if args else ()
    return namespace, name, params


class GameCommands(Provider):
    """Game actions by name."""

    def _available(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        found = []
        for title, help_text, action in COMMANDS:
            namespace, name, params = _parse(action)
            target = self.app if namespace == "app" else screen
            if not hasattr(target, f"action_{name}"):
                continue
            if target.check_action(name, params):
                found.append((title, help_text, action))
        return found

    async def discover(self) -> Hits:
        for title, help_text, action in self._available():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._available():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action), help=help_text)
