"""Driving computer players through the turn phases.

The UI and the headless commands both use this: it asks each computer
actor's doctrine for its decisions in the current phase and applies them
through ``Game.apply``, so they land in the decision log like a person's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from wargame.ai.doctrines import DOCTRINES
from wargame.ai.scripted import SCRIPTED
from wargame.engine.decisions import Decision
from wargame.engine.game import Game
from wargame.engine.phases import TurnPhase
from wargame.engine.views import actor_view
from wargame.errors import IllegalDecision


def computer_decisions(game: Game, actor: str, doctrine_name: str | None = None) -> list[Decision]:
    """What ``actor``'s doctrine decides in the current phase (nothing outside hotline and orders)."""
    name = doctrine_name or game.scenario.actor(actor).doctrine
    policy = DOCTRINES[name] if name in DOCTRINES else SCRIPTED[name]  # ``wargame.ai.doctrine``, without its imports
    view = actor_view(game, actor)
    rng = game.ai_rng(actor)
    if game.turn_phase == TurnPhase.HOTLINE:
        return list(policy.choose_messages(view, rng))
    if game.turn_phase == TurnPhase.ORDERS and actor not in game.orders:
        return [policy.choose_order(view, rng)]
    return []


def play_computers(game: Game, actors: Iterable[str], doctrines: dict[str, str] | None = None) -> list[Decision]:
    """Apply the decisions of the given computer actors for this phase; return what was applied."""
    applied = []
    for actor in actors:
        for decision in computer_decisions(game, actor, (doctrines or {}).get(actor)):
            try:
                game.apply(decision)
            except IllegalDecision:
                continue  # a doctrine proposing something the rules refuse just loses that message
            applied.append(decision)
    return applied


def play_to_end(
    game: Game,
    doctrines: dict[str, str] | None = None,
    on_turn: Callable[[Game], None] | None = None,
) -> Game:
    """Play every actor by computer until the game is over."""
    actors = game.actor_ids
    while not game.is_over():
        if game.turn_phase in (TurnPhase.HOTLINE, TurnPhase.ORDERS):
            play_computers(game, actors, doctrines)
        game.proceed()
        if game.turn_phase == TurnPhase.AFTERMATH and on_turn:
            on_turn(game)
    return game
