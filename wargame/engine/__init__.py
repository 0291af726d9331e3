"""The crisis engine: rules, state and views, with no UI and no I/O."""

from wargame.engine.decisions import (
    Decision,
    End,
    Inject,
    Message,
    News,
    Order,
    Override,
    Proceed,
    Seat,
    ThirdParty,
    Timeout,
)
from wargame.engine.game import Game
from wargame.engine.legality import MoveOption
from wargame.engine.records import Outcome, TurnRecord
from wargame.engine.views import ActorView, FacilitatorView, actor_view, facilitator_view

__all__ = [
    "ActorView", "Decision", "End", "FacilitatorView", "Game", "Inject", "Message", "MoveOption", "News", "Order",
    "Outcome", "Override", "Proceed", "Seat", "ThirdParty", "Timeout", "TurnRecord", "actor_view",
    "facilitator_view",
]
