"""A game as the UI plays it: the game, who is human, where saves go.

This is the only place the UI touches ``Game``: it reads views, applies the
human's decisions and lets the computers play. It imports no Textual, so the
flow of a turn can be tested (and benchmarked) without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wargame.engine import ActorView, Decision, Game, actor_view
from wargame.errors import WargameError

# The phases in which the computers have something to decide.
COMPUTER_PHASES = ("hotline", "orders")


def default_side(scenario) -> str:
    """The scenario's first human actor, else its first recommended side, else its first actor."""
    spec = scenario.spec
    for actor in spec.actors:
        if actor.player == "human":
            return actor.id
    if spec.recommended_sides:
        return spec.recommended_sides[0]
    return spec.actors[0].id


def check_side(scenario, actor: str) -> str:
    if actor not in scenario.actor_ids:
        raise WargameError(f"no actor '{actor}' in {scenario.spec.title} (actors: {', '.join(scenario.actor_ids)})")
    return actor


@dataclass
class Session:
    """One human actor's seat at a game; every other actor is a computer."""

    game: Game
    human: str
    saves_dir: Path | None = None
    save_path: Path | None = None
    _view: ActorView | None = field(default=None, repr=False)
    _view_key: tuple | None = field(default=None, repr=False)

    @classmethod
    def create(cls, game: Game, human_actors: Sequence[str], saves_dir: Path | None = None) -> "Session":
        humans = list(human_actors) or [default_side(game.scenario)]
        if len(humans) > 1:
            raise WargameError("the terminal UI seats one human player; pick one actor with --as")
        return cls(game, check_side(game.scenario, humans[0]), saves_dir)

    @property
    def computers(self) -> tuple[str, ...]:
        return tuple(a for a in self.game.actor_ids if a != self.human)

    @property
    def phase(self) -> str:
        return "over" if self.game.is_over() else self.game.turn_phase

    def view(self) -> ActorView:
        """The human's view, rebuilt only when the game changed (decisions or phase)."""
        game = self.game
        key = (len(game.decisions), game.turn, game.turn_phase, game.outcome is not None)
        if self._view is None or key != self._view_key:
            self._view = actor_view(game, self.human)
            self._view_key = key
        return self._view

    def crisis_rung(self) -> int:
        """The rung the crisis stands on: public (the news announces every move of the ladder)."""
        return self.view().rung

    def apply(self, decision: Decision) -> None:
        """Apply one of the human's decisions (raises IllegalDecision, the game unchanged)."""
        self.game.apply(decision)

    def computers_play(self) -> list[Decision]:
        """Let every computer actor decide for the current phase; run in a worker thread."""
        from wargame.ai.autoplay import play_computers

        if self.game.is_over() or self.game.turn_phase not in COMPUTER_PHASES:
            return []
        return play_computers(self.game, self.computers)

    def end_turn(self) -> list[Decision]:
        """Computers order, then the turn resolves: from orders to aftermath."""
        decisions = self.computers_play()
        self.game.proceed()
        return decisions

    def proceed(self) -> None:
        self.game.proceed()
