"""Properties of any game: ranges hold, hidden things stay hidden, games end, replays agree."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame.engine import Game, Message, Order
from wargame.engine.decisions import decision_from_dict, to_dict
from wargame.engine.views import actor_view
from wargame.errors import IllegalDecision
from wargame.scenario.model import STATS

KINDS = ("statement", "proposal", "assurance", "threat", "ultimatum", "accept", "reject")


def random_message(game: Game, data) -> Message:
    """Any message, legal or not: the engine must refuse the illegal ones cleanly."""
    actors = game.actor_ids
    sender = data.draw(st.sampled_from(actors))
    recipient = data.draw(st.sampled_from(actors))
    kind = data.draw(st.sampled_from(KINDS))
    terms = [t.id for t in game.scenario.spec.terms] or ["none"]
    moves = list(game.scenario.moves)
    return Message(
        sender,
        recipient,
        kind,
        "text",
        offer=tuple(data.draw(st.lists(st.sampled_from(terms), max_size=2))),
        ask=tuple(data.draw(st.lists(st.sampled_from(terms), max_size=2))),
        reply_to=data.draw(st.one_of(st.none(), st.integers(0, max(0, len(game.envelopes))))),
        move=data.draw(st.sampled_from(moves)),
        trigger_move=data.draw(st.sampled_from(moves)),
        deadline=data.draw(st.integers(0, game.scenario.spec.turns + 1)),
    )


def play_randomly(game: Game, data) -> None:
    for _ in range(game.scenario.spec.turns * 4 + 4):
        if game.is_over():
            return
        if game.turn_phase == "hotline":
            for _ in range(data.draw(st.integers(0, 3))):
                try:
                    game.apply(random_message(game, data))
                except IllegalDecision:
                    pass
        if game.turn_phase == "orders":
            for actor in game.actor_ids:
                options = [o for o in actor_view(game, actor).options if o.available]
                option = data.draw(st.sampled_from(options))
                target = data.draw(st.sampled_from(option.targets)) if option.move.targeted else None
                game.apply(Order(actor, option.move.id, target))
        game.proceed()
        check_invariants(game)


def check_invariants(game: Game) -> None:
    assert 0 <= game.rung <= game.top_rung
    assert 1 <= game.turn <= game.scenario.spec.turns
    for state in game.actors.values():
        assert set(state.stats) == set(STATS)
        assert all(0 <= value <= 100 for value in state.stats.values())
        assert all(0 <= value <= 100 for value in state.trust.values())
        assert 0 <= state.perceived_rung <= game.top_rung
    for actor in game.actor_ids:
        check_view_hides(game, actor)


def check_view_hides(game: Game, actor: str) -> None:
    view = actor_view(game, actor)
    assert all(line.declared and line.owner != actor for line in view.their_red_lines)
    assert all(line.owner == actor for line in view.my_red_lines)
    assert all(e.message.recipient == actor for e in view.inbox)
    assert all(e.message.sender == actor for e in view.outbox)
    truth = {(r.turn, p.actor): p for r in game.history for p in r.perceptions if p.observer == actor}
    for turn, readings in view.perceived_history:
        for reading in readings:
            assert not hasattr(reading, "actual") and not hasattr(reading, "move")
            if truth[(turn, reading.actor)].seen is None:
                assert reading.seen is None and reading.target is None
    assert all(e.visible_to(actor) for e in view.news)
    secret = {line.id for line in game.red_lines if not line.declared and line.owner != actor}
    assert not secret & {line.id for line in view.their_red_lines}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_any_legal_sequence_keeps_ranges_hides_secrets_and_ends(rules_scenario, seed, data):
    game = Game(rules_scenario, seed)
    play_randomly(game, data)
    assert game.is_over(), "every game ends within the turn limit"
    assert game.turn <= rules_scenario.spec.turns


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_replaying_the_decision_log_gives_the_same_game(cuban, seed, data):
    game = Game(cuban, seed)
    play_randomly(game, data)
    replay = Game(cuban, seed)
    for decision in game.decisions:
        replay.apply(decision_from_dict(to_dict(decision)))
    assert replay.outcome == game.outcome
    assert [r.__dict__ for r in replay.history] == [r.__dict__ for r in game.history]
    assert {a: s.__dict__ for a, s in replay.actors.items()} == {a: s.__dict__ for a, s in game.actors.items()}


def test_engine_packages_never_import_the_ui():
    code = (
        "import sys, wargame.engine, wargame.scenario.loader, wargame.ai.autoplay, wargame.ai.doctrines;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_phase_machines_are_built_once_and_quietly(rules_scenario, caplog):
    from wargame.engine.phases import crisis_machine, turn_machine

    caplog.set_level("WARNING", logger="transitions")
    bands = tuple(b.id for b in rules_scenario.ladder.bands)
    assert crisis_machine(bands) is crisis_machine(bands)
    assert turn_machine() is turn_machine()
    Game(rules_scenario, 1).proceed()
    assert not [r for r in caplog.records if r.name.startswith("transitions")]
    assert not crisis_machine(bands).models, "games are driven, not registered, so none leak"


def test_decisions_from_untrusted_dicts_are_checked_field_by_field():
    import pytest

    from wargame.engine.decisions import Override, decision_from_dict

    assert decision_from_dict({"type": "override", "actor": None, "stat": "rung", "value": 3}) == Override(None, "rung", 3)
    for bad in (
        {"type": "override", "actor": None, "stat": "rung", "value": "x"},
        {"type": "override", "actor": None, "stat": "rung", "value": True},
        {"type": "message", "sender": "a", "recipient": "b", "kind": "accept", "reply_to": "0"},
        {"type": "message", "sender": "a", "recipient": "b", "kind": "proposal", "offer": [1]},
        {"type": "order", "actor": "a"},
        {"type": "order", "actor": "a", "move": "x", "extra": 1},
        ["order"],
    ):
        with pytest.raises(IllegalDecision):
            decision_from_dict(bad)


def test_every_decision_kind_survives_the_dict_round_trip():
    from wargame.engine import Inject, Override, Proceed
    from wargame.engine.decisions import decision_from_dict

    decisions = [
        Order("a", "show_of_force", "b"), Order("a", "hold_position"), Proceed("orders"), Inject("leak"),
        Override(None, "rung", 4), Override("a", "resolve", 30),
        Message("a", "b", "proposal", "x", offer=("t1",), ask=("t2", "t3")),
        Message("a", "b", "ultimatum", ask=("t2",), move="m", deadline=4),
        Message("b", "a", "accept", reply_to=0), Message("a", "b", "threat", trigger_move="m", move="n"),
    ]
    for decision in decisions:
        assert decision_from_dict(to_dict(decision)) == decision
