"""A game played on a host: ``RemoteSession`` has the screens' ``Session`` interface, fed over the network.

The screens call ``view()``, ``apply()``, ``proceed()``, ``end_turn()``...
as on one terminal; here a decision goes to the host, which judges it, and
the view is the one the host sent for this side (never filtered here, the
client holds nothing else). ``proceed()`` tells the host this team is done
with the phase; the host moves on once every team is, so the calls that
run in a worker thread (``computers_play``, ``end_turn``) wait until it
has. ``JoinApp`` is the game's App on such a session: it opens on the
briefing or where the game stands, and redraws when the host pushes a view.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from wargame.engine import ActorView, Decision, FacilitatorView
from wargame.engine.decisions import to_dict
from wargame.errors import IllegalDecision, WargameError
from wargame.net.client import Refused, ThreadLink
from wargame.scenario.loader import load_scenario_text
from wargame.tui.app import WargameApp
from wargame.tui.screens.remote_white_cell import WatchScreen

LOST = "the connection to the host is lost: join again with your code"


class RemoteSession:
    """One side of a game held by a host (the ``Session`` interface the screens use)."""

    facilitator = False
    hot_seat = False
    watching = False

    def __init__(self, link: ThreadLink) -> None:
        welcome = link.welcome
        self.link = link
        self.scenario = load_scenario_text(welcome["scenario"]["text"], welcome["scenario"]["source"])
        self.watcher = welcome["role"] == "facilitator"  # the white cell, its powers sent to the host
        self.seat: str | None = None if self.watcher else welcome["side"]
        self.team_sides = tuple(welcome.get("teams") or ())  # the sides a team's code opens
        self.held: tuple | None = None
        self.save_path: Path | None = None
        self.before_resolution: dict = {}
        self._parsed: tuple[object, ActorView] | None = None
        self._story: tuple[object, FacilitatorView] | None = None

    @classmethod
    def connect(cls, where: str, code: str, via: str | None = None) -> RemoteSession:
        link = ThreadLink(where, code, via=via)
        try:
            return cls(link)
        except WargameError:
            link.close()
            raise

    @property
    def human(self) -> str | None:
        return self.seat

    def seats(self) -> dict[str, str]:
        """Who holds each side now (``team`` or ``computer``): the facilitator may have handed some over."""
        return self.link.latest.get("seats") or self.link.welcome["seats"]

    @property
    def humans(self) -> tuple[str, ...]:
        if not self.watcher:
            return (self.seat or "",)
        return tuple(side for side, label in self.seats().items() if label == "team")

    @property
    def computers(self) -> tuple[str, ...]:
        return tuple(side for side, label in self.seats().items() if label == "computer")

    @property
    def paused(self) -> bool:
        """The white cell's own screens read the host's pause; a team's screens never hold (the host does)."""
        return self.watcher and bool(self.link.latest.get("paused"))

    def clock_words(self) -> str:
        """The phase clock as the header shows it, counted down since the host sent it."""
        import time

        from wargame.tui.clock_words import clock_words

        latest = self.link.latest
        return clock_words(latest.get("clock"), time.monotonic() - self.link.arrived, bool(latest.get("paused")))

    @property
    def phase(self) -> str:
        return self.link.latest["phase"]

    def name_of(self, actor: str) -> str:
        return self.scenario.actor(actor).name

    def view(self) -> ActorView:
        """The latest view the host sent for this side (read once per message)."""
        message = self.link.latest
        if self._parsed is None or self._parsed[0] is not message:
            self._parsed = (message, ActorView.from_dict(message["view"], self.scenario))
        return self._parsed[1]

    def facilitator_view(self) -> FacilitatorView:
        """Everything: what the host sends the facilitator's code, and everyone once the game is over."""
        message = self.link.latest
        data = message["view"] if self.watcher else message.get("final")
        if data is None:
            raise WargameError("the whole story is shown once the game is over")
        if self._story is None or self._story[0] is not message:
            self._story = (message, FacilitatorView.from_dict(data, self.scenario))
        return self._story[1]

    # ------------------------------------------------------------ playing

    def apply(self, decision: Decision) -> None:
        try:
            self.link.request("decide", decision=to_dict(decision))
        except Refused as error:
            raise IllegalDecision(str(error)) from None

    def proceed(self) -> None:
        """This team is done with the phase (the host moves on when every team is)."""
        self.link.request("ready", phase=self.phase)

    def _wait_past(self, phase: str) -> None:
        turn = self.link.latest["turn"]
        if self.link.wait_until(lambda m: (m["turn"], m["phase"]) != (turn, phase)) is None:
            raise WargameError(LOST)

    def computers_play(self) -> list[Decision]:
        """The host lets the computers speak; this waits (in a worker) until the other teams closed the briefing too."""
        if self.phase == "briefing":
            self._wait_past("briefing")
        return []

    def end_turn(self) -> list[Decision]:
        """End this team's turn, then wait (in a worker) until every team has and the turn resolved."""
        if self.phase == "orders":
            self.proceed()
            self._wait_past("orders")
        return []

    def remember_before_resolution(self) -> None:
        self.before_resolution = {self.seat: self.view().perceived_rung}

    def finish_sitting(self) -> str | None:
        return None

    def waiting(self) -> tuple[str, ...]:
        return ()

    # ------------------------------------------------------------ saving: the host keeps the game

    def autosave(self, folder: Path, now=None) -> None:
        return None  # every decision is already in the host's save

    def save(self, path: Path) -> Path:
        raise WargameError("the host keeps this game's save in its class folder")

    def save_name(self, folder: Path, now=None) -> str:
        return "game"

    def write_report(self, folder: Path, now=None) -> Path:
        raise WargameError("the host writes the reports of the class")

    def close(self) -> None:
        self.link.close()


