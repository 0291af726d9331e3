"""The crisis engine: rules, state and views, with no UI and no I/O."""

from wargame.engine.decisions import Decision, Inject, Message, Order, Override, Proceed
from wargame.engine.game import Game
from wargame.engine.legality import MoveOption
from wargame.engine.records import Outcome, TurnRecord
from wargame.engine.views import ActorView, FacilitatorView, actor_view, facilitator_view

__all__ = [
    "ActorView", "Decision", "FacilitatorView", "Game", "Inject", "Message", "MoveOption", "Order",
    "Outcome", "Override", "Proceed", "TurnRecord", "actor_view",
    "facilitator_view",
]
