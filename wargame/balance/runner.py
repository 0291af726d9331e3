"""Playing every pairing's games, over several processes when asked.

Each game is summarised by ``simulation.play_one``, the very function
``wargame simulate`` uses, so both commands count alike; the summary's
``moves`` tell the report which moves go with which outcome. Game ``i``
of every pairing uses ``simulation.game_seed(seed, i)``; results come back
in (pairing, game) order whatever the number of workers, so a seed gives
the same report every time.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from wargame.balance.pairings import Pairing
from wargame.scenario.loader import LoadedScenario, load_scenario_text
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
    """``runs`` games of every pairing; ``progress`` gets the number finished so far."""
    jobs = [(p, i, game_seed(seed, i)) for p in range(len(pairings)) for i in range(runs)]
    doctrines = [pairing.as_dict() for pairing in pairings]
    if workers <= 1 or len(jobs) <= 1:
        played = []
        for job in jobs:
            played.append(play_job(scenario, doctrines, job))
            if progress:
                progress(len(played))
        return played
    size = max(1, min(25, len(jobs) // (workers * 8)))
    played: list[PlayedGame] = []
    with _context().Pool(workers, initializer=_init_worker, initargs=(scenario.text, scenario.source, doctrines)) as pool:
        for batch in pool.imap(_play_batch, _chunks(jobs, size)):
            played.extend(batch)
            if progress:
                progress(len(played))
    return played


def play_job(scenario: LoadedScenario, doctrines: list[dict[str, str]], job: Job) -> PlayedGame:
    pairing, index, seed = job
    return PlayedGame(pairing, play_one(scenario, index, seed, doctrines[pairing]))


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _context():
    """``fork`` on Linux (cheap, and the scenario is loaded once per worker anyway), the default elsewhere."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


_WORKER: dict = {}


def _init_worker(text: str, source: str, doctrines: list[dict[str, str]]) -> None:
    _WORKER["scenario"] = load_scenario_text(text, source)
    _WORKER["doctrines"] = doctrines


def _play_batch(jobs: list[Job]) -> list[PlayedGame]:
    return [play_job(_WORKER["scenario"], _WORKER["doctrines"], job) for job in jobs]
