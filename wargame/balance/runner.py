"""Playing every pairing's games, over several processes when asked.

Each game is summarised exactly as ``wargame simulate`` summarises it
(``simulation.GameSummary``), plus the moves each actor played, which the
balance report needs to say which moves go with which outcome. Game ``i``
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
from wargame.simulation import GameSummary, game_seed


@dataclass(frozen=True)
class PlayedGame:
    """One finished game of one pairing: small, plain and picklable."""

    pairing: int  # index into the report's pairings
    summary: GameSummary
    moves: tuple[tuple[str, str], ...]  # (actor, move) played at least once, in first-played order

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
    from wargame.ai.autoplay import play_to_end
    from wargame.engine import Game

    pairing, index, seed = job
    game = play_to_end(Game(scenario, seed), doctrines[pairing])
    moves = dict.fromkeys((order.actor, order.move) for record in game.history for order in record.orders.values())
    return PlayedGame(pairing, summarise(game, index, seed), tuple(moves))


def summarise(game, index: int, seed: int) -> GameSummary:
    """The game as ``wargame simulate`` records it (the same fields, filled the same way)."""
    outcome = game.outcome
    return GameSummary(
        index=index,
        seed=seed,
        outcome=outcome.kind,
        turns=outcome.turn,
        peak=game.peak,
        final_rung=game.rung,
        capitulated=outcome.actor if outcome.kind == "capitulation" else None,
        red_lines=tuple((line.id, line.status) for line in game.red_lines if line.source == "scenario"),
        hotline_lines=tuple((line.source, line.status) for line in game.red_lines if line.source != "scenario"),
        triggers=tuple(t.id for t in game.scenario.spec.triggers if t.id in game.fired),
        agreements=len(game.agreements),
        broken=sum(1 for a in game.agreements if not a.in_force),
        scores=tuple(outcome.scores),
    )


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
