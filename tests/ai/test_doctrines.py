"""Computer players: legal, deterministic, and visibly different.

Games here are driven strictly: every decision a doctrine makes is applied
with ``Game.apply`` and an ``IllegalDecision`` fails the test (the autoplay
driver would silently drop it).
"""

from __future__ import annotations

import dataclasses
import os
import random
import subprocess
import sys
from itertools import product
from pathlib import Path
from statistics import mean

import pytest

from wargame.ai import doctrine, doctrine_names
from wargame.ai.autoplay import computer_decisions, play_to_end
from wargame.ai.doctrines import DOCTRINES
from wargame.engine import Game, Message, Order, Override
from wargame.engine.decisions import to_dict
from wargame.engine.views import Reading, actor_view
from wargame.scenario.loader import load_scenario_text

NAMES = ("hawk", "dove", "tit_for_tat", "calculator")
PAIRINGS = list(product(NAMES, NAMES))


def play_strictly(game: Game, doctrines: dict[str, str]) -> list:
    """Play to the end, checking every order against the view it was chosen from."""
    applied = []
    while not game.is_over():
        if game.turn_phase in ("hotline", "orders"):
            for actor in game.actor_ids:
                view = actor_view(game, actor)
                for decision in computer_decisions(game, actor, doctrines.get(actor)):
                    if isinstance(decision, Order):
                        option = view.option(decision.move)
                        assert option is not None and option.available, (actor, decision, option and option.reason)
                        if option.move.targeted:
                            assert decision.target in option.targets, (actor, decision, option.targets)
                        else:
                            assert decision.target is None
                    else:
                        assert decision.sender == actor
                    game.apply(decision)  # raises IllegalDecision for anything the rules refuse
                    applied.append(decision)
        game.proceed()
    return applied


def pairing(scenario, first: str, second: str) -> dict[str, str]:
    a, b = scenario.actor_ids[:2]
    return {a: first, b: second}


def test_registry_has_the_four_doctrines():
    assert set(NAMES) <= set(doctrine_names())
    for name in NAMES:
        policy = doctrine(name)
        assert policy.name == name and policy.summary


@pytest.mark.parametrize("first,second", PAIRINGS)
def test_every_pairing_plays_only_legal_decisions_on_every_scenario(shipped_scenarios, first, second):
    for scenario in shipped_scenarios:
        for seed in range(2):
            game = Game(scenario, seed)
            play_strictly(game, pairing(scenario, first, second))
            assert game.is_over() and game.outcome.turn <= scenario.spec.turns


def test_many_seeds_on_the_cuban_crisis_stay_legal(cuban):
    for seed in range(40):
        names = random.Random(seed).sample(NAMES, 2)
        play_strictly(Game(cuban, 100 + seed), pairing(cuban, *names) | {"cuba": NAMES[seed % 4]})


def test_same_seed_same_decisions(cuban, tutorial):
    for scenario, (first, second) in ((cuban, ("calculator", "tit_for_tat")), (tutorial, ("hawk", "dove"))):
        logs = [
            [to_dict(d) for d in play_to_end(Game(scenario, 7), doctrines=pairing(scenario, first, second)).decisions]
            for _ in range(2)
        ]
        assert logs[0] == logs[1]


def test_different_seeds_give_different_games(cuban):
    logs = {
        tuple(map(str, play_to_end(Game(cuban, seed), doctrines=pairing(cuban, "tit_for_tat", "hawk")).decisions))
        for seed in range(6)
    }
    assert len(logs) > 1


# ---------------------------------------------------------------- doctrines differ


@pytest.fixture(scope="module")
def cuban_games(cuban):
    """50 seeds of the Cuban crisis with the United States played as a hawk and as a dove against a Soviet
    calculator, and with both superpowers played by the same doctrine."""
    games = {}
    for name in ("hawk", "dove"):
        games[("usa", name)] = [play_to_end(Game(cuban, s), doctrines={"usa": name, "ussr": "calculator"}) for s in range(50)]
        games[("both", name)] = [play_to_end(Game(cuban, s), doctrines={"usa": name, "ussr": name}) for s in range(50)]
    return games


def sent(games, actor: str, kinds: tuple[str, ...]) -> int:
    return sum(1 for g in games for e in g.envelopes if e.message.sender == actor and e.message.kind in kinds)


def test_hawks_climb_higher_than_doves(cuban_games):
    for side in ("usa", "both"):
        hawk = mean(g.peak for g in cuban_games[(side, "hawk")])
        dove = mean(g.peak for g in cuban_games[(side, "dove")])
        assert hawk > dove + 1, (side, hawk, dove)


