"""Views are snapshots: what a view holds does not move with the game, however it was worked out."""

from __future__ import annotations

import dataclasses

from tests.support import play_computer_turn
from wargame.engine import Game, indicators
from wargame.engine.views import ActorView, actor_view


def eager_fields(view: ActorView) -> dict:
    """Every field of a view, read now (``indicators`` included, which is worked out on first read)."""
    return {f.name: getattr(view, f.name) for f in dataclasses.fields(view) if f.name != "_game"}


LIVE_RECORDS = ("inbox", "outbox", "agreements", "my_red_lines", "their_red_lines")


def frozen_copy(view: ActorView) -> str:
    """The view's contents as text; for envelopes, agreements and red lines (live records whose status
    moves on by design), which ones it holds."""
    fields = eager_fields(view)
    for name in LIVE_RECORDS:
        fields[name] = [id(record) for record in fields[name]]
    return repr(fields)


def test_a_view_taken_earlier_keeps_what_it_held_when_the_game_moves_on(cuban):
    game = Game(cuban, 4)
    play_computer_turn(game)
    play_computer_turn(game)
    views = {actor: actor_view(game, actor) for actor in game.actor_ids}
    before = {actor: frozen_copy(view) for actor, view in views.items()}
    play_computer_turn(game)
    play_computer_turn(game)
    assert not game.is_over()
    for actor, view in views.items():
        assert frozen_copy(view) == before[actor]


def test_indicators_read_late_are_those_of_the_moment_the_view_was_taken(cuban):
    game = Game(cuban, 7)
    for _ in range(3):
        play_computer_turn(game)
    early = actor_view(game, "usa")
    at_once = actor_view(game, "usa").indicators
    for _ in range(2):
        play_computer_turn(game)
    assert early.indicators == at_once
    assert set(at_once) == set(indicators.INDICATORS)


def test_views_of_one_moment_are_equal_and_replace_keeps_every_field(cuban):
    game = Game(cuban, 1)
    play_computer_turn(game)
    first, second = actor_view(game, "ussr"), actor_view(game, "ussr")
    assert first == second
    changed = dataclasses.replace(first, perceived_history=())
    assert changed.perceived_history == ()
    assert {k: v for k, v in eager_fields(changed).items() if k != "perceived_history"} == {
        k: v for k, v in eager_fields(first).items() if k != "perceived_history"
    }


def test_others_follow_state_changed_outside_apply(cuban):
    """Views reuse the last tuple of others only while trust, intent, channels and stats are unchanged."""
    game = Game(cuban, 2)
    play_computer_turn(game)
    me = game.actors["usa"]
    other = game.others("usa")[0]
    before = actor_view(game, "usa")
    me.trust[other] = (me.trust[other] + 7) % 100
    game.actors[other].stats["credibility"] = (game.actors[other].stats["credibility"] + 3) % 100
    after = actor_view(game, "usa")
    seen = next(o for o in after.others if o.id == other)
    assert seen.my_trust == me.trust[other]
    assert seen.public_stats["credibility"] == game.actors[other].stats["credibility"]
    assert next(o for o in before.others if o.id == other).my_trust != seen.my_trust


def test_a_replaced_log_is_read_again_from_the_start(cuban):
    game = Game(cuban, 3)
    play_computer_turn(game)
    assert actor_view(game, "cuba").news
    game.events = [e for e in game.events if e.kind == "briefing"]
    assert actor_view(game, "cuba").news == tuple(e for e in game.events if e.visible_to("cuba"))


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


def test_each_view_keeps_its_own_fields_and_answers_computed_on_first_read(cuban):
    """Views are built from a dict of fields and keep lazily computed answers in it: never shared between views."""
    game = Game(cuban, 6)
    play_computer_turn(game)
    first, second = actor_view(game, "usa"), actor_view(game, "usa")
    assert vars(first) is not vars(second)
    assert first.trust_in == second.trust_in and first.trust_in is not second.trust_in
    assert first.trust_in is first.trust_in
    assert "trust_in" not in vars(actor_view(game, "usa"))
