"""One game on the host: its seats, who is ready, and its save.

The table is the only place the host changes a game. A team's decision is
applied by the engine (which refuses what the rules refuse) after the table
checked that it is the team's own; ``ready`` closes a phase for that team,
and once every waiting seat is ready the table moves the game on, letting
the computer seats decide as each phase opens. Turn 1's briefing waits for
every team; later briefings follow the aftermath at once (as at one
terminal, where the next turn opens when the result is read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wargame.engine import Decision, Game, Message, Order, actor_view, facilitator_view
from wargame.engine.decisions import decision_from_dict
from wargame.errors import IllegalDecision
from wargame.net.seats import Seat

TEAM_PHASES = ("briefing", "hotline", "orders", "aftermath")


@dataclass
class Table:
    """A game, the seat of each side, the teams ready in this phase, and where its save goes."""

    number: int
    game: Game
    seats: dict[str, Seat]
    save_path: Path
    _ready: set[str] = field(default_factory=set)
    _moment: tuple = ()

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(side for side, seat in self.seats.items() if seat.waits)

    @property
    def computers(self) -> tuple[str, ...]:
        return tuple(side for side, seat in self.seats.items() if not seat.waits)

    @property
    def phase(self) -> str:
        return "over" if self.game.is_over() else self.game.turn_phase

    def waiting_for(self) -> tuple[str, ...]:
        """The teams the game waits for in this phase (an order first, in the orders phase)."""
        self._sync()
        if self.phase == "over":
            return ()
        return tuple(side for side in self.teams if side not in self._ready)

    def is_ready(self, side: str) -> bool:
        """``side`` has nothing more to do in this phase (a computer never has)."""
        return side not in self.waiting_for()

    def _sync(self) -> None:
        """A new phase: nobody is ready in it yet."""
        moment = (self.game.turn, self.phase)
        if moment != self._moment:
            self._moment, self._ready = moment, set()

    # ------------------------------------------------------------ what a team sends

    def decide(self, side: str, data: dict) -> Decision:
        """Apply ``side``'s decision (raises IllegalDecision, the game unchanged); the caller saves."""
        decision = decision_from_dict(data)
        if not isinstance(decision, (Order, Message)):
            raise IllegalDecision("a team sends orders and messages; phases close with ready")
        author = decision.actor if isinstance(decision, Order) else decision.sender
        if author != side:
            raise IllegalDecision(f"this code plays {side}, not {author[:40]}")
        if self.phase == "over":
            raise IllegalDecision("the game is over")
        self.game.apply(decision)
        return decision

    def mark_ready(self, side: str, phase: str) -> bool:
        """``side`` is done with ``phase``; True when that moved the game on (the caller then saves)."""
        self._sync()
        if self.phase == "over":
            raise IllegalDecision("the game is over")
        if phase != self.phase:
            raise IllegalDecision(f"the turn is in its {self.phase} phase, not {phase[:20]}")
        if phase == "orders" and side not in self.game.orders:
            raise IllegalDecision("give an order before ending the turn")
        self._ready.add(side)
        if self.waiting_for():
            return False
        self.advance()
        return True

    # ------------------------------------------------------------ moving the game on

    def advance(self) -> None:
        """Every team is ready: close the phase, and the next ones nobody has to wait for."""
        from wargame.ai.autoplay import play_computers

        game = self.game
        if game.turn_phase == "orders":
            play_computers(game, self.computers)
        closed = game.turn_phase
        game.proceed()
        if closed == "aftermath" and not game.is_over() and game.turn_phase == "briefing":
            game.proceed()
        if not game.is_over() and game.turn_phase == "hotline":
            play_computers(game, self.computers)

    def start(self) -> None:
        """A game with no team at all is played by the computers as far as it goes (a demonstration)."""
        while not self.teams and not self.game.is_over():
            self.advance()

    def save_bytes(self) -> bytes:
        """The save as it stands (the server writes it off the event loop, in order)."""
        from wargame.saves import save_bytes

        return save_bytes(self.game, players=self.teams)

    def save(self) -> None:
        from wargame.saves import atomic_write

        atomic_write(self.save_path, self.save_bytes())

    # ------------------------------------------------------------ what each code sees

    def view_for(self, side: str) -> dict:
        """The view a code opens: a side's own view, or everything for the facilitator."""
        if side in self.seats:
            return actor_view(self.game, side).to_dict()
        return facilitator_view(self.game).to_dict()

    def final_view(self) -> dict | None:
        """Once the game is over nothing is hidden: everyone may have the whole story (the end screen)."""
        return facilitator_view(self.game).to_dict() if self.game.is_over() else None

    def summary(self) -> str:
        """One line for the host's overview: turn, phase, rung, and who the game waits for."""
        game = self.game
        if game.is_over():
            return f"game {self.number}: over ({game.outcome.kind if game.outcome else 'ended'}), turn {game.turn}, rung {game.rung}"
        waiting = ", ".join(self.waiting_for()) or "nobody"
        return f"game {self.number}: turn {game.turn} {self.phase}, rung {game.rung}; waiting for {waiting}"
