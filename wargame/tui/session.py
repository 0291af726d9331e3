"""A game as the UI plays it: the game, who is human, whose turn it is at the keyboard.

This is the only place the UI touches ``Game``: it starts and opens games,
applies the humans' and the facilitator's decisions, lets the computers
play, saves, and hands the screens views (an ``ActorView`` for the seated
side, a ``FacilitatorView`` for the white cell). Elsewhere in the UI a game
is only passed along, never read (tests/tui/test_views_only.py). It imports
no Textual, so the flow of a turn can be tested (and benchmarked) without a
terminal.

Several human sides may share one terminal (hot-seat). Each phase of a turn
in which people act (the first briefing, the hotline, the orders, the turn's
result) is then a *round*: every human side takes one *sitting* at the
keyboard. Each round goes through the sides in the reverse order of the one
before, so the side that finished a round starts the next one and the
keyboard changes hands only within a round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from wargame.engine import ActorView, Decision, FacilitatorView, Game, actor_view, facilitator_view
from wargame.errors import WargameError
from wargame.scenario.loader import LoadedScenario
from wargame.tui.sides import check_side, default_side

# The phases in which the computers have something to decide.
COMPUTER_PHASES = ("hotline", "orders")


def new_game(scenario: LoadedScenario, seed: int) -> Game:
    return Game(scenario, seed)


def scenario_of(game: Game) -> LoadedScenario:
    """The game's scenario: static data the screens may read (names, ladder, moves, briefings)."""
    return game.scenario


def is_fresh(game: Game) -> bool:
    """Nothing played yet: the game waits in its first briefing."""
    return game.turn_phase == "briefing" and game.turn == 1 and not game.decisions


def open_save(path: str | Path) -> tuple[Game, tuple[str, ...] | None]:
    """A saved game and the sides people played in it (None when the save does not say)."""
    from wargame.saves import read_save
    from wargame.saves.replay import restore
    from wargame.saves.store import loaded

    save = read_save(path)
    return loaded(restore(save), path), save.players


