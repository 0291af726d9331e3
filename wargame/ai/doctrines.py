"""Placeholder doctrine registry (replaced by the real doctrines)."""

from __future__ import annotations

import random

from wargame.engine.decisions import Message, Order
from wargame.engine.views import ActorView


class RandomDoctrine:
    name = "random"
    summary = "Picks any available move."

    def choose_order(self, view: ActorView, rng: random.Random) -> Order:
        options = [o for o in view.options if o.available]
        option = rng.choice(options)
        target = rng.choice(option.targets) if option.move.targeted else None
        return Order(view.actor, option.move.id, target)

    def choose_messages(self, view: ActorView, rng: random.Random) -> list[Message]:
        return []


DOCTRINES = {name: RandomDoctrine() for name in ("hawk", "dove", "tit_for_tat", "calculator")}