class ViewPushed(Message):
    """The host pushed a view (``connected`` False: the connection ended)."""

    def __init__(self, connected: bool) -> None:
        super().__init__()
        self.connected = connected


class JoinApp(WargameApp):
    """The game's App for a team that joined a host: the same screens, a ``RemoteSession`` behind them.

    Without a session (``wargame join HOST``, a browser page of ``wargame host --web``)
    it opens on ``CodeScreen`` and joins ``where`` with the code typed there.
    """

    def __init__(self, session: RemoteSession | None = None, where: str = "", via: str | None = None) -> None:
        super().__init__(None, session.humans if session else (), choose_side=False)
        self.session = session  # type: ignore[assignment]
        self.remote: RemoteSession = session  # type: ignore[assignment]
        self.where, self.via = where, via

    def try_code(self, code: str) -> None:
        """Join with ``code`` off the UI thread (the host may take a while to answer)."""
        self.run_worker(lambda: self._join(code), thread=True, exclusive=True, group="join")

    def _join(self, code: str) -> None:
        try:
            session = RemoteSession.connect(self.where, code, self.via)
        except WargameError as error:
            self.call_from_thread(self._refused, str(error))
            return
        self.call_from_thread(self._joined, session)

    def _refused(self, reason: str) -> None:
        from wargame.tui.screens.code_entry import CodeScreen

        if isinstance(self.screen, CodeScreen):
            self.screen.refused(reason)

    def _joined(self, session: RemoteSession) -> None:
        self.session = self.remote = session  # type: ignore[assignment]
        self.human_actors = session.humans
        self.show_title()

    def show_title(self) -> None:
        """Where ``WargameApp`` would show the title (no local game): the briefing, or the game where it stands."""
        from wargame.tui.screens.briefing import BriefingScreen
        from wargame.tui.screens.code_entry import CodeScreen

        if self.remote is None:
            self.push_screen(CodeScreen(self.where))
            return
        if isinstance(self.screen, CodeScreen):
            self.pop_screen()
        self.remote.link.on_view = self._pushed_from_thread
        self.set_interval(1.0, self._tick)
        if self.remote.watcher:
            self._replace_screens(WatchScreen(self.remote))  # type: ignore[arg-type]
            return
        view = self.remote.view()
        if view.phase == "briefing" and view.turn == 1 and not self.remote.link.latest.get("ready"):
            self.push_screen(BriefingScreen(self.remote.scenario, self.remote.seat, locked=True))
        else:
            self.open_session(self.remote)  # type: ignore[arg-type]

    def open_session(self, session, computers_first: bool = False) -> None:
        super().open_session(session, computers_first)
        self.call_after_refresh(self._opened)

    def _opened(self) -> None:
        """The game screen is up: wait for the other teams' briefings, or show the result this team left unread."""
        from wargame.tui.screens.game import GameScreen

        screen = self.screen
        if not isinstance(screen, GameScreen) or screen.thinking:
            return
        if self.remote.phase == "briefing":
            screen._think("Waiting for the other teams…")
        elif self.remote.phase == "aftermath" and not self.remote.link.latest.get("ready"):
            screen._show_result()

    def action_request_quit(self) -> None:
        """Leaving loses nothing: the host keeps the game, and the same code joins it again."""
        from wargame.tui.screens.confirm_dialog import ConfirmScreen

        if self.remote is None or self.remote.phase == "over":
            self.exit()
            return
        self.push_screen(ConfirmScreen("Leave the game?", "The host keeps it: join again with your code to go on.",
                                       "Leave", "Keep playing"), lambda yes: yes and self.exit())

    def _tick(self) -> None:
        """Count the phase clock down in the header, once a second."""
        from wargame.tui.screens.game import GameScreen
        from wargame.tui.widgets.game_header import GameHeader

        screen = self.screen
        if isinstance(screen, WatchScreen):
            screen.show_clock()
        elif isinstance(screen, GameScreen):
            header = screen.query_one(GameHeader)
            words = self.remote.clock_words()
            if header.clock != words:
                header.clock = words
                header.refresh()

    def _pushed_from_thread(self, message: dict | None) -> None:
        """From the reader thread: never wait for the UI here, which may itself be waiting for an answer."""
        self.post_message(ViewPushed(message is not None))

    def on_view_pushed(self, event: ViewPushed) -> None:
        """The host sent a new view (or the connection ended): redraw the game screen if it is idle."""
        from wargame.tui.screens.game import GameScreen

        if isinstance(self.screen, WatchScreen):
            self.screen.refresh_view()
        if not event.connected:
            self.notify(LOST, title="Disconnected", severity="error", timeout=30)
            return
        screen = self.screen
        if isinstance(screen, GameScreen) and not screen.thinking:
            screen.refresh_view()
            screen._focus_for_phase()
