"""What conditions see: the game answering the condition language's questions.

The condition resolves an alias (``self``, ``target``) through ``actor``
before it asks anything else, so the other questions take actor ids.
``hypothetical`` lets a caller ask "would this hold if I also played X?"
without copying the game, which is how deterrence is weighed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wargame.engine.game import Game


class GameEnv:
    __slots__ = ("aliases", "game", "hypothetical", "rung_shift")

    def __init__(
        self,
        game: Game,
        aliases: dict[str, str] | None = None,
        hypothetical: tuple[str, str] | None = None,
        rung_shift: int = 0,
    ):
        self.game = game
        self.aliases = aliases or {}
        self.hypothetical = hypothetical
        self.rung_shift = rung_shift

    def var(self, name: str) -> float:
        game = self.game
        if name == "rung":
            return game.rung + self.rung_shift
        if name == "turn":
            return game.turn
        if name == "turns":
            return game.scenario.spec.turns
        if name == "peak":
            return max(game.peak, game.rung + self.rung_shift)
        if name == "rung_change":
            return game.rung_change
        raise KeyError(name)

    def actor(self, name: str) -> str:
        return self.aliases.get(name, name)

    def stat(self, actor: str, stat: str) -> float:
        state = self.game.actors[actor]
        if stat == "perceived_rung":
            return state.perceived_rung
        return state.stats[stat]

    def trust(self, actor: str, other: str) -> float:
        return self.game.actors[actor].trust.get(other, 100)

    def played(self, actor: str | None, move: str, within: int | None) -> bool:
        if self.hypothetical and self.hypothetical[1] == move and actor in (None, self.hypothetical[0]):
            return True
        since = self.game.turn - within if within else 0
        if actor is None:
            return self.game.last_played.get(move, 0) > since
        turns = self.game.played.get((actor, move))
        return turns is not None and len(turns) > 0 and turns[-1] > since

    def crossed(self, red_line: str) -> bool:
        return any(line.id == red_line and line.crossed_turn is not None for line in self.game.red_lines)

    def fired(self, trigger: str) -> bool:
        return trigger in self.game.fired

    def agreed(self, term: str, party: str | None = None) -> bool:
        """An agreement in force holds ``term`` (committed by ``party``, when given)."""
        for agreement in self.game.agreements:
            if agreement.in_force:
                for c in agreement.commitments:
                    if c.term == term and party in (None, c.party):
                        return True
        return False

    def channel(self, actor: str, other: str) -> str:
        return self.game.channel(actor, other)
