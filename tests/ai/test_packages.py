"""The package search, kept per ledger and other actor, picks what a plain search picks.

The reference below walks every package item by item; the remembered
search (which answers a question with refused packages from the one
without, unless its best was refused) must give the same package and value
for every situation of simulated games on every shipped scenario, with and
without refused packages.
"""

from __future__ import annotations

from itertools import combinations

from wargame.ai import packages
from wargame.ai.autoplay import play_computers
from wargame.ai.doctrines import DOCTRINES
from wargame.ai.ledger import ledger, pressure, reliability
from wargame.ai.scoring import war_risk
from wargame.ai.situation import read_situation
from wargame.engine import Game
from wargame.engine.outcomes import OUTCOME_POINTS
from wargame.engine.views import actor_view


def plain_search(sit, temper, book, other, refused):
    """Every package in order; the first of the best score that was not refused."""
    trusted = reliability(sit, temper, other)
    items, values = packages.package_items(book, other, trusted)
    best, best_score = None, None
    for size in range(1, min(packages.MAX_PACKAGE, len(items)) + 1):
        for combo in combinations(range(len(items)), size):
            my_value, their_value = temper.peace_wish * pressure(sit), 0.0
            for i in combo:
                my_value += values[i]
                their_value += items[i].worth
            offer = tuple(items[i].term for i in combo if items[i].mine)
            ask = tuple(items[i].term for i in combo if items[i].theirs)
            if book.settlement is None:
                settled = bool(offer) and bool(ask)
            else:
                terms = frozenset(items[i].term for i in combo if items[i].settling)
                settled = bool(terms) and book.settles(terms, True)
            if settled:
                my_value += OUTCOME_POINTS["settled"] + war_risk(sit.rung + 2, sit) * trusted
                their_value += OUTCOME_POINTS["settled"]
            if my_value < temper.accept_margin or their_value < 0:
                continue
            score = my_value + temper.fairness * min(my_value, their_value) - 0.3 * len(combo)
            if (best_score is None or score > best_score) and (offer, ask) not in refused:
                best, best_score = (offer, ask, my_value), score
    return best


def hotline_situations(scenario, games: int):
    for seed in range(games):
        game = Game(scenario, seed)
        while not game.is_over():
            if game.turn_phase == "hotline":
                for actor in game.actor_ids:
                    yield read_situation(actor_view(game, actor)), DOCTRINES[scenario.actor(actor).doctrine].temper
            if game.turn_phase in ("hotline", "orders"):
                play_computers(game, game.actor_ids)
            game.proceed()


def test_ranked_search_picks_what_a_plain_search_picks(shipped_scenarios):
    checked = 0
    for scenario in shipped_scenarios:
        for sit, temper in hotline_situations(scenario, 3):
            book = ledger(sit, temper)
            for other in sit.view.scenario.actor_ids:
                if other == sit.me:
                    continue
                best = packages.best_package(sit, temper, book, other, frozenset())
                assert best == plain_search(sit, temper, book, other, set())
                if best is not None:
                    for refused in (frozenset({best[:2]}), frozenset({((), ("no such term",))})):
                        assert packages.best_package(sit, temper, book, other, refused) == plain_search(
                            sit, temper, book, other, refused)
                    checked += 1
    assert checked > 50


def test_a_computer_never_agrees_to_more_required_moves_than_turns_to_play_them():
    """Amber River's survey, data-sharing and drought-relief terms each require a move within two turns:
    Ostra can carry out two of them in two turns, never three, so a package holding all three is worth
    nothing to it (once it was accepted and broken in most games)."""
    from tests.support import ROOT
    from wargame.ai.doctrines import DOCTRINES
    from wargame.ai.ledger import deal_value, keepable, ledger
    from wargame.ai.situation import read_situation
    from wargame.engine import Game
    from wargame.engine.views import actor_view
    from wargame.scenario.loader import load_scenario

    game = Game(load_scenario(ROOT / "scenarios" / "amber-river.yaml"), 1)
    sit = read_situation(actor_view(game, "ostra"))
    temper = DOCTRINES["calculator"].temper
    book = ledger(sit, temper)
    two, three = ("joint_commission", "data_sharing"), ("joint_commission", "data_sharing", "drought_relief")
    assert keepable(sit, book, two) and not keepable(sit, book, three)
    assert deal_value(sit, temper, book, "velm", (), three) == float("-inf")
    assert deal_value(sit, temper, book, "velm", (), two) > float("-inf")
