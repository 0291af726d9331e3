"""Views are values: snapshots of plain frozen data that do not move with the game, and that go to JSON and back."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from types import MappingProxyType

import pytest

from tests.support import play_computer_turn, play_turn, to_orders
from wargame.engine import Game, indicators, legality
from wargame.engine.views import ActorView, FacilitatorView, actor_view, facilitator_view
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import Move

PLAIN = (str, int, float, bool, type(None), Move, LoadedScenario)  # Move and the scenario: immutable (frozen)


def parts(value: object, path: str = "view") -> Iterator[tuple[str, object]]:
    """Every value a view is made of, with where it sits (the scenario is not entered: it is immutable)."""
    yield path, value
    if isinstance(value, PLAIN):
        return
    if dataclasses.is_dataclass(value):
        children = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
    elif isinstance(value, tuple) and hasattr(value, "_fields"):
        children = list(zip(value._fields, value))
    elif isinstance(value, (tuple, frozenset)):
        children = [(str(i), item) for i, item in enumerate(value)]
    elif isinstance(value, MappingProxyType):
        children = [(str(key), item) for key, item in value.items()]
    else:
        return
    for name, child in children:
        yield from parts(child, f"{path}.{name}")


def views_of(game: Game) -> dict[str, ActorView]:
    return {actor: actor_view(game, actor) for actor in game.actor_ids}


def test_a_view_is_made_of_frozen_plain_data_only(cuban):
    game = Game(cuban, 4)
    for _ in range(3):
        play_computer_turn(game)
    for view in [*views_of(game).values(), facilitator_view(game)]:
        for path, value in parts(view):
            frozen = isinstance(value, (*PLAIN, tuple, frozenset, MappingProxyType))
            frozen = frozen or (dataclasses.is_dataclass(value) and type(value).__dataclass_params__.frozen)
            assert frozen, f"{path} is a {type(value).__name__}"
            assert not isinstance(value, Game), path


def test_a_view_taken_on_turn_3_reads_the_same_after_the_game_moved_on(cuban):
    game = Game(cuban, 4)
    for _ in range(2):
        play_computer_turn(game)
    to_orders(game)
    assert game.turn == 3
    views, white_cell = views_of(game), facilitator_view(game)
    before = {actor: json.dumps(view.to_dict()) for actor, view in views.items()}
    white_cell_before = json.dumps(white_cell.to_dict())
    for _ in range(3):
        play_computer_turn(game)
    assert game.turn == 6 and not game.is_over()
    for actor, view in views.items():
        assert json.dumps(view.to_dict()) == before[actor]
        assert view != actor_view(game, actor)
    assert json.dumps(white_cell.to_dict()) == white_cell_before


def test_changing_the_games_records_changes_no_view_taken_before(rules_scenario):
    game = Game(rules_scenario, 2)
    play_turn(game, b=("deploy_forces", "a"))
    view, white_cell = actor_view(game, "a"), facilitator_view(game)
    line = next(line for line in game.red_lines if line.id == "a_no_deploy")
    assert [alert.id for alert in view.alerts()] == ["a_no_deploy"]
    line.status = "honoured"
    game.actors["a"].stats["support"] += 5
    assert [alert.id for alert in view.alerts()] == ["a_no_deploy"]
    assert next(r for r in white_cell.red_lines if r.id == "a_no_deploy").status == "crossed"
    assert view.stats["support"] == game.actors["a"].stats["support"] - 5
    assert actor_view(game, "a").alerts() == []


def test_views_cannot_be_changed(cuban):
    game = Game(cuban, 1)
    play_computer_turn(game)
    view = actor_view(game, "usa")
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.turn = 9  # type: ignore[misc]
    with pytest.raises(TypeError):
        view.stats["support"] = 0  # type: ignore[index]
    with pytest.raises(AttributeError):
        view.my_red_lines[0].status = "honoured"  # type: ignore[misc]


def test_views_of_one_moment_are_equal(cuban):
    game = Game(cuban, 1)
    play_computer_turn(game)
    assert actor_view(game, "ussr") == actor_view(game, "ussr")
    assert facilitator_view(game) == facilitator_view(game)


def test_a_views_options_are_the_rules_answer_of_its_moment(cuban):
    game = Game(cuban, 3)
    to_orders(game)
    view = actor_view(game, "usa")
    assert view.options == tuple(legality.options(game, "usa"))
    assert view.option("naval_blockade") is next(o for o in view.options if o.move.id == "naval_blockade")
    assert view.option("no_such_move") is None


def test_a_finished_game_offers_no_options(cuban):
    game = Game(cuban, 2)
    while not game.is_over():
        play_computer_turn(game)
    assert all(actor_view(game, actor).options == () for actor in game.actor_ids)
    assert actor_view(game, "usa").over


def test_indicators_are_those_of_the_moment_the_view_was_taken(cuban):
    game = Game(cuban, 7)
    for _ in range(3):
        play_computer_turn(game)
    early = actor_view(game, "usa")
    at_once = early.indicators
    for _ in range(2):
        play_computer_turn(game)
    assert early.indicators == at_once
    assert set(at_once) == set(indicators.INDICATORS)


def test_a_view_holds_only_what_its_actor_may_see(cuban):
    game = Game(cuban, 5)
    for _ in range(3):
        play_computer_turn(game)
    for actor in game.actor_ids:
        view = actor_view(game, actor)
        assert all(e.visible_to(actor) for e in view.news)
        assert all(e.message.recipient == actor and e.delivered for e in view.inbox)
        assert all(e.message.sender == actor for e in view.outbox)
        assert all(line.owner == actor for line in view.my_red_lines)
        assert all(line.owner != actor and line.declared for line in view.their_red_lines)
        assert [turn for turn, _ in view.perceived_history] == [r.turn for r in game.history]
        assert all(p.actor != actor for _, readings in view.perceived_history for p in readings)
        assert view.trust_in == {o.id: game.actors[actor].trust[o.id] for o in view.others}


def test_the_facilitator_view_holds_everything(cuban):
    game = Game(cuban, 5)
    for _ in range(3):
        play_computer_turn(game)
    white_cell = facilitator_view(game)
    assert white_cell.rung == game.rung and white_cell.turn_label == game.turn_label()
    assert {a.id: dict(a.stats) for a in white_cell.actors} == {a: s.stats for a, s in game.actors.items()}
    assert {a.id: a.perceived_rung for a in white_cell.actors} == {a: s.perceived_rung for a, s in game.actors.items()}
    assert [r.id for r in white_cell.red_lines] == [r.id for r in game.red_lines]
    assert [e.id for e in white_cell.envelopes] == [e.id for e in game.envelopes]
    assert white_cell.events == tuple(game.events)
    assert [t.perceptions for t in white_cell.history] == [tuple(r.perceptions) for r in game.history]
    assert white_cell.indicators == game.history[-1].indicators
    assert all(white_cell.label(e.turn) == game.turn_label(e.turn) for e in game.events)
    for a in game.actor_ids:
        for b in game.actor_ids:
            assert white_cell.channel(a, b) == game.channel(a, b) or a == b


def moments(scenario: LoadedScenario, seed: int, turns: int = 4) -> Iterator[Game]:
    """A game at the hotline and the orders phase of its first turns, and at its end."""
    game = Game(scenario, seed)
    for _ in range(turns):
        for phase in ("hotline", "orders"):
            while game.turn_phase != phase and not game.is_over():
                game.proceed()
            if game.is_over():
                break
            yield game
        play_computer_turn(game)
    while not game.is_over():
        play_computer_turn(game)
    yield game


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_view_of_every_shipped_scenario_goes_to_json_and_back(shipped_scenarios, seed):
    for scenario in shipped_scenarios:
        for game in moments(scenario, seed):
            for view in [*views_of(game).values(), facilitator_view(game)]:
                data = json.loads(json.dumps(view.to_dict()))
                assert type(view).from_dict(data, scenario) == view


def test_reading_a_view_back_checks_what_it_reads(cuban, tutorial):
    game = Game(cuban, 1)
    play_computer_turn(game)
    data = actor_view(game, "usa").to_dict()
    assert data["kind"] == "actor" and data["scenario"] == {"id": cuban.id, "digest": cuban.digest}
    with pytest.raises(ValueError, match="another scenario"):
        ActorView.from_dict(data, tutorial)
    with pytest.raises(ValueError, match="not a facilitator view"):
        FacilitatorView.from_dict(data, cuban)
    with pytest.raises(ValueError, match="unknown key 'secret'"):
        ActorView.from_dict({**data, "secret": 1}, cuban)
    with pytest.raises(ValueError, match="missing key 'stats'"):
        ActorView.from_dict({k: v for k, v in data.items() if k != "stats"}, cuban)
    with pytest.raises(ValueError, match="turn: expected a whole number"):
        ActorView.from_dict({**data, "turn": "3"}, cuban)
    with pytest.raises(ValueError, match="no move 'fly_to_the_moon'"):
        ActorView.from_dict({**data, "options": [{**data["options"][0], "move": "fly_to_the_moon"}]}, cuban)


def test_docs_name_every_field_of_the_json_form():
    """docs/views.md documents the wire format: every key a view's JSON form holds is named there."""
    from tests.support import ROOT
    from wargame.engine.views import view_schema

    text = (ROOT / "docs" / "views.md").read_text(encoding="utf-8")
    keys = {key for record in view_schema()["$defs"].values() for key in record.get("properties", {})}
    assert sorted(key for key in keys if f"`{key}`" not in text) == []
