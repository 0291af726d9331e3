"""One game on the host: its seats, who is ready, and its save.

The table is the only place the host changes a game. A team's decision is
applied by the engine (which refuses what the rules refuse) after the table
checked that it is the team's own; ``ready`` closes a phase for that team,
and once every waiting seat is ready the table moves the game on, letting
the computer seats decide as each phase opens. Turn 1's briefing waits for
every team; later briefings follow the aftermath at once (as at one
terminal, where the next turn opens when the result is read).

The facilitator's powers that are about seats and time live here too:
handing a side to the computer and back (``hand``), pausing (no phase
closes), and the phase clock running out (``time_out``); what the white
cell may ask for is sorted out in ``wargame.net.white_cell``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wargame.engine import Decision, Game, Message, Order, Seat, Timeout, actor_view, facilitator_view
from wargame.engine.decisions import decision_from_dict
from wargame.errors import IllegalDecision
from wargame.net.clock import Clock
from wargame.net.seats import Computer, Remote
from wargame.net.seats import Seat as Holder

TEAM_PHASES = ("briefing", "hotline", "orders", "aftermath")


@dataclass
class Table:
    """A game, the seat of each side, the teams ready in this phase, and where its save goes."""

    number: int
    game: Game
    seats: dict[str, Holder]
    save_path: Path
    humans: tuple[str, ...] = ()  # the sides a team's code opens (whoever holds them now)
    clock: Clock = field(default_factory=Clock)
    paused: bool = False  # the facilitator holds the game: no phase closes
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
        self.clock.follow(self.game.turn, self.phase, self.paused)

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
        self._holds(side)
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
        self._holds(side)
        self._ready.add(side)
        return self.move_on()

    def _holds(self, side: str) -> None:
        if not self.seats[side].waits:
            raise IllegalDecision("the facilitator handed your side to the computer: it plays it until you get it back")

    # ------------------------------------------------------------ the white cell's seats and time

    def hand(self, decision: Seat) -> bool:
        """Hand a side to the computer, or back to its team; True when the game moved on (it always changed)."""
        holder = self.seats.get(decision.actor)
        if holder is None:
            raise IllegalDecision(f"no side '{decision.actor[:40]}' in this game")
        if decision.holder == holder.label:
            raise IllegalDecision(f"the {holder.label} already holds {decision.actor}")
        if decision.holder == "team" and decision.actor not in self.humans:
            raise IllegalDecision(f"no team's code opens {decision.actor}: the computer plays it")
        if decision.holder == "computer" and self.teams == (decision.actor,) and not self.paused:
            raise IllegalDecision("that is the last team: the computer would play the game to its end at once; "
                                  "pause first to hold it")
        self.game.apply(decision)
        self.seats[decision.actor] = Computer() if decision.holder == "computer" else Remote()
        self.move_on()
        return True

    def pause(self, paused: bool) -> bool:
        """Hold the game (no phase closes, the clock stops) or let it go on; True when that moved the game."""
        self.paused = paused
        if paused:
            self.clock.pause()
            return False
        self.clock.resume()
        return self.move_on()

    def set_clock(self, phase: str, seconds: float | None, add: float | None, policy: str | None) -> None:
        """The facilitator's ``timer`` request (see ``Clock.set``), on the clock of the phase the game is in now."""
        self._sync()
        self.clock.set(phase, seconds, add, policy, self.paused)

    def time_out(self) -> bool:
        """The phase's clock ran out: record it, and let the computer play the phase if so set; True if recorded."""
        self._sync()
        if self.phase == "over" or not self.clock.due():
            return False
        self.clock.expired = True
        sides, policy, phase = self.waiting_for(), self.clock.policy, self.phase
        if not sides:
            return False
        self.game.apply(Timeout(phase, policy, sides))
        if policy == "computer":
            from wargame.ai.autoplay import play_computers

            if phase == "orders":
                play_computers(self.game, [side for side in sides if side not in self.game.orders])
            self._ready.update(sides)
            self.move_on()
        return True

    def move_on(self) -> bool:
        """Close phases while nobody is waited for (and the game is not paused); True when one closed."""
        moved = False
        while not self.paused and self.phase != "over" and not self.waiting_for():
            self.advance()
            moved = True
        return moved

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

        return save_bytes(self.game, players=self.humans or self.teams)

    def save(self) -> None:
        from wargame.saves import atomic_write

        atomic_write(self.save_path, self.save_bytes())

    # ------------------------------------------------------------ what each code sees

    def view_for(self, side: str) -> dict:
        """The view a code opens: a side's own view, or everything for the facilitator."""
        if side in self.seats:
            return actor_view(self.game, side).to_dict()
        return facilitator_view(self.game).to_dict()

    def status(self) -> dict:
        """What every view message carries besides the view: the clock, who holds each side, the pause."""
        self._sync()
        return {"clock": None if self.phase == "over" else self.clock.wire(),
                "seats": {side: seat.label for side, seat in self.seats.items()}, "paused": self.paused}

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
