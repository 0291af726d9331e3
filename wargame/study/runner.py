"""Playing every lesson's two versions of every scenario over the same doctrine pairings and seeds.

The pairings are balance's (``balance.pairings``: every doctrine combination
for two or three actors, one actor at a time beyond; a side an edit gives to
a scripted player keeps it, so both versions of the skill lesson play the
same pairings of the other sides). Game ``i`` of every
pairing of every version uses ``simulation.game_seed(seed, i)``, so the
``k``-th game of a variant pairs with the ``k``-th game of its reference.
A version shared by several lessons (the scenario as shipped, usually) is
played once. Games go through the one pool (``wargame.pool``), version by
version, in order whatever the number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wargame import pool
from wargame.balance.pairings import pairings
from wargame.scenario.loader import LoadedScenario
from wargame.simulation import game_seed
from wargame.study.edits import NotApplicable
from wargame.study.lessons import Arm, Lesson
from wargame.study.measure import GameRecord, play_job


@dataclass(frozen=True)
class Measured:
    """One lesson in one scenario: its paired games, or why it could not be played there."""

    scenario: LoadedScenario
    skipped: str | None
    reference: tuple[GameRecord, ...] = ()
    variant: tuple[GameRecord, ...] = ()


@dataclass(frozen=True)
class Study:
    """Every chosen lesson over every chosen scenario, with what was needed to reproduce it."""

    scenarios: tuple[LoadedScenario, ...]
    lessons: tuple[Lesson, ...]
    runs: int
    seed: int
    results: dict[str, tuple[Measured, ...]]  # lesson name -> one per scenario
    games: int


def _key(arm: Arm) -> str:
    return arm.edit.name if arm.edit else "shipped"


def _versions(scenario: LoadedScenario, chosen: Sequence[Lesson]) -> dict[str, LoadedScenario | str]:
    """Each version the chosen lessons need, by key: the edited scenario, or why the edit does not apply."""
    found: dict[str, LoadedScenario | str] = {}
    for lesson in chosen:
        for arm in (lesson.reference, lesson.variant):
            if _key(arm) not in found:
                try:
                    found[_key(arm)] = arm.edit.apply(scenario) if arm.edit else scenario
                except NotApplicable as reason:
                    found[_key(arm)] = str(reason)
    return found


def _needed(versions: dict[str, LoadedScenario | str], chosen: Sequence[Lesson]) -> set[str]:
    """The versions worth playing: those of lessons whose two versions both exist."""
    return {_key(arm) for lesson in chosen for arm in (lesson.reference, lesson.variant)
            if not isinstance(versions[_key(lesson.reference)], str)
            and not isinstance(versions[_key(lesson.variant)], str)}


def planned_games(scenarios: Sequence[LoadedScenario], chosen: Sequence[Lesson], runs: int) -> int:
    """How many games ``run`` will play (for a progress bar)."""
    from wargame.ai import doctrine_names

    total = 0
    for scenario in scenarios:
        versions = _versions(scenario, chosen)
        total += sum(len(pairings(version, doctrine_names())[0]) * runs
                     for key, version in versions.items() if key in _needed(versions, chosen)
                     and not isinstance(version, str))
    return total



def run(
    scenarios: Sequence[LoadedScenario],
    chosen: Sequence[Lesson],
    runs: int,
    seed: int = 0,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Study:
    """Play and pair every chosen lesson's games; ``progress`` gets the number of games finished so far."""
    from wargame.ai import doctrine_names

    results: dict[str, list[Measured]] = {lesson.name: [] for lesson in chosen}
    done = 0
    for scenario in scenarios:
        played: dict[str, tuple[GameRecord, ...] | str] = {}
        versions = _versions(scenario, chosen)
        needed = _needed(versions, chosen)
        for key, version in versions.items():
            if isinstance(version, str) or key not in needed:
                played[key] = version
                continue
            shared = [pairing.as_dict() for pairing in pairings(version, doctrine_names())[0]]
            jobs = [(p, i, game_seed(seed, i)) for p in range(len(shared)) for i in range(runs)]
            offset = done
            step = (lambda n, offset=offset: progress(offset + n)) if progress else None
            played[key] = tuple(pool.play_all(version, play_job, shared, jobs, workers, step))
            done += len(jobs)
        for lesson in chosen:
            reference, variant = played[_key(lesson.reference)], played[_key(lesson.variant)]
            if isinstance(reference, str) or isinstance(variant, str):
                reason = reference if isinstance(reference, str) else variant
                results[lesson.name].append(Measured(scenario, str(reason)))
            else:
                results[lesson.name].append(Measured(scenario, None, reference, variant))
    return Study(tuple(scenarios), tuple(chosen), runs, seed,
                 {name: tuple(rows) for name, rows in results.items()}, done)
