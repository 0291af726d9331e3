"""The App and its factory. The App only routes between screens and owns saving.

``build_app(game, human_actors)`` returns a ready App: tests build one
without argv, and ``wargame play`` builds one from its options. The App
passes a game along to a ``Session`` and never reads it: screens get views
from the session.

Nothing here imports the engine or the scenario package at module level:
``wargame play NAME`` draws its first frame before they are loaded (see
``wargame.tui.opening``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.binding import Binding

from wargame.errors import WargameError
from wargame.safe_text import printable
from wargame.tui import collector
from wargame.tui.commands import GameCommands
from wargame.tui.opening import Opening
from wargame.tui.untrusted import PrintableFilter, plain

if TYPE_CHECKING:
    from wargame.engine import Game
    from wargame.tui.session import Session


class WargameApp(App[None]):
    """Title → side and briefing → game → turn results → end."""

    TITLE = "wargame"
    CSS_PATH = "wargame.tcss"
    COMMANDS = App.COMMANDS | {GameCommands}
    BINDINGS = [
        Binding("q", "request_quit", "Quit", tooltip="Quit (the game in progress is autosaved)"),
        Binding("question_mark,f1", "help", "Help", tooltip="Every key, and how a turn goes"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the game under a name"),
        Binding("ctrl+o", "load", "Load", show=False, tooltip="Resume a saved game"),
        Binding("f", "facilitator", "White cell", tooltip="Facilitator mode: everything, injects, overrides, pause"),
    ]

    def __init__(
        self,
        game: Game | None = None,
        human_actors: Sequence[str] = (),
        *,
        saves_dir: Path | None = None,
        seed: int | None = None,
        choose_side: bool = True,
        scenarios: Callable[[], list] | None = None,
        opening: Opening | None = None,
        facilitator: bool = False,
    ) -> None:
        super().__init__()
        self.facilitator = facilitator
        self.scenarios = scenarios
        self.initial_game = game  # the game the first briefing starts (None until it has started)
        self.opening = opening
        self.human_actors = tuple(human_actors)
        self.saves_dir = saves_dir
        self.seed = seed
        self.choose_side_first = choose_side
        self.session: Session | None = None
        self.failure: WargameError | None = None  # why the app ended early; ``wargame play`` reports it
        self.printable_filter = PrintableFilter()

    def get_line_filters(self):
        """Textual's filters, then ``PrintableFilter``: no control character in scenario or save text reaches the terminal."""
        return [*super().get_line_filters(), self.printable_filter]

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every notification is plain text: messages quote scenario and save text (names, titles, paths, errors)."""
        super().notify(printable(str(message)), title=printable(title), severity=severity, timeout=timeout, markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        """Below 80×24 a notice covers the screen (nothing is lost underneath); it goes once there is room.

        Also asked twice a second: a screen pushed later (the game, a result) would otherwise cover the notice.
        """
        from wargame.tui.screens.too_small import TooSmallScreen, too_small

        width, height = width or self.size.width, height or self.size.height
        if isinstance(self.screen, TooSmallScreen):
            if too_small(width, height):
                self.screen.show_size(width, height)
            else:
                self.pop_screen()
        elif too_small(width, height) and self.screen_stack:
            self.push_screen(TooSmallScreen())

    # ------------------------------------------------------------ routing

    def on_mount(self) -> None:
        self.set_interval(0.5, self._check_size)
        if self.opening is not None:
            from wargame.tui.screens.briefing import BriefingScreen

            self.push_screen(BriefingScreen(None, opening_label=self.opening.label, locked=bool(self.human_actors)))
            self.call_after_refresh(self._open)
        elif self.initial_game is None:
            self.show_title()
        else:
            self._begin(self.initial_game)

    def _open(self) -> None:
        """Once the first frame is on screen: load the scenario and show its briefing, then start the game.

        On the UI thread, on purpose: nothing can be done on the screen until
        the scenario is there, and a worker thread competing for the GIL with
        the event loop made the briefing appear later, not sooner. The game
        (and the engine's import) waits one more frame, behind the briefing;
        start is offered once it is there.
        """
        try:
            scenario = self.opening.scenario()
        except WargameError as error:
            self.fail(error)
            return
        from wargame.tui.sides import default_side

        first = self._first_briefing(None)
        if first is not None and (len(self.human_actors) == 1 or (not self.human_actors and not self.facilitator)):
            first.show_scenario(scenario, self.human_actors[0] if self.human_actors else default_side(scenario))
        self.call_after_refresh(self._start_opened, scenario)

    @property
    def game_ready(self) -> bool:
        """A game to start: started here (a frame after its briefing is drawn), or held by a host."""
        return self.initial_game is not None or self.session is not None

    def _start_opened(self, scenario) -> None:
        try:
            game = self.opening.start(scenario)
        except WargameError as error:
            self.fail(error)
            return
        self._begin(game)

    def _first_briefing(self, scenario):
        """The first briefing screen (pushed in ``on_mount``) if it still waits for its scenario or shows
        ``scenario``; it may lie under the notice that the terminal is too small."""
        from wargame.tui.screens.briefing import BriefingScreen

        return next((screen for screen in self.screen_stack if isinstance(screen, BriefingScreen)
                     and (screen.scenario is None or screen.scenario is scenario)), None)

    def fail(self, error: WargameError) -> None:
        """End the app on a user mistake found after the first frame; ``wargame play`` prints it."""
        self.failure = error
        self.exit(return_code=1)

    def _begin(self, game: Game) -> None:
        """Show a game: its first briefing if nothing was played yet, else the game screen.

        With a facilitator and no human side, the facilitator's screen is the game.
        """
        from wargame.tui.session import Session, is_fresh, scenario_of
        from wargame.tui.sides import default_side

        self.initial_game = game
        if self.facilitator and not self.human_actors:
            from wargame.tui.screens.facilitator import FacilitatorScreen

            self.session = Session.create(game, (), self.saves_dir, facilitator=True)
            self._replace_screens(FacilitatorScreen(self.session, watch=True))
            self.call_after_refresh(collector.release_after_start_up)
        elif len(self.human_actors) > 1:  # hot-seat: each team reads its own briefing behind a hand-over
            self.session = Session.create(game, self.human_actors, self.saves_dir, facilitator=self.facilitator)
            self._hand_over(self.session.seat)
        elif is_fresh(game) and self.choose_side_first:
            from wargame.tui.screens.briefing import BriefingScreen

            scenario = scenario_of(game)
            side = self.human_actors[0] if self.human_actors else default_side(scenario)
            if self.human_actors:
                self.session = Session.create(game, self.human_actors, self.saves_dir, facilitator=self.facilitator)
            first = self._first_briefing(scenario)
            if first is None:
                self.push_screen(BriefingScreen(scenario, side, locked=bool(self.human_actors)))
            elif first.scenario is None:
                first.show_scenario(scenario, side)
            else:
                first.refresh_bindings()  # shown while the game started (``_open``): start is offered now
        else:
            self.open_session(Session.create(game, self.human_actors, self.saves_dir, facilitator=self.facilitator))

    def _replace_screens(self, screen) -> None:
        """Show ``screen`` as the only screen above the default one."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_title(self) -> None:
        from wargame.tui.screens.title import TitleScreen

        self.session = None
        self._replace_screens(TitleScreen(self.saves_folder(), self.scenarios))

    def choose_side(self, scenario) -> None:
        from wargame.tui.screens.briefing import BriefingScreen
        from wargame.tui.session import new_game
        from wargame.tui.sides import default_side

        seed = self.seed if self.seed is not None else random.SystemRandom().randrange(1_000_000)
        self.initial_game = new_game(scenario, seed)
        self._replace_screens(BriefingScreen(scenario, default_side(scenario)))

    def start_game(self, side: str) -> None:
        """Leave the first briefing: the hotline opens and the computers speak first.

        In hot-seat play the next team reads its briefing first.
        """
        from wargame.tui.session import Session

        session = self.session
        if session is None:  # one side, chosen on the briefing screen
            session = self.session = Session.create(self.initial_game, [side], self.saves_dir, facilitator=self.facilitator)
        if self.pass_keyboard():
            return
        if session.phase == "briefing":  # an inject may have ended it already
            session.proceed()
        self.open_session(session, computers_first=True)

    def open_session(self, session: Session, computers_first: bool = False) -> None:
        from wargame.tui.screens.game import GameScreen

        self.session = session
        screen = GameScreen(session)
        self._replace_screens(screen)
        self.call_after_refresh(collector.release_after_start_up)  # the briefing is gone: its widgets are garbage
        if computers_first and session.phase == "hotline":
            self.call_after_refresh(screen._think, "The others are on the line…")
        elif session.phase == "over":
            self.call_after_refresh(screen.action_game_over)

    # ------------------------------------------------------------ hot-seat

    def pass_keyboard(self) -> bool:
        """The seated team is done with this round: hand over to the next one (False when all are done)."""
        session = self.session
        if session is None or not session.hot_seat:
            return False
        seat = session.finish_sitting()
        if seat is None:
            return False
        self._hand_over(seat)
        return True

    def _hand_over(self, seat: str) -> None:
        """Clear every trace of the last team's screen and name the next team."""
        from wargame.tui.screens.hand_over import HandOverScreen

        view = self.session.view()  # the seated side's: ``seat``
        actor = view.scenario.actor(seat)
        self.clear_notifications()
        self._replace_screens(HandOverScreen(actor.name, actor.leader, self.session.phase, view.turn_label, view.scenario.spec.title))

    def seat_ready(self) -> None:
        """The next team sat down: its briefing, its game screen, or its result of the turn."""
        from wargame.tui.screens.briefing import BriefingScreen
        from wargame.tui.screens.game import GameScreen

        session = self.session
        view = session.view()
        if view.phase == "briefing" and view.turn == 1 and not view.perceived_history and not view.over:
            self._replace_screens(BriefingScreen(view.scenario, session.seat, locked=True))
            return
        screen = GameScreen(session)
        self._replace_screens(screen)
        if view.phase == "aftermath":
            self.call_after_refresh(screen._show_result)
        elif session.phase == "over":
            self.call_after_refresh(screen.action_game_over)

    def resume(self, path: Path) -> None:
        from wargame.tui.session import Session, open_save

        try:
            game, players = open_save(path)
            session = Session.create(game, self.human_actors or players or (), self.saves_dir, facilitator=self.facilitator)
        except WargameError as error:
            self.notify(str(error), title="Cannot load this save", severity="error")
            return
        session.save_path = path
        where = session.facilitator_view()
        self.notify(f"{where.scenario.spec.title}, {where.turn_label}", title="Game resumed")
        if session.watching:
            from wargame.tui.screens.facilitator import FacilitatorScreen

            self.session = session
            self._replace_screens(FacilitatorScreen(session, watch=True))
        elif session.hot_seat:
            self.session = session
            self._hand_over(session.seat)
        else:
            self.open_session(session)

    # ------------------------------------------------------------ facilitator

    def action_facilitator(self) -> None:
        """Open or close the white cell over the players' screens."""
        from wargame.tui.screens.facilitator import FacilitatorScreen

        if isinstance(self.screen, FacilitatorScreen):
            self.screen.action_close()
        elif self.session is not None:
            self.push_screen(FacilitatorScreen(self.session), self._facilitator_closed)

    def _facilitator_closed(self, _=None) -> None:
        """Back on the players' screens: show what the facilitator changed, and let held computers play."""
        from wargame.tui.screens.game import GameScreen

        screen = self.screen
        if isinstance(screen, GameScreen):
            screen.refresh_view(force=True)
            if self.session.phase == "over":
                screen.action_game_over()
            else:
                screen.release_computers()

    # ------------------------------------------------------------ saving

    def saves_folder(self) -> Path:
        try:
            from wargame.saves import saves_dir
        except ImportError:
            return self.saves_dir or Path("saves")
        return saves_dir(self.saves_dir)

    def autosave_quietly(self) -> Path | None:
        """Autosave after a turn; a failure is a one-line warning (the game goes on), not a crash."""
        if self.session is None:
            return None
        try:
            return self.session.autosave(self.saves_folder())
        except (ImportError, WargameError, OSError) as error:
            self.notify(f"Autosave failed: {error}", title="Not saved", severity="warning", markup=False)
            return None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "save":
            return self.session is not None
        if action == "facilitator":
            if not self.facilitator or self.session is None or self.session.watching:
                return False
            return None if getattr(self.screen, "thinking", "") else True
        return True

    def action_save(self) -> None:
        if self.session is None:
            return
        from wargame.tui.screens.save_dialog import SaveScreen

        self.push_screen(SaveScreen(self.saves_folder(), self._save_name()), self._save_to)

    def _save_name(self) -> str:
        return self.session.save_name(self.saves_folder()) if self.session else "game"

    def _save_to(self, path: Path | None) -> bool:
        """Save to the chosen path; a failure is one line and the game goes on. True when saved."""
        if path is None or self.session is None:
            return False
        try:
            path = self.session.save(path)  # beside the chosen file when that is another game's
        except (WargameError, OSError) as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        self.notify(str(path), title="Saved", markup=False)
        return True

    def action_load(self) -> None:
        from wargame.tui.screens.load_dialog import LoadScreen

        self.push_screen(LoadScreen(self.saves_folder()), lambda path: path and self.resume(path))

    # ------------------------------------------------------------ help and quitting

    def action_help(self) -> None:
        from wargame.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_sections(self)))

    def action_request_quit(self) -> None:
        session = self.session
        if session is None or session.phase == "over":
            self.exit()
            return
        from wargame.tui.screens.confirm_dialog import ConfirmScreen

        self.push_screen(
            ConfirmScreen("Quit the game?", f"The game will be autosaved in {self.saves_folder()}.", "Save and quit", "Keep playing"),
            self._quit_answered,
        )

    def _quit_answered(self, yes: bool | None) -> None:
        if not yes:
            return
        try:
            path = self.session.autosave(self.saves_folder()) if self.session else None
        except (WargameError, OSError) as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            self._offer_another_folder(f"Nothing was saved: {error}. Type another folder or path.")
            return
        self.exit(message=plain(f"Game saved to {path}") if path else None)

    def _offer_another_folder(self, problem: str) -> None:
        """Saving before quitting failed: the game stays open and the player picks where to save, or cancels."""
        from wargame.tui.screens.save_dialog import SaveScreen

        def answered(path: Path | None) -> None:
            if path is None:
                self.notify("Nothing was saved; the game goes on.", title="Not saved", markup=False)
            elif self._save_to(path):
                self.exit(message=plain(f"Game saved to {self.session.save_path}"))
            else:
                self._offer_another_folder(f"Nothing was saved in {path.parent}. Type another folder or path.")

        self.push_screen(SaveScreen(self.saves_folder(), self._save_name(), problem), answered)


