"""The phase clock's rules on a hand-turned time: nothing here waits."""

from __future__ import annotations

from tests.net.conftest import Hands
from wargame.net.clock import Clock


def test_a_phase_clock_starts_each_time_its_phase_opens_stops_while_paused_and_can_be_moved():
    hands = Hands()
    clock = Clock(now=hands)
    clock.follow(1, "hotline", paused=False)
    clock.set("orders", 300, None, "computer", paused=False)
    assert clock.left() is None  # set for orders, while the game talks
    clock.follow(1, "orders", paused=False)
    hands.time += 100
    assert clock.left() == 200 and not clock.due()
    clock.pause()
    hands.time += 1000
    assert clock.left() == 200 and not clock.due()  # a paused clock stands
    clock.resume()
    clock.set("orders", None, -150, None, paused=False)  # shortened
    hands.time += 50
    assert clock.due() and clock.wire()["policy"] == "computer"
    clock.expired = True
    assert not clock.due() and clock.wire()["expired"]
    clock.follow(2, "orders", paused=False)  # the next turn's orders: the full time again
    assert clock.left() == 300 and not clock.expired
    clock.set("orders", 0, None, None, paused=False)  # cleared
    assert clock.left() is None and clock.wire() is None