def test_hawks_go_to_war_more_often_than_doves(cuban_games):
    wars = {name: sum(g.outcome.kind == "war" for g in cuban_games[("both", name)]) for name in ("hawk", "dove")}
    assert wars["hawk"] > wars["dove"]
    assert wars["dove"] == 0


def test_doves_reassure_and_propose_hawks_threaten(cuban_games):
    dove, hawk = cuban_games[("usa", "dove")], cuban_games[("usa", "hawk")]
    assert sent(dove, "usa", ("assurance",)) > sent(hawk, "usa", ("assurance",))
    assert sent(dove, "usa", ("proposal",)) / len(dove) > 0.5
    assert sent(hawk, "usa", ("threat", "ultimatum")) > sent(dove, "usa", ("threat", "ultimatum")) == 0


def test_doves_choose_different_moves_from_hawks(cuban_games):
    def escalation(games):
        moves = [g.scenario.moves[o.move].escalation for g in games for r in g.history for a, o in r.orders.items() if a == "usa"]
        return mean(moves)

    assert escalation(cuban_games[("usa", "hawk")]) > 1 > 0 > escalation(cuban_games[("usa", "dove")])


def test_doves_keep_their_agreements(cuban_games):
    games = cuban_games[("usa", "dove")] + cuban_games[("both", "dove")]
    made = sum(1 for g in games for a in g.agreements if "usa" in a.parties)
    assert made > 0
    assert not [a for g in games for a in g.agreements if a.broken_by == "usa"]


# ---------------------------------------------------------------- constructed cases

RIVALS = """
format: 1
id: rivals
title: Two rivals
summary: Two neighbours on a hotline, a red line and a few terms, for testing computer players.
turns: 8
actors:
  - id: red
    name: Red
    channels: {blue: hotline}
    trust: {blue: 30}
    red_lines:
      - id: no_troops
        description: No Blue troops at the border
        against: blue
        when: played(blue, deploy_forces)
        response: [show_of_force, deploy_forces]
        window: 2
  - id: blue
    name: Blue
    channels: {red: hotline}
    trust: {red: 60}
terms:
  - id: blue_pays
    text: Blue pays Red
    by: [blue]
    value: {red: 8, blue: -3}
  - id: red_pays
    text: Red pays Blue
    by: [red]
    value: {red: -8, blue: 6}
  - id: red_gift
    text: Red sends Blue a small gift
    by: [red]
    value: {red: -1, blue: 3}
"""


@pytest.fixture(scope="module")
def rivals():
    return load_scenario_text(RIVALS, "rivals.yaml")


def to_phase(game: Game, phase: str) -> None:
    game.proceed()
    while game.turn_phase != phase:
        game.proceed()


def red_view_after(rivals, perceived: float):
    """Red's view on turn 2, having read Blue's first move (quiet dialogue, escalation -1) as ``perceived``."""
    game = Game(rivals, 5)
    to_phase(game, "orders")
    game.order("red", "hold_position")
    game.order("blue", "hold_position")
    to_phase(game, "orders")
    view = actor_view(game, "red")
    reading = Reading("blue", "quiet_dialogue", "red", perceived)
    return game, dataclasses.replace(view, perceived_history=((1, (reading,)),))


def test_tit_for_tat_retaliates_against_a_perceived_escalation(rivals):
    """A cooperative move misread as a +2.5 blow is answered with escalation aimed at the one who seemed to strike."""
    game, view = red_view_after(rivals, perceived=2.5)
    order = DOCTRINES["tit_for_tat"].choose_order(view, random.Random(1))
    assert rivals.moves[order.move].escalation >= 2
    assert order.target in (None, "blue")
    game.apply(order)


def test_tit_for_tat_returns_cooperation(rivals):
    game, view = red_view_after(rivals, perceived=-1.5)
    order = DOCTRINES["tit_for_tat"].choose_order(view, random.Random(1))
    assert rivals.moves[order.move].escalation < 0
    game.apply(order)


def test_tit_for_tat_opens_cooperatively(rivals, tutorial):
    for scenario in (rivals, tutorial):
        game = Game(scenario, 3)
        to_phase(game, "orders")
        for actor in scenario.actor_ids:
            order = DOCTRINES["tit_for_tat"].choose_order(actor_view(game, actor), random.Random(0))
            assert scenario.moves[order.move].escalation < 0, (actor, order)


@pytest.mark.parametrize("name", NAMES)
def test_every_doctrine_answers_a_crossed_red_line(rivals, name):
    """Red's declared line (no Blue troops at the border) is crossed; Red answers it next turn, against Blue."""
    game = Game(rivals, 2)
    game.apply(Override(None, "rung", 5))
    to_phase(game, "orders")
    game.order("red", "hold_position")
    game.order("blue", "deploy_forces", "red")
    game.proceed()
    line = next(line for line in game.red_lines if line.id == "no_troops")
    assert line.status == "crossed"
    to_phase(game, "orders")
    view = actor_view(game, "red")
    assert view.alerts()
    order = DOCTRINES[name].choose_order(view, random.Random(4))
    assert order.move in line.response and order.target == "blue"
    game.apply(order)
    game.order("blue", "hold_position")
    game.proceed()
    assert line.status == "honoured"


