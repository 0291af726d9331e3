"""Playing every pairing's games, over several processes when asked.

Each game is summarised by ``simulation.play_one``, the very function
``wargame simulate`` uses, so both commands count alike; the summary's
``moves`` tell the report which moves go with which outcome. Game ``i``
of every pairing uses ``simulation.game_seed(seed, i)``; ``wargame.pool``
(the pool ``simulate`` uses too) gives results back in (pairing, game)
order whatever the number of workers, so a seed gives the same report
every time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wargame import pool
from wargame.balance.pairings import Pairing
from wargame.scenario.loader import LoadedScenario
from wargame.simulation import GameSummary, game_seed, play_one


@dataclass(frozen=True)
class PlayedGame:
    """One finished game of one pairing: small, plain and picklable."""

    pairing: int  # index into the report's pairings
    summary: GameSummary

    @property
    def moves(self) -> tuple[tuple[str, str], ...]:
        """(actor, move) pairs played at least once, in first-played order."""
        return tuple(dict.fromkeys(self.summary.moves))

    def winner(self) -> str | None:
        """The actor with the strictly highest score, or None on a tie."""
        scores = sorted(self.summary.scores, key=lambda pair: pair[1], reverse=True)
        if len(scores) > 1 and scores[0][1] == scores[1][1]:
            return None
        return scores[0][0]


Job = tuple[int, int, int]  # (pairing index, game index, seed)


def play_all(
    scenario: LoadedScenario,
    pairings: list[Pairing],
    runs: int,
    seed: int = 0,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[PlayedGame]:
    """``runs`` games of every pairing, over ``workers`` processes; ``progress`` gets the number finished so far."""
    jobs = [(p, i, game_seed(seed, i)) for p in range(len(pairings)) for i in range(runs)]
    doctrines = [pairing.as_dict() for pairing in pairings]
    return pool.play_all(scenario, play_job, doctrines, jobs, workers, progress)


def play_job(scenario: LoadedScenario, doctrines: list[dict[str, str]], job: Job) -> PlayedGame:
    """Game ``index`` of pairing ``pairing`` (``doctrines[pairing]``), played with ``seed``."""
    pairing, index, seed = job
    return PlayedGame(pairing, play_one(scenario, index, seed, doctrines[pairing]))
