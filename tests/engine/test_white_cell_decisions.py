"""The white cell's own decisions: news, third-party messages, seats, timeouts, ending, reasons on overrides.

Each is checked like any decision (a refusal changes nothing), reaches only
its audience's views, round-trips through the save's spelling, and replays.
"""

from __future__ import annotations

import json

import pytest

from tests.support import full_state, play_computer_turn, to_orders
from wargame.engine import End, Game, News, Override, Seat, ThirdParty, Timeout, actor_view, facilitator_view
from wargame.engine.decisions import decision_from_dict, to_dict
from wargame.errors import IllegalDecision

SECRET = "The white cell's private word for Kestria"


def texts(view) -> str:
    return json.dumps(view.to_dict())


def test_a_news_item_for_one_side_reaches_only_that_side(tutorial):
    game = Game(tutorial, 1)
    game.apply(News(SECRET, ("kestria",)))
    assert any(SECRET in e.text for e in actor_view(game, "kestria").news)
    assert SECRET not in texts(actor_view(game, "dornland"))  # nowhere in the other side's view, not just its news
    assert any(SECRET in e.text for e in facilitator_view(game).events)


def test_a_news_item_without_an_audience_reaches_every_side(tutorial):
    game = Game(tutorial, 1)
    game.apply(News("Markets wobble."))
    assert all(any("Markets wobble." in e.text for e in actor_view(game, a).news) for a in game.actor_ids)


def test_a_third_party_message_reaches_only_the_sides_it_names(tutorial):
    game = Game(tutorial, 1)
    game.apply(ThirdParty("The Secretary-General", SECRET, ("dornland",)))
    seen = [e.text for e in actor_view(game, "dornland").news if SECRET in e.text]
    assert seen and seen[0].startswith(f"The Secretary-General to {game.name('dornland')}:")
    assert SECRET not in texts(actor_view(game, "kestria"))


@pytest.mark.parametrize("decision, says", [
    (News("   "), "needs some text"),
    (News("x" * 601), "at most 600"),
    (News("hello", ("atlantis",)), "no side 'atlantis'"),
    (News("hello", ("kestria", "kestria")), "listed twice"),
    (ThirdParty("UN", "hello", ()), "at least one side"),
    (ThirdParty("", "hello", ("kestria",)), "name needs some text"),
    (Seat("kestria", "robot"), "computer or team"),
    (Seat("atlantis", "computer"), "no side"),
    (Timeout("orders", "computer", ("kestria",)), "briefing phase, not orders"),
    (Timeout("briefing", "panic"), "hold or computer"),
    (End("victory"), "not victory"),
    (End("capitulation"), "names the side"),
    (End("stalemate", "kestria"), "only a capitulation"),
    (Override("kestria", "resolve", 40, "x" * 601), "at most 600"),
])
def test_a_refused_white_cell_decision_changes_nothing(tutorial, decision, says):
    game = Game(tutorial, 1)
    before = full_state(game)
    with pytest.raises(IllegalDecision, match=says):
        game.apply(decision)
    assert full_state(game) == before


def test_an_override_reason_is_in_the_news_of_those_who_may_read_the_override(tutorial):
    game = Game(tutorial, 1)
    game.apply(Override("kestria", "resolve", 40, "the cabinet reshuffle"))
    assert any("Reason: the cabinet reshuffle" in e.text for e in actor_view(game, "kestria").news)
    assert "cabinet reshuffle" not in texts(actor_view(game, "dornland"))  # resolve is a private stat


def test_an_old_override_without_a_reason_still_reads_and_writes_the_same(tutorial):
    old = {"type": "override", "actor": "kestria", "stat": "resolve", "value": 40}
    assert decision_from_dict(old) == Override("kestria", "resolve", 40)
    assert to_dict(Override("kestria", "resolve", 40)) == old  # no empty reason written into saves


def test_a_seat_change_is_told_to_that_side_only(tutorial):
    game = Game(tutorial, 1)
    game.apply(Seat("kestria", "computer"))
    game.apply(Seat("kestria", "team"))
    mine = [e.text for e in actor_view(game, "kestria").news if e.kind == "seat"]
    name = game.name("kestria")
    assert mine == [f"The facilitator hands {name} to the computer.", f"The facilitator gives {name} back to its team."]
    assert not [e for e in actor_view(game, "dornland").news if e.kind == "seat"]


def test_a_timeout_tells_each_side_only_of_its_own_clock(tutorial):
    game = Game(tutorial, 1)
    to_orders(game)
    game.apply(Timeout("orders", "computer", ("kestria", "dornland")))
    for side in game.actor_ids:
        words = [e.text for e in actor_view(game, side).news if e.kind == "timeout"]
        assert len(words) == 1 and game.name(side) in words[0]
    game.apply(Timeout("orders", "hold", ("kestria",)))  # holding: only the white cell hears of it
    assert not any("waits for" in e.text for side in game.actor_ids for e in actor_view(game, side).news)
    assert any(f"waits for {game.name('kestria')}" in e.text for e in facilitator_view(game).events)


def test_the_facilitator_ends_the_game_with_an_outcome_and_scores(tutorial):
    game = Game(tutorial, 1)
    play_computer_turn(game)
    game.apply(End("capitulation", "dornland", "the class ran out of time"))
    assert game.is_over() and game.outcome.kind == "capitulation" and game.outcome.actor == "dornland"
    assert "the class ran out of time" in game.outcome.reason
    assert dict(game.outcome.scores)["dornland"] < dict(game.outcome.scores)["kestria"]
    with pytest.raises(IllegalDecision, match="over"):
        game.apply(News("too late"))


def test_every_white_cell_decision_round_trips_and_replays(tutorial):
    game = Game(tutorial, 4)
    decisions = [News("All quiet.", ()), ThirdParty("The Secretary-General", "Talk.", ("kestria", "dornland")),
                 Seat("dornland", "computer"), Override(None, "rung", 3, "a border incident")]
    for decision in decisions:
        game.apply(decision)
    to_orders(game)
    game.apply(Timeout("orders", "computer", ("dornland",)))
    game.apply(End("stalemate", None, "time"))
    spelled = [to_dict(d) for d in game.decisions]
    assert [decision_from_dict(json.loads(json.dumps(d))) for d in spelled] == game.decisions
    again = Game(tutorial, 4)
    for decision in game.decisions:
        again.apply(decision)
    assert full_state(again) == full_state(game)