@dataclass
class Session:
    """The human sides' seats at a game; every other actor is a computer.

    ``humans`` is empty only when a facilitator watches a game the computers
    play alone. ``seat`` is the human side at the keyboard now.
    """

    game: Game
    humans: tuple[str, ...]
    saves_dir: Path | None = None
    save_path: Path | None = None
    facilitator: bool = False
    paused: bool = False  # the facilitator holds the computers and the turn
    held: tuple | None = None  # (turn, phase, label, resolve): the computers' work waiting for the facilitator
    seat: str | None = None
    before_resolution: dict = field(default_factory=dict)  # each human side's reading of the rung when the turn was ended
    _round: tuple | None = field(default=None, repr=False)
    _round_order: tuple[str, ...] = field(default=(), repr=False)
    _waiting: list[str] = field(default_factory=list, repr=False)
    _view: ActorView | None = field(default=None, repr=False)
    _view_key: tuple | None = field(default=None, repr=False)
    _white_cell: tuple[tuple, FacilitatorView] | None = field(default=None, repr=False)
    _report: tuple[Path, int] | None = field(default=None, repr=False)  # the report written, and for how many decisions

    @classmethod
    def create(
        cls, game: Game, human_actors: Sequence[str], saves_dir: Path | None = None, *, facilitator: bool = False
    ) -> Session:
        """Seat ``human_actors`` (the scenario's human side when none is given and no facilitator watches)."""
        humans = list(human_actors)
        if not humans and not facilitator:
            humans = [default_side(game.scenario)]
        for actor in humans:
            check_side(game.scenario, actor)
        if len(set(humans)) != len(humans):
            raise WargameError("each side can be played by one team only")
        # A facilitator watching the computers starts paused: nothing moves until they step or resume.
        return cls(game, tuple(humans), saves_dir, facilitator=facilitator, paused=not humans,
                   seat=humans[0] if humans else None)

    @property
    def human(self) -> str | None:
        """The side at the keyboard (kept for screens written for one player)."""
        return self.seat

    @property
    def hot_seat(self) -> bool:
        return len(self.humans) > 1

    @property
    def watching(self) -> bool:
        """A facilitator watches the computers play every side."""
        return not self.humans

    @property
    def computers(self) -> tuple[str, ...]:
        return tuple(a for a in self.game.actor_ids if a not in self.humans)

    @property
    def phase(self) -> str:
        return "over" if self.game.is_over() else self.game.turn_phase

    def name_of(self, actor: str) -> str:
        return self.game.scenario.actor(actor).name

    @property
    def scenario(self) -> LoadedScenario:
        return self.game.scenario

    def _moment(self) -> tuple:
        """What changes whenever the game does: its decisions, turn, phase and end."""
        game = self.game
        return (len(game.decisions), game.turn, game.turn_phase, game.outcome is not None)

    def view(self) -> ActorView:
        """The seated side's view, rebuilt only when the game changed (decisions or phase) or the seat did."""
        key = (self.seat, *self._moment())
        if self._view is None or key != self._view_key:
            self._view = actor_view(self.game, self.seat)
            self._view_key = key
        return self._view

    def facilitator_view(self) -> FacilitatorView:
        """Everything, for the white cell (and the end screen, once nothing is hidden); rebuilt when the game changed."""
        key = self._moment()
        if self._white_cell is None or self._white_cell[0] != key:
            self._white_cell = (key, facilitator_view(self.game))
        return self._white_cell[1]

    # ------------------------------------------------------------ hot-seat rounds

    def finish_sitting(self) -> str | None:
        """The seated side is done with this round: seat the next side and return it, or None when all are done."""
        self._sync_round()
        if self.seat in self._waiting:
            self._waiting.remove(self.seat)
        if not self._waiting:
            return None
        self.seat = self._waiting[0]
        return self.seat

    def waiting(self) -> tuple[str, ...]:
        """The human sides still to sit in this round, the seated one first."""
        self._sync_round()
        return tuple(self._waiting)

    def _sync_round(self) -> None:
        key = (self.game.turn, self.phase)
        if key == self._round:
            return
        if self._round is None:
            order = list(self.humans)
        else:
            order = list(reversed(self._round_order))
        if self.seat in order:  # whoever sits at the keyboard goes first: no hand-over between rounds
            order.remove(self.seat)
            order.insert(0, self.seat)
        self._round, self._round_order, self._waiting = key, tuple(order), order

    # ------------------------------------------------------------ playing

    def apply(self, decision: Decision) -> None:
        """Apply one of the humans' or the facilitator's decisions (raises IllegalDecision, the game unchanged)."""
        self.game.apply(decision)

    def computers_play(self) -> list[Decision]:
        """Let every computer actor decide for the current phase; run in a worker thread."""
        from wargame.ai.autoplay import play_computers

        if self.game.is_over() or self.game.turn_phase not in COMPUTER_PHASES:
            return []
        return play_computers(self.game, self.computers)

    def remember_before_resolution(self) -> None:
        """Each human side's reading of the rung before the turn resolves, for its turn result (never the true rung)."""
        self.before_resolution = {h: actor_view(self.game, h).perceived_rung for h in self.humans}

    def end_turn(self) -> list[Decision]:
        """Computers order, then the turn resolves: from orders to aftermath."""
        decisions = self.computers_play()
        self.game.proceed()
        return decisions

    def step(self) -> list[Decision]:
        """One phase of a game the computers play alone: they decide, then the phase closes."""
        decisions = self.computers_play()
        if not self.game.is_over():
            self.game.proceed()
        return decisions

    def play_turn(self) -> list[Decision]:
        """A game the computers play alone, from where it stands to the next turn's briefing (or its end).

        Between two calls the game waits in a briefing, where the facilitator
        may fire injects and override stats before the turn is played.
        """
        turn, decisions = self.game.turn, []
        while not self.game.is_over() and not (self.game.turn > turn and self.game.turn_phase == "briefing"):
            decisions += self.step()
        return decisions

    def proceed(self) -> None:
        self.game.proceed()

    # ------------------------------------------------------------ saving
    #
    # Files are named for the people who look for them (``saves.names.file_stem``):
    # the scenario, the sides played here and the local time. None of them
    # overwrites a file this session did not write: a name taken gets -2, -3...

    def save(self, path: Path) -> Path:
        """Save to ``path`` (its folder created), or beside it as ``NAME-2.json``... when ``path`` is another file.

        ``path`` may be overwritten when it is this session's own save (the
        file it was loaded from or last saved to). Returns the file written;
        a refusal is a one-line ``SaveError``, the game unchanged.
        """
        from wargame.saves import save_bytes, save_game
        from wargame.saves.store import make_folder, write_new

        make_folder(path.parent)
        if path.exists() and not self._own(path):
            path = write_new(path.parent, path.stem, path.suffix, save_bytes(self.game, players=self.humans))
        else:
            save_game(self.game, path, players=self.humans)
        self.save_path = path
        return path

    def _own(self, path: Path) -> bool:
        try:
            return self.save_path is not None and self.save_path.resolve() == path.resolve()
        except OSError:
            return False

    def save_name(self, folder: Path, now: datetime | None = None) -> str:
        """The name the save dialog suggests: scenario, sides, turn and time, not taken in ``folder``."""
        from wargame.saves.names import file_stem
        from wargame.saves.store import free_path

        stem = file_stem(self.scenario.id, self.humans, _local(now), extra=f"turn{self.game.turn}")
        return free_path(folder, stem, ".json").stem

    def autosave(self, folder: Path, now: datetime | None = None) -> Path:
        """Autosave into this sitting's own file (``saves.autosave``), named at the first autosave."""
        from wargame.saves import autosave

        return autosave(self.game, folder, players=self.humans, now=_local(now))

    def write_report(self, folder: Path, now: datetime | None = None) -> Path:
        """Write the after-action report (Markdown, from ``wargame.debrief``) into a new file in ``folder``.

        Named ``SCENARIO-SIDES-TIME-debrief.md``; asked again for the same
        game, it returns the report already written instead of another copy.
        """
        from wargame.debrief import build_report, render_markdown
        from wargame.saves.names import file_stem
        from wargame.saves.store import write_new

        moment = len(self.game.decisions)
        if self._report is not None and self._report[1] == moment and self._report[0].is_file():
            return self._report[0]
        text = render_markdown(build_report(self.game))
        stem = file_stem(self.scenario.id, self.humans, _local(now), extra="") + "-debrief"
        path = write_new(folder, stem, ".md", text.encode("utf-8"))
        self._report = (path, moment)
        return path


def _local(now: datetime | None) -> datetime:
    """``now`` (the clock's when None) in local time: file names show the time on the players' clock."""
    return (now or datetime.now()).astimezone()
