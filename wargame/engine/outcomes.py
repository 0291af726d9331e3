"""How a crisis ends, and what each actor scores.

Checked at the end of every turn in a fixed priority: war (the war band, or
two turns running at or above the ladder's ``fighting_at``: sustained
large-scale fighting is war), capitulation, settlement, defused, and
stalemate at the turn limit. Scores add the
objectives met, the value of agreed terms, the outcome and credibility.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.engine.env import GameEnv
from wargame.engine.phases import OUTCOMES, OutcomeKind, crisis_machine
from wargame.engine.records import Outcome

if TYPE_CHECKING:
    from wargame.engine.game import Game
    from wargame.scenario.conditions import Condition
    from wargame.scenario.model import Outcomes

OUTCOME_POINTS = {OutcomeKind.SETTLED: 5, OutcomeKind.DEFUSED: 3, OutcomeKind.STALEMATE: 0, OutcomeKind.WAR: -15}
CAPITULATION_POINTS = {"loser": -10, "others": 5}
TRIGGERS = {OutcomeKind.SETTLED: "settle", OutcomeKind.DEFUSED: "defuse", OutcomeKind.STALEMATE: "stall",
            OutcomeKind.CAPITULATION: "capitulate", OutcomeKind.WAR: "fight"}
FIGHTING_TURNS = 2  # turns running at or above the ladder's fighting_at that make sustained war


def check_end(game: Game, end_of_turn: bool = True) -> None:
    """End the game if it is over; mid-turn (after an inject) only war and capitulation can end it."""
    if game.is_over():
        return
    spec = game.scenario.spec
    ending: tuple[OutcomeKind, str | None, str] | None = None
    if game.crisis_phase == OutcomeKind.WAR:
        ending = (OutcomeKind.WAR, None, f"the crisis reached rung {game.rung}, {game.rung_names[game.rung]}")
    elif end_of_turn and _fighting_long_enough(game):
        rung = game.ladder.fighting_at
        ending = (OutcomeKind.WAR, None, f"the crisis stayed at or above rung {rung}, {game.rung_names[rung or 0]}, "
                                         f"for {game.fighting_turns} turns: sustained war")
    elif loser := _capitulating(game):
        ending = (OutcomeKind.CAPITULATION, loser, f"{game.name(loser)} could no longer hold its position")
    elif not end_of_turn:
        return
    elif _settled(game):
        ending = (OutcomeKind.SETTLED, None, "the parties reached an agreement that settles the crisis")
    elif _calm_long_enough(game):
        ending = (OutcomeKind.DEFUSED, None, f"the crisis stayed at or below rung {game.ladder.defused_at} for {game.calm_turns} turns")
    elif game.turn >= spec.turns:
        ending = (OutcomeKind.STALEMATE, None, f"the turn limit of {spec.turns} was reached with the crisis unresolved")
    if ending is None:
        return
    kind, actor, reason = ending
    if game.crisis_phase != OutcomeKind.WAR:
        crisis_machine(game.band_ids).fire(game, TRIGGERS[kind])
    scores, notes = score(game, kind, actor)
    game.outcome = Outcome(kind, game.turn, reason, actor, scores, notes)
    game.note("outcome", f"The crisis ends: {kind}. {reason[0].upper()}{reason[1:]}.")


def _fighting_long_enough(game: Game) -> bool:
    fighting_at = game.ladder.fighting_at
    game.fighting_turns = game.fighting_turns + 1 if fighting_at is not None and game.rung >= fighting_at else 0
    return game.fighting_turns >= FIGHTING_TURNS


def _calm_long_enough(game: Game) -> bool:
    game.calm_turns = game.calm_turns + 1 if game.rung <= game.ladder.defused_at else 0
    return game.calm_turns >= game.scenario.spec.outcomes.defused_after and game.turn >= 2


def possible(outcomes: Outcomes) -> tuple[str, ...]:
    """The outcomes a scenario's ``outcomes`` block names: all five, less capitulation where it is removed."""
    return tuple(kind for kind in OUTCOMES if kind != OutcomeKind.CAPITULATION or outcomes.capitulation_below is not None)


def _capitulating(game: Game) -> str | None:
    limit = game.scenario.spec.outcomes.capitulation_below
    if limit is None:
        return None  # the scenario removed the outcome: nobody gives in wholesale in this crisis
    for actor, state in game.actors.items():
        if actor in game.mediator_ids:
            continue  # a mediator can give up its mission, not capitulate
        if state.stats["resolve"] <= limit or state.stats["support"] <= limit:
            return actor
    return None


def _settled(game: Game) -> bool:
    condition = game.scenario.condition("settlement")
    if condition is not None:
        return condition.evaluate(GameEnv(game))
    return any(
        len({c.party for c in agreement.commitments}) >= 2 for agreement in game.agreements_in_force()
    )


def score(game: Game, kind: OutcomeKind, loser: str | None) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, str], ...]]:
    env = GameEnv(game)
    scores, notes = [], []
    for actor in game.scenario.spec.actors:
        parts = []
        met = [o for o in actor.objectives if _holds(game.scenario.condition("objective", actor.id, o.id), env)]
        parts.append(("objectives", sum(o.weight for o in met)))
        agreed = {t for a in game.agreements_in_force() for t in a.terms}
        parts.append(("terms", sum(t.value.get(actor.id, 0) for t in game.scenario.spec.terms if t.id in agreed)))
        if kind == OutcomeKind.CAPITULATION:
            parts.append(("outcome", CAPITULATION_POINTS["loser" if actor.id == loser else "others"]))
        else:
            parts.append(("outcome", OUTCOME_POINTS[kind]))
        parts.append(("credibility", (game.actors[actor.id].stats["credibility"] - 50) // 10))
        total = sum(value for _, value in parts)
        scores.append((actor.id, total))
        met_text = ", ".join(o.description for o in met) or "no objectives met"
        notes.append((actor.id, f"{met_text}; " + ", ".join(f"{name} {value:+d}" for name, value in parts)))
    return tuple(scores), tuple(notes)


def _holds(condition: Condition | None, env: GameEnv) -> bool:
    return condition is not None and condition.evaluate(env)

