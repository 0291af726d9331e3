"""A list of saves from their summaries, without replaying any of them.

A damaged file does not break the list: it appears as unreadable, with the
reason, so the player can see it and delete it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wargame.errors import SaveError
from wargame.saves import fileformat
from wargame.saves.atomic import is_temp_file


@dataclass(frozen=True)
class SaveSummary:
    path: Path
    problem: str | None = None  # why the file cannot be read; None when it can
    game_id: str = ""
    scenario_id: str = ""
    scenario_title: str = ""
    actors: dict[str, str] = field(default_factory=dict)  # every actor's name by id, in the scenario's order
    players: tuple[str, ...] | None = None  # the actors people played (None: the save does not say)
    seed: int = 0
    turn: int = 0
    turn_label: str = ""
    phase: str = ""
    rung: int = 0
    rung_name: str = ""
    outcome: str | None = None
    scores: dict[str, int] = field(default_factory=dict)
    saved_at: str = ""
    from_turn: int | None = None  # set for a counterfactual branch
    game_version: str = ""

    @property
    def readable(self) -> bool:
        return self.problem is None

    def sides(self) -> list[tuple[str, bool | None]]:
        """Each actor's name and whether people played it (None: the save does not say), in the scenario's order.

        Saves written before ``summary.actors`` give the actors' ids for names.
        """
        players = self.players
        return [(name, None if players is None else actor in players) for actor, name in self.actors.items()]


def read_summary(path: str | Path) -> SaveSummary:
    path = Path(path)
    try:
        save = fileformat.decode_header(fileformat.read_bytes(path), path.name)
    except SaveError as error:
        return SaveSummary(path, problem=str(error))
    s = save.summary
    return SaveSummary(
        path=path,
        game_id=save.id,
        scenario_id=save.scenario.id,
        scenario_title=s.scenario_title,
        actors=dict(s.actors) if s.actors is not None else {actor: actor for actor in s.state.stats},
        players=save.players,
        seed=save.seed,
        turn=s.turn,
        turn_label=s.turn_label,
        phase=s.phase,
        rung=s.rung,
        rung_name=s.rung_name,
        outcome=s.outcome,
        scores=dict(s.scores),
        saved_at=s.saved_at,
        from_turn=save.branch["from_turn"] if save.branch else None,
        game_version=save.game_version,
    )


def list_saves(folder: str | Path) -> list[SaveSummary]:
    """Every ``*.json`` save in ``folder``: readable ones newest first, then the unreadable ones."""
    folder = Path(folder)
    try:
        paths = [p for p in folder.glob("*.json") if p.is_file() and not is_temp_file(p)]
    except OSError:
        return []
    summaries = [read_summary(path) for path in paths]
    readable = sorted((s for s in summaries if s.readable), key=lambda s: (s.saved_at, s.path.name), reverse=True)
    broken = sorted((s for s in summaries if not s.readable), key=lambda s: s.path.name)
    return readable + broken