def test_hawk_honours_the_red_lines_it_draws_by_threat(cuban):
    """Over many hawk games, a red line drawn by a threat or ultimatum is honoured far more often than ignored."""
    honoured = ignored = 0
    for seed in range(30):
        game = play_to_end(Game(cuban, seed), doctrines={"usa": "hawk", "ussr": "hawk"})
        for line in game.red_lines:
            if line.source in ("threat", "ultimatum"):
                honoured += line.status == "honoured"
                ignored += line.status == "ignored"
    assert honoured > 5 * max(1, ignored)


# ---------------------------------------------------------------- negotiation


def reply(rivals, name: str, offer=(), ask=()) -> tuple[Message, Game]:
    """Red's answer, by doctrine ``name``, to a proposal from Blue on turn 1 (the hotline never delays or garbles)."""
    game = Game(rivals, 1)
    game.proceed()
    game.send(Message("blue", "red", "proposal", "test", offer=offer, ask=ask))
    messages = DOCTRINES[name].choose_messages(actor_view(game, "red"), random.Random(3))
    replies = [m for m in messages if m.reply_to == 0]
    assert len(replies) == 1 and replies[0].recipient == "blue"
    for m in messages:
        game.apply(m)
    return replies[0], game


def test_calculator_accepts_a_clearly_favourable_proposal(rivals):
    answer, game = reply(rivals, "calculator", offer=("blue_pays",))
    assert answer.kind == "accept"
    assert game.envelopes[0].status == "accepted" and game.agreements


def test_calculator_rejects_a_clearly_bad_proposal(rivals):
    answer, game = reply(rivals, "calculator", ask=("red_pays", "red_gift"))
    assert answer.kind in ("reject", "counter")
    assert game.envelopes[0].status in ("rejected", "countered")
    if answer.kind == "counter":
        assert "red_pays" not in answer.offer


def test_dove_accepts_an_even_exchange_the_hawk_turns_down(rivals):
    """Blue pays Red and Red pays Blue: even on paper, a step back from the crisis for the dove, not enough for the hawk."""
    terms = {"offer": ("blue_pays",), "ask": ("red_pays",)}
    assert reply(rivals, "dove", **terms)[0].kind == "accept"
    assert reply(rivals, "hawk", **terms)[0].kind != "accept"


def test_hawk_threatens_and_dove_reassures(rivals):
    game = Game(rivals, 1)
    game.apply(Override(None, "rung", 6))
    game.proceed()
    view = actor_view(game, "red")
    kinds = {name: [m.kind for seed in range(20) for m in DOCTRINES[name].choose_messages(view, random.Random(seed))]
             for name in ("hawk", "dove")}
    assert "threat" in kinds["hawk"] or "ultimatum" in kinds["hawk"]
    assert "assurance" in kinds["dove"] and "threat" not in kinds["dove"] and "ultimatum" not in kinds["dove"]
    assert kinds["dove"].count("proposal") > kinds["hawk"].count("proposal")


def test_messages_respect_who_may_commit_to_what(cuban_games):
    terms = {t.id: t for t in next(iter(cuban_games.values()))[0].scenario.spec.terms}
    for games in cuban_games.values():
        for game in games:
            for e in game.envelopes:
                m = e.message
                for term in m.offer:
                    assert not terms[term].by or m.sender in terms[term].by
                for term in m.ask:
                    assert not terms[term].by or m.recipient in terms[term].by


def test_nobody_talks_over_a_severed_channel(cuban):
    """Cuba and the United States start with no channel: neither addresses the other until one restores it."""
    pair = {"usa", "cuba"}
    for seed in range(10):
        game = play_to_end(Game(cuban, seed), doctrines={"usa": "dove", "ussr": "hawk", "cuba": "hawk"})
        restored = [
            record.turn for record in game.history for actor, order in record.orders.items()
            if order.move == "restore_relations" and {actor, order.target} == pair
        ]
        opened = min(restored) + 1 if restored else game.turn + 1
        assert all(e.turn >= opened for e in game.envelopes if {e.message.sender, e.message.recipient} == pair)


