"""The tables that make listing options cheap give the answers the rules give move by move, and never go stale."""

from __future__ import annotations

import random

import pytest

from tests.support import to_orders
from wargame.engine import Game, legality
from wargame.scenario.conditions import (
    CHANNEL_STATES,
    Namespace,
    by_channel,
    parse_condition,
    reads_only_pair,
)

NS = Namespace(actors=frozenset({"usa", "ussr"}), stats=frozenset({"readiness"}),
               actor_aliases=frozenset({"self", "target"}))


@pytest.mark.parametrize(
    ("text", "true_in"),
    [
        ("channel(self, target) != 'severed'", {"open", "strained", "hotline"}),
        ("channel(target, self) == 'open'", {"open"}),
        ("channel(self, target) == 'severed' or channel(self, target) == 'strained'", {"severed", "strained"}),
        ("not (channel(self, target) == 'hotline') and true", {"open", "strained", "severed"}),
    ],
)
def test_a_condition_on_the_channel_alone_is_a_table_of_channel_states(text, true_in):
    table = by_channel(parse_condition(text, NS), "self", "target")
    assert table == {state: state in true_in for state in CHANNEL_STATES}


@pytest.mark.parametrize(
    "text",
    [
        "self.trust.target >= 40 and channel(self, target) != 'severed'",  # trust too
        "channel(self, usa) != 'severed'",  # another pair
        "channel(self, self) == 'open'",  # not the pair
        "rung >= 3 or channel(self, target) == 'open'",  # the ladder too
        "self.readiness >= 40",
    ],
)
def test_a_condition_reading_anything_else_is_no_table(text):
    assert by_channel(parse_condition(text, NS), "self", "target") is None


@pytest.mark.parametrize(
    ("text", "on_pair"),
    [
        ("self.trust.target >= 40 and channel(self, target) != 'severed'", True),
        ("target.trust.self + self.trust.target > 90", True),
        ("channel(target, self) == 'open'", True),
        ("self.trust.usa >= 40", False),
        ("self.trust.target >= self.readiness", False),
        ("rung >= 3 or self.trust.target >= 40", False),
    ],
)
def test_a_condition_on_the_pair_alone_is_recognised(text, on_pair):
    assert reads_only_pair(parse_condition(text, NS), "self", "target") is on_pair


def move_by_move(game: Game, actor: str) -> list[legality.MoveOption]:
    """The listing spelled out from the public one-move helpers, which share none of the listing's tables."""
    listing = []
    for move in game.scenario.moves_for(actor):
        option = legality.option_for(game, actor, move)
        reason = legality.static_reason(game, actor, move)
        targets: tuple[str, ...] = ()
        if not reason and move.targeted:
            refusals = [legality.target_reason(game, actor, move, other) for other in game.others(actor)]
            targets = tuple(other for other, why in zip(game.others(actor), refusals) if not why)
            reason = "" if targets else next((why for why in refusals if why), "no possible target")
        elif not reason:
            reason = option.reason  # an untargeted move's prerequisite
        listing.append(legality.MoveOption(move, targets, reason, option.breaks, option.crosses))
    return listing


def test_listings_follow_every_change_of_state_and_agree_with_the_rules_move_by_move(rules_scenario, cuban, scramble):
    rng = random.Random(7)
    games = [Game(rules_scenario, 1), Game(rules_scenario, 2), Game(cuban, 1)]
    for game in games:
        to_orders(game)
    for _ in range(40):  # the games share their scenario's tables: interleave them
        game = rng.choice(games)
        scramble(game, rng)
        for actor in game.actor_ids:
            listing = legality.options(game, actor)
            assert listing == move_by_move(game, actor)
            forget_tables()
            assert listing == legality.options(game, actor)  # worked out afresh, with empty tables


def forget_tables() -> None:
    legality._rules.cache_clear()
    legality._rule_index.cache_clear()


def test_a_severed_channel_and_its_repair_show_at_once(rules_scenario):
    game = Game(rules_scenario, 0)
    to_orders(game)

    def dialogue():
        return next(o for o in legality.options(game, "a") if o.move.id == "quiet_dialogue")

    assert dialogue().targets == ("b", "c")
    game.channels[("a", "b")] = "severed"
    assert dialogue().targets == ("c",)
    game.channels[("a", "b")] = "open"
    assert dialogue().targets == ("b", "c")


def test_an_option_offered_again_is_the_same_but_a_changed_one_is_new(rules_scenario):
    game = Game(rules_scenario, 0)
    to_orders(game)
    game.rung = 9

    def strike():
        return next(o for o in legality.options(game, "a") if o.move.id == "limited_strike")

    assert strike().available
    economy = game.actors["a"].stats["economy"]
    game.actors["a"].stats["economy"] = 0
    assert strike().reason.startswith("costs ") and strike().targets == ()
    game.actors["a"].stats["economy"] = economy
    assert strike().available and strike().targets == ("b", "c")
