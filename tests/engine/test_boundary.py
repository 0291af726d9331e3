"""What a side may know: an actor's view holds its own secrets, its readings and its news, nothing more.

The true rung, the others' real moves, their secret red lines, news not
addressed to it and the original of a garbled message belong to the white
cell (the facilitator's view) until the game is over.
"""

from __future__ import annotations

import json

import pytest

from tests.support import play_computer_turn, random_game
from wargame.engine import Game, Message, actor_view, facilitator_view
from wargame.engine.decisions import Inject
from wargame.scenario.loader import load_scenario_text

PRIVATE_NEWS = """
format: 1
id: private_news
title: Private news
summary: Two neighbours and a watcher.
turns: 4
actors:
  - {id: east, name: Eastland, player: human}
  - {id: west, name: Westland}
  - {id: north, name: Northland}
triggers:
  - id: spy_report
    when: turn == 1
    audience: [east]
    news: Our agents count the tanks by the river.
    message: {from: west, to: east, text: A note only the two of us read.}
  - id: open_letter
    when: turn == 1
    news: The weather turns.
    message: {from: north, to: west, text: An open letter to Westland., audience: everyone}
injects:
  - id: leak
    title: A leak
    audience: [west, north]
    news: A memo leaks in two capitals.
"""


def secrets_of_others(game: Game, actor: str) -> list[str]:
    """Text only other sides may know: their private briefings, their secret red lines, news not addressed to me."""
    spec = game.scenario.spec
    texts = [a.briefing.private.strip() for a in spec.actors if a.id != actor and a.briefing.private.strip()]
    texts += [line.description for a in spec.actors if a.id != actor for line in a.red_lines if not line.declared]
    mine = {e.text for e in game.events if e.visible_to(actor)}  # the same words may reach several sides apart
    texts += [e.text for e in game.events if not e.visible_to(actor) and e.text not in mine]
    return texts


def test_an_actor_view_holds_no_true_rung(cuban):
    game = Game(cuban, 3)
    for _ in range(4):
        play_computer_turn(game)
    for actor in game.actor_ids:
        view = actor_view(game, actor)
        data = view.to_dict()
        assert "rung" not in data and "fired" not in data and not hasattr(view, "rung")
        assert data["perceived_rung"] == round(game.actors[actor].perceived_rung)
        assert view.news[0] == game.events[0]  # where the crisis starts: public, every side has the scenario
        for event in view.news[1:]:
            assert "stands at rung" not in event.text and "to rung" not in event.text, event.text
    white = facilitator_view(game)
    assert white.rung == game.rung and any("stands at rung" in e.text for e in white.events)


def test_the_others_moves_reach_a_side_only_as_it_read_them(cuban):
    """A reading names what was seen (maybe a wrong move, maybe nothing); the move played is not in the view."""
    game = Game(cuban, 5)
    for _ in range(5):
        play_computer_turn(game)
    for actor in game.actor_ids:
        history = actor_view(game, actor).to_dict()["perceived_history"]
        for (turn, readings), record in zip([(h["turn"], h["readings"]) for h in history], game.history):
            assert turn == record.turn
            for reading in readings:
                assert set(reading) == {"actor", "seen", "target", "perceived", "noise", "causes"}
                seen = next(p for p in record.perceptions if p.observer == actor and p.actor == reading["actor"])
                assert reading["seen"] == seen.seen  # what was seen, never the move behind it
                if seen.seen is None:  # an unseen move: not even its secrecy is told
                    assert reading["noise"] == 0 and reading["causes"] == []


def test_news_and_scripted_messages_reach_only_their_audience():
    scenario = load_scenario_text(PRIVATE_NEWS)
    game = Game(scenario, 1)
    play_computer_turn(game)
    news = {actor: [e.text for e in actor_view(game, actor).news] for actor in game.actor_ids}
    assert "Our agents count the tanks by the river." in news["east"]
    assert not any("tanks" in text for text in news["west"] + news["north"])
    assert any("A note only the two of us read." in text for text in news["east"] + news["west"])
    assert not any("A note only" in text for text in news["north"])
    assert all(any("An open letter" in text for text in texts) for texts in news.values())
    assert "The weather turns." in news["north"]
    white = [e.text for e in facilitator_view(game).events]
    assert "Our agents count the tanks by the river." in white and any("A note only" in t for t in white)


def test_an_inject_reaches_only_its_audience():
    game = Game(load_scenario_text(PRIVATE_NEWS), 1)
    game.apply(Inject("leak"))
    readers = {actor for actor in game.actor_ids if "A memo leaks in two capitals." in [e.text for e in actor_view(game, actor).news]}
    assert readers == {"west", "north"}


def test_a_garbled_message_reaches_its_recipient_only_garbled(rules_scenario):
    text = "We will not blockade the northern ports this winter."
    for seed in range(200):
        game = Game(rules_scenario, seed)
        game.channels[("a", "b")] = "strained"
        while game.turn_phase != "hotline":
            game.proceed()
        game.send(Message("a", "b", "statement", text))
        envelope = game.envelopes[-1]
        if envelope.garbled and envelope.delivered:
            break
    else:  # pragma: no cover - a strained line garbles some messages in 200 tries
        pytest.fail("no garbled message")
    inbox = actor_view(game, "b").inbox
    assert [e.message.text for e in inbox] == [envelope.received().text] and inbox[0].received() == inbox[0].message
    assert text not in json.dumps(actor_view(game, "b").to_dict())
    assert text in json.dumps(actor_view(game, "a").to_dict())  # the sender keeps what it wrote
    assert text in json.dumps(facilitator_view(game).to_dict())


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_no_view_holds_another_sides_secrets(shipped_scenarios, seed):
    """A property over whole games of every shipped scenario (doctrines, random moves, messages, injects)."""
    for scenario in shipped_scenarios:
        game = random_game(scenario, seed)
        for actor in game.actor_ids:
            view = actor_view(game, actor)
            text = json.dumps(view.to_dict())
            for secret in secrets_of_others(game, actor):
                assert json.dumps(secret)[1:-1] not in text, (scenario.id, actor, secret)
            assert all(not e.audience or actor in e.audience for e in view.news)
