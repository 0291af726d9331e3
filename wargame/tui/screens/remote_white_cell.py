"""The white cell of a game held by a host: everything is seen, and the facilitator's powers go to the host.

The same screen as at one terminal (``FacilitatorScreen``): injects and
overrides go through the session's ``apply``, which sends them to the host
as decisions. Over the network it also writes news and third-party
messages, hands sides to the computer and back, sets phase clocks, pauses
the game and ends it. The host judges each request; a refusal shows in the
dialog. The header shows the phase clock.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from wargame.engine import FacilitatorView
from wargame.errors import WargameError
from wargame.tui.screens.facilitator import FacilitatorScreen


class WatchScreen(FacilitatorScreen):
    """The white cell of a hosted game (``session`` is a ``RemoteSession`` with the facilitator's code)."""

    BINDINGS = [
        *FacilitatorScreen.BINDINGS,
        Binding("n", "news", "News", tooltip="Write a news item for every side or the sides you tick"),
        Binding("m", "third_party", "Message", tooltip="A message from a third party to the sides you tick"),
        Binding("s", "seats", "Seats", tooltip="Hand a side to the computer, or give it back to its team"),
        Binding("t", "timer", "Clock", tooltip="A clock for a phase, and what happens when it runs out"),
        Binding("e", "end", "End game", tooltip="End the game now with an outcome and a reason"),
    ]
    POWERS = ("inject", "override", "news", "third_party", "seats", "timer", "end", "pause", "unpause")

    def __init__(self, session) -> None:
        super().__init__(session, watch=True)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("step", "report", "close"):
            return False
        if action in self.POWERS and self.session.phase == "over":
            return False
        return super().check_action(action, parameters)

    def _header(self, view: FacilitatorView) -> Text:
        text = super()._header(view)
        words = self.session.clock_words()
        if words:
            text.append(f" · {words}", "bold")
        return text

    def show_clock(self) -> None:
        """Redraw the header (every second while a clock runs)."""
        self.query_one("#wc-header").update(self._header(self.session.facilitator_view()))  # type: ignore[attr-defined]

    # ------------------------------------------------------------ the powers

    def _request(self, kind: str, **fields) -> str | None:
        """A request to the host; its refusal comes back as text."""
        try:
            self.session.link.request(kind, **fields)
        except WargameError as error:
            return str(error)
        self.refresh_view()
        return None

    def action_pause(self) -> None:
        if (error := self._request("pause")) is None:
            self.notify("No phase closes until you resume; the teams may still talk and order.", title="Paused")
        else:
            self.notify(error, severity="error")

    def action_unpause(self) -> None:
        if (error := self._request("resume")) is not None:
            self.notify(error, severity="error")

    def action_news(self) -> None:
        from wargame.tui.screens.white_cell_dialogs import NewsDialog

        self.app.push_screen(NewsDialog(self.session.facilitator_view(), self._apply), self._done("News sent"))

    def action_third_party(self) -> None:
        from wargame.tui.screens.white_cell_dialogs import NewsDialog

        self.app.push_screen(NewsDialog(self.session.facilitator_view(), self._apply, third_party=True),
                             self._done("Message sent"))

    def action_seats(self) -> None:
        from wargame.tui.screens.white_cell_dialogs import SeatDialog

        session = self.session
        dialog = SeatDialog(session.facilitator_view(), session.seats(), session.team_sides, self._apply)
        self.app.push_screen(dialog, self._done("Seat changed"))

    def action_timer(self) -> None:
        from wargame.tui.screens.white_cell_dialogs import TimerDialog

        latest = self.session.link.latest
        self.app.push_screen(TimerDialog(self.session.phase, latest.get("clock"), lambda fields: self._request("timer", **fields)),
                             self._done("Clock set"))

    def action_end(self) -> None:
        from wargame.tui.screens.white_cell_dialogs import EndDialog

        self.app.push_screen(EndDialog(self.session.facilitator_view(), self._apply), self._done("Game ended"))

    def _done(self, title: str):
        def done(sent) -> None:
            if sent is not None:
                self.notify(title, title="White cell")
                self.refresh_view()
        return done