def help_sections(app: WargameApp) -> list[tuple[str, list]]:
    """The keys that work here and now: the app's that this mode allows, then the current screen's (and its panels').

    A key whose action the app or the screen refuses outright (``check_action``
    False: the white cell without ``--facilitator``, End turn on the hotline)
    is left out; one only waiting (None: the computers are thinking) stays.
    """
    from wargame.tui.screens.briefing import BriefingScreen
    from wargame.tui.screens.end import EndScreen
    from wargame.tui.screens.facilitator import FacilitatorScreen
    from wargame.tui.screens.game import GameScreen
    from wargame.tui.screens.hand_over import HandOverScreen
    from wargame.tui.screens.help import as_binding
    from wargame.tui.screens.title import TitleScreen
    from wargame.tui.screens.turn_result import TurnResultScreen
    from wargame.tui.widgets.hotline_panel import HotlinePanel

    def allowed(owner, bindings) -> list[Binding]:
        return [b for b in map(as_binding, bindings) if owner.check_action(b.action, ()) is not False]

    screen = app.screen
    titles = {TitleScreen: "Title screen", BriefingScreen: "Side and briefing",
              HandOverScreen: "Hand-over (several teams at one terminal)", GameScreen: "Game",
              TurnResultScreen: "Turn result", EndScreen: "End of the game", FacilitatorScreen: "White cell"}
    sections = [
        ("Everywhere", allowed(app, WargameApp.BINDINGS) + [Binding("ctrl+p", "command_palette", "Command palette")]),
        (titles.get(type(screen), "This screen"), allowed(screen, screen.BINDINGS)),
    ]
    if isinstance(screen, GameScreen) and screen.session.phase == "hotline":
        sections += [("Hotline conversation", allowed(panel, panel.BINDINGS)) for panel in screen.query(HotlinePanel)[:1]]
    return sections


def build_app(game: Game | None = None, human_actors: Sequence[str] = (), **options: Any) -> WargameApp:
    """The App for ``game`` played by ``human_actors`` (several: hot-seat); no game opens the title screen.

    ``options`` are ``WargameApp``'s keywords: ``opening`` instead of a game
    loads a scenario after the first frame; ``facilitator`` adds the white
    cell (``f``), and with no human side the facilitator watches the
    computers play every side; ``scenarios`` replaces the catalogue for the
    title screen (a function returning ``ScenarioEntry``s), so tests can fix
    the list.
    """
    if game is not None:
        from wargame.tui.session import Session

        Session.create(game, human_actors, facilitator=options.get("facilitator", False))  # fail early on a bad side
    return WargameApp(game, human_actors, **options)
