"""Independent games spread over worker processes: the one pool of ``simulate`` and ``balance``.

``play_all(scenario, play, shared, jobs, workers)`` returns
``[play(scenario, shared, job) for job in jobs]``, in job order whatever
the number of workers, so a batch seed gives the same report every time.
With several workers it uses a ``concurrent.futures.ProcessPoolExecutor``
whose initializer loads the scenario once per worker, from its text (so it
works with every start method), and keeps it, with ``play`` and
``shared``, for all that worker's games; jobs travel in batches so a
worker is not asked for one game at a time.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from wargame.scenario.loader import LoadedScenario, load_scenario_text

Job = TypeVar("Job")
Result = TypeVar("Result")

BATCH = 50  # most jobs sent to a worker at once; fewer when there are few jobs, so that every worker gets some


def play_all(
    scenario: LoadedScenario,
    play: Callable[[LoadedScenario, Any, Job], Result],
    shared: Any,
    jobs: Sequence[Job],
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[Result]:
    """``play(scenario, shared, job)`` for every job, in order; ``progress`` gets the number finished so far.

    ``play`` must be a module-level function and ``shared`` picklable when
    ``workers`` is more than 1.
    """
    results: list[Result] = []
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            results.append(play(scenario, shared, job))
            if progress:
                progress(len(results))
        return results
    batch = max(1, min(BATCH, len(jobs) // (workers * 8)))
    processes = min(workers, -(-len(jobs) // batch))
    setup = (scenario.text, scenario.source, play, shared)
    pool = ProcessPoolExecutor(processes, mp_context=context(), initializer=_load, initargs=setup)
    try:
        for result in pool.map(_play, jobs, chunksize=batch):
            results.append(result)
            if progress:
                progress(len(results))
    except BaseException:  # Ctrl-C or a failed game: drop the games not started instead of waiting for them
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def context() -> Any:
    """``fork`` on Linux (cheap; each worker loads the scenario once anyway), the platform's default elsewhere."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class _Worker:
    """What a worker process keeps between jobs; set once by the pool's initializer, in workers only."""

    scenario: LoadedScenario
    play: Callable[[LoadedScenario, Any, Any], Any]
    shared: Any


def _load(text: str, source: str, play: Callable[[LoadedScenario, Any, Any], Any], shared: Any) -> None:
    # Ctrl-C stops a worker at once; otherwise it would turn it into its batch's error and play its next batch
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _Worker.scenario = load_scenario_text(text, source)
    _Worker.play = play
    _Worker.shared = shared


def _play(job: Any) -> Any:
    return _Worker.play(_Worker.scenario, _Worker.shared, job)
