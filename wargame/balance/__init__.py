"""Balance reports: many simulated games with every pairing of computer doctrines.

``balance(scenario, runs, seed, workers)`` plays the games (``runner``)
for the pairings chosen by ``pairings``, aggregates them (``report``),
adds a verdict per actor and scenario flags (``verdicts``); ``markdown``
and ``html`` render the result, the latter with inline SVG charts
(``svg``) and no external references, so the file can be mailed or opened
offline. ``overview`` puts the short part of every scenario's report on
one page (``wargame balance --all``, docs/balance.md).
"""

from __future__ import annotations

from collections.abc import Callable

from wargame.balance.pairings import pairings
from wargame.balance.report import BalanceReport, build
from wargame.balance.runner import play_all
from wargame.scenario.loader import LoadedScenario


def plan(scenario: LoadedScenario) -> tuple[list, str]:
    """The pairings a report on ``scenario`` plays, and how they were chosen."""
    from wargame.ai import doctrine_names

    return pairings(scenario, doctrine_names())


def balance(
    scenario: LoadedScenario,
    runs: int,
    seed: int = 0,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> BalanceReport:
    """Play ``runs`` games of every pairing and build the report (same seed, same report)."""
    from wargame.ai import doctrine_names

    chosen, rule = plan(scenario)
    played = play_all(scenario, chosen, runs, seed, workers, progress)
    return build(scenario, chosen, rule, played, runs, seed, doctrine_names())