def test_decisions_do_not_depend_on_string_hashing():
    """Same seed, same decisions in fresh interpreters with different hash seeds (as simulate's workers are)."""
    script = (
        "from wargame.scenario.loader import load_scenario; from wargame.engine import Game;"
        "from wargame.ai.autoplay import play_to_end; from wargame.engine.decisions import to_dict;"
        "g = play_to_end(Game(load_scenario('scenarios/cuban-missile-crisis.yaml'), 11),"
        " doctrines={'usa': 'calculator', 'ussr': 'tit_for_tat'});"
        "print([to_dict(d) for d in g.decisions])"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert outputs.pop().startswith("[{")


# ---------------------------------------------------------------- tables worked out once


def test_own_gains_table_matches_own_gain_for_every_move(cuban):
    from wargame.ai.doctrines import own_gains
    from wargame.ai.facts import facts
    from wargame.ai.scoring import own_gain
    from wargame.ai.situation import read_situation

    game = play_to_end(Game(cuban, 5))
    for actor in game.actor_ids:
        sit = read_situation(actor_view(game, actor))
        gains = own_gains(sit)
        assert {m: own_gain(f, sit) for m, f in facts(cuban).items()} == dict(gains)


def test_seen_moves_are_the_last_turn_each_move_was_seen(cuban):
    from wargame.ai.beliefs import seen_moves

    game = play_to_end(Game(cuban, 2))
    view = actor_view(game, "usa")
    expected = {}
    for turn, readings in view.perceived_history:
        for p in readings:
            if p.seen:
                expected[(p.actor, p.seen)] = turn
    assert seen_moves(view.perceived_history) == expected


def test_agreed_terms_match_the_agreements_in_force(cuban):
    from wargame.ai.beliefs import ViewEnv

    checked = 0
    for seed in range(6):
        game = play_to_end(Game(cuban, seed), doctrines={"usa": "dove", "ussr": "dove", "cuba": "calculator"})
        for actor in game.actor_ids:
            view = actor_view(game, actor)
            env = ViewEnv(view)
            in_force = [c for a in view.agreements if a.in_force for c in a.commitments]
            checked += len(in_force)
            for term, party in product({t.id for t in cuban.spec.terms}, (None, *game.actor_ids)):
                expected = any(c.term == term and party in (None, c.party) for c in in_force)
                assert env.agreed(term, party) == expected
                assert env.with_(my_move="x").agreed(term, party) == expected  # siblings share the answer
    assert checked, "no agreement in force in any game: the check proved nothing"


# ---------------------------------------------------------------- the ladder's rules, as the players reckon them
def play_computers_one_phase(game: Game) -> None:
    from wargame.ai.autoplay import play_computers

    if game.turn_phase in ("hotline", "orders"):
        play_computers(game, game.actor_ids)
    game.proceed()



def _a_game_still_open_on_turn(scenario, turn: int) -> Game:
    """The first seeded computer game that is still going on ``turn``."""
    for seed in range(4, 60):
        game = Game(scenario, seed)
        while game.turn < turn and not game.is_over():
            play_computers_one_phase(game)
        if not game.is_over():
            return game
    raise AssertionError(f"no game lasted to turn {turn}")


def test_computers_count_a_gesture_as_the_adjudicator_will(cuban):
    """Where its guesses are right (the target trusts it as it trusts the target, it sees the true rung),
    a computer counts every calming move at exactly what the adjudicator will count."""
    from wargame.ai.facts import facts
    from wargame.ai.scoring import effective_escalation
    from wargame.ai.situation import read_situation
    from wargame.engine.adjudication import _apply_move

    game = _a_game_still_open_on_turn(cuban, 4)
    compared = 0
    for actor in game.actor_ids:
        game.actors[actor].perceived_rung = game.rung
        sit = read_situation(actor_view(game, actor))
        for option in sit.view.options:
            move = option.move
            if option.reason or move.escalation >= 0:
                continue
            for target in option.targets or (None,):
                trial = game.clone()
                if target is not None:
                    trial.actors[target].trust[actor] = sit.view.trust_in[target]
                expected = _apply_move(trial, actor, trial.scenario.moves[move.id], target)
                assert effective_escalation(facts(cuban)[move.id], sit, target) == pytest.approx(expected), (actor, move.id, target)
                compared += 1
    assert compared > 20


def test_calculators_do_not_repeat_a_gesture_that_has_stopped_counting(cuban):
    """Talk is cheap: the same calming move at the same target counts half, then a quarter, so the calculating
    superpowers never play one on four turns running (before they reckoned with it, they did in most games)."""
    for seed in range(10):
        game = play_to_end(Game(cuban, seed))
        for actor in ("usa", "ussr"):
            orders = [(r.orders[actor].move, r.orders[actor].target) for r in game.history]
            for i in range(len(orders) - 3):
                streak = set(orders[i:i + 4])
                calming = cuban.moves[orders[i][0]].escalation < 0
                assert not (len(streak) == 1 and calming), (seed, actor, orders[i])
