"""Rebuilding a game from its decisions: loading, forking and verifying.

A save holds no state, only the scenario, the seed and the decisions, so a
load is a replay through ``Game.apply``: the rules check every decision
again, and one that they refuse means the save was edited or damaged.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from wargame.engine.decisions import Decision, Message, Order, Proceed
from wargame.engine.game import Game
from wargame.errors import IllegalDecision, SaveError, ScenarioError
from wargame.saves import fileformat, provenance
from wargame.saves.model import Branch, SaveFile
from wargame.scenario.loader import LoadedScenario, load_scenario_text


class ReplayMismatch(SaveError):
    """Replaying a save gave a different state from the one it recorded."""

    def __init__(self, message: str, turn: int):
        super().__init__(message)
        self.turn = turn


def scenario_of(save: SaveFile) -> LoadedScenario:
    try:
        return _load_scenario(save.scenario.text, save.scenario.source)
    except ScenarioError as error:
        first = str(error).splitlines()[0] if str(error) else "invalid"
        raise SaveError(f"the scenario embedded in {save.name} does not load in this wargame: {first}") from None


@lru_cache(maxsize=16)
def _load_scenario(text: str, source: str) -> LoadedScenario:
    """Scenarios are frozen, so games replayed from the same text can share one."""
    return load_scenario_text(text, source)


def replay(
    save: SaveFile,
    *,
    stop: Callable[[Game, Decision], bool] | None = None,
    before: Callable[[Game, Decision], None] | None = None,
) -> Game:
    """Apply the save's decisions to a new game; ``stop`` ends early, ``before`` watches each step."""
    game = Game(scenario_of(save), save.seed)
    total = len(save.decisions)
    for index, record in enumerate(save.decisions, start=1):
        decision = record.decision()
        if stop is not None and stop(game, decision):
            break
        if before is not None:
            before(game, decision)
        try:
            game.apply(decision)
        except IllegalDecision as error:
            raise SaveError(
                f"{save.name} is corrupt or was edited: decision {index} of {total} "
                f"({_describe(decision)}) is illegal on replay: {error}"
            ) from None
    return game


def _describe(decision: Decision) -> str:
    if isinstance(decision, Order):
        return f"order {decision.actor} {decision.move}"
    if isinstance(decision, Message):
        return f"{decision.kind} from {decision.sender} to {decision.recipient}"
    if isinstance(decision, Proceed):
        return f"proceed from {decision.phase}"
    return type(decision).__name__.lower()


def restore(save: SaveFile) -> Game:
    """The game a save holds, with its identity and saved_at kept for re-saving.

    The replay is checked against the save's recorded checkpoints (as
    ``replay --verify`` does), so an edited save is refused, naming the
    first turn that differs, rather than played or reported on.
    """
    game = replay(save)
    verify(save, game)
    provenance.remember(
        game,
        provenance.Provenance(
            game_id=save.id,
            branch=save.branch,
            saved_at=save.summary.saved_at,
            saved_decisions=len(game.decisions),
        ),
    )
    return game


# ------------------------------------------------------------------ forks


def fork_game(game: Game, turn: int) -> Game:
    """A counterfactual branch: the same game up to the start of ``turn``, new choices from there.

    The branch keeps every decision before ``turn``'s briefing closes (so
    injects the facilitator fired in that briefing stay), and stops in that
    briefing; it gets its own id and remembers where it came from.
    """
    if not 1 <= turn <= game.turn:
        last = f"ended on turn {game.turn}" if game.is_over() else f"is on turn {game.turn}"
        raise SaveError(f"cannot fork at turn {turn}: the game {last}")
    branch = Game(game.scenario, game.seed)
    for decision in game.decisions:
        if branch.turn == turn and isinstance(decision, Proceed) and decision.phase == "briefing":
            break
        branch.apply(decision)
    parent = provenance.of(game)
    provenance.remember(branch, provenance.Provenance(provenance.new_id(), Branch(parent=parent.game_id, from_turn=turn)))
    return branch


# ------------------------------------------------------------------ verify


def verify(save: SaveFile, game: Game) -> None:
    """Raise ``ReplayMismatch`` naming the first turn where ``game`` differs from the saved summary."""
    saved = save.summary.model_dump()
    replayed = fileformat.summary(game, save.summary.saved_at)
    checkpoints = saved["checkpoints"]
    for index, mine in enumerate(replayed["checkpoints"]):
        theirs = checkpoints[index] if index < len(checkpoints) else None
        if theirs != mine:
            raise ReplayMismatch(f"{save.name}: the replay differs from the save at turn {mine['turn']}: "
                                 + _difference(theirs, mine), mine["turn"])
    if len(checkpoints) > len(replayed["checkpoints"]):
        turn = len(replayed["checkpoints"]) + 1
        raise ReplayMismatch(f"{save.name}: the save records turn {turn}, which the replay never resolves", turn)
    for key in ("state", "turn", "phase", "rung", "outcome", "scores"):
        if saved.get(key) != replayed[key]:
            raise ReplayMismatch(f"{save.name}: the replay differs from the save at turn {game.turn}: "
                                 + _difference(saved.get(key), replayed[key], key), game.turn)


def _difference(saved: object, replayed: object, path: str = "") -> str:
    """The first differing field, as 'path: saved X, replayed Y'."""
    if isinstance(saved, dict) and isinstance(replayed, dict):
        for key in list(replayed) + [k for k in saved if k not in replayed]:
            if saved.get(key) != replayed.get(key):
                return _difference(saved.get(key), replayed.get(key), f"{path}.{key}" if path else str(key))
    label = path or "checkpoint"
    return f"{label} is {_short(saved)} in the save, {_short(replayed)} on replay"


def _short(value: object) -> str:
    text = "missing" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
