"""Rule cases: each test names the rule it checks in its docstring.

They run on tests/scenarios/rules.yaml: actors a, b, c; a's declared red
line against b deploying forces; b's secret red line against a blockade;
terms t_no_deploy (b), t_no_sanctions (a), t_withdraw (b must withdraw
within 2 turns); a once and a repeating trigger from turn 2; inject 'leak'.
"""

from __future__ import annotations

import pytest

from tests.support import play_turn, to_orders
from wargame.engine import Game, Message, Override, Proceed
from wargame.engine.views import actor_view
from wargame.errors import IllegalDecision


def next_hotline(game: Game) -> None:
    if game.turn_phase == "aftermath":
        game.proceed()
    while game.turn_phase != "hotline":
        game.proceed()


def test_simultaneous_resolution_ignores_submission_order(rules_scenario):
    """Rule: all orders of a turn are revealed and resolved together; who ordered first does not matter."""
    first, second = Game(rules_scenario, 3), Game(rules_scenario, 3)
    for game, order in ((first, "abc"), (second, "cba")):
        to_orders(game)
        moves = {"a": ("show_of_force", "b"), "b": ("deploy_forces", "a"), "c": ("quiet_dialogue", "a")}
        for actor in order:
            game.order(actor, *moves[actor])
        game.proceed()
    assert first.rung == second.rung
    assert {a: s.stats for a, s in first.actors.items()} == {a: s.stats for a, s in second.actors.items()}
    assert first.history[0].perceptions == second.history[0].perceptions


def test_orders_can_be_changed_until_resolution(rules_scenario):
    """Rule: an actor's last order before adjudication is the one that counts."""
    game = Game(rules_scenario, 1)
    to_orders(game)
    game.order("a", "show_of_force", "b")
    game.order("a", "quiet_dialogue", "b")
    game.order("b", "hold_position")
    game.order("c", "hold_position")
    game.proceed()
    assert game.history[0].orders["a"].move == "quiet_dialogue"


def test_illegal_decisions_change_nothing(rules_scenario):
    """Rule: an order outside the orders phase, an unavailable move or a wrong target is refused, state unchanged."""
    game = Game(rules_scenario, 1)
    before = (game.turn_phase, len(game.decisions), dict(game.orders))
    with pytest.raises(IllegalDecision, match="orders are not open"):
        game.order("a", "hold_position")
    to_orders(game)
    with pytest.raises(IllegalDecision, match="not available"):
        game.order("a", "major_offensive", "b")  # min_rung 9, the crisis is at 4
    with pytest.raises(IllegalDecision, match="cannot target"):
        game.order("a", "show_of_force", "a")
    with pytest.raises(IllegalDecision, match="takes no target"):
        game.order("a", "hold_position", "b")
    with pytest.raises(IllegalDecision, match="waiting for orders"):
        game.apply(Proceed("orders"))
    with pytest.raises(IllegalDecision, match="not briefing"):
        game.apply(Proceed("briefing"))
    assert game.orders == {} and game.turn_phase == "orders"
    assert len(game.decisions) == before[1] + 2  # only the two proceeds to reach orders


def test_escalation_climbs_the_ladder_and_fires_band_callbacks(rules_scenario):
    """Rule: the ladder moves by the combined escalation; crossing a band boundary fires a threshold event."""
    game = Game(rules_scenario, 5)
    game.apply(Override(None, "rung", 8))
    play_turn(game, a=("show_of_force", "b"), b=("deploy_forces", "a"), c=("show_of_force", "a"))
    assert game.rung >= 9
    assert game.crisis_phase == "high"
    assert any(e.kind == "threshold" and "Second line" in e.text for e in game.events)


def test_declared_red_line_crossed_and_answered(rules_scenario):
    """Rule: crossing a red line alerts its owner; answering within the window raises credibility."""
    game = Game(rules_scenario, 2)
    play_turn(game, b=("deploy_forces", "a"))
    line = next(l for l in game.red_lines if l.id == "a_no_deploy")
    assert line.status == "crossed" and line.crossed_turn == 1
    assert actor_view(game, "a").alerts() == [line.snapshot()]
    credibility = game.actors["a"].stats["credibility"]
    game.proceed()
    play_turn(game, a=("targeted_sanctions", "b"))
    assert line.status == "honoured" and line.answered_turn == 2
    assert game.actors["a"].stats["credibility"] == credibility + 5


def test_red_line_ignored_costs_credibility(rules_scenario):
    """Rule: a crossed red line left unanswered past its window costs the owner credibility."""
    game = Game(rules_scenario, 2)
    play_turn(game, b=("deploy_forces", "a"))
    credibility = game.actors["a"].stats["credibility"]
    game.proceed()
    play_turn(game)
    assert next(l for l in game.red_lines if l.id == "a_no_deploy").status == "crossed"
    game.proceed()
    play_turn(game)
    line = next(l for l in game.red_lines if l.id == "a_no_deploy")
    assert line.status == "ignored"
    assert game.actors["a"].stats["credibility"] == credibility - 15


def test_secret_red_line_is_hidden_from_others(rules_scenario):
    """Rule: secret red lines cannot deter: others' views do not show them, even once crossed."""
    game = Game(rules_scenario, 2)
    assert "b_secret" not in [l.id for l in actor_view(game, "a").their_red_lines]
    assert "b_secret" in [l.id for l in actor_view(game, "b").my_red_lines]
    game.apply(Override(None, "rung", 5))
    play_turn(game, a=("naval_blockade", "b"))
    assert next(l for l in game.red_lines if l.id == "b_secret").status == "crossed"
    view = actor_view(game, "a")
    assert "b_secret" not in [l.id for l in view.their_red_lines]
    assert not any("a must not blockade" in e.text for e in view.news)
    option = actor_view(game, "b").option("deploy_forces")
    assert "a_no_deploy" in option.crosses  # declared lines are known to the one they are drawn for


def _agree(game: Game, offer=(), ask=()) -> None:
    """a proposes to b; b accepts."""
    next_hotline(game)
    game.send(Message("a", "b", "proposal", "Let us agree.", offer=offer, ask=ask))
    envelope = game.envelopes[-1]
    assert envelope.status == "pending"
    game.send(Message("b", "a", "accept", reply_to=envelope.id))


def test_agreement_kept_builds_trust(rules_scenario):
    """Rule: an accepted proposal becomes an agreement; each turn it is kept, the parties' trust grows."""
    game = Game(rules_scenario, 4)
    _agree(game, ask=("t_no_deploy",))
    agreement = game.agreements[-1]
    assert agreement.in_force and agreement.terms == ("t_no_deploy",)
    trust = game.actors["a"].trust["b"]
    play_turn(game)
    assert agreement.in_force and agreement.kept_turns == 1
    assert game.actors["a"].trust["b"] > trust


def test_agreement_broken_costs_trust_and_credibility(rules_scenario):
    """Rule: playing a move a commitment forbids breaks the agreement: trust and credibility fall."""
    game = Game(rules_scenario, 4)
    _agree(game, ask=("t_no_deploy",))
    credibility = game.actors["b"].stats["credibility"]
    trust = game.actors["a"].trust["b"]
    option = actor_view(game, "b").option("deploy_forces")
    assert option.breaks == (game.agreements[-1].id,)
    play_turn(game, b=("deploy_forces", "a"))
    agreement = game.agreements[-1]
    assert agreement.status == "broken" and agreement.broken_by == "b"
    assert game.actors["b"].stats["credibility"] == credibility - 10
    assert game.actors["a"].trust["b"] < trust - 15


def test_required_move_not_played_breaks_agreement(rules_scenario):
    """Rule: a term that requires a move within N turns is broken when the deadline passes without it."""
    game = Game(rules_scenario, 4)
    _agree(game, ask=("t_withdraw",))
    play_turn(game)
    assert game.agreements[-1].in_force
    game.proceed()
    play_turn(game)
    assert game.agreements[-1].status == "broken"


def test_settlement_ends_the_game(rules_scenario):
    """Rule: when the scenario's settlement condition holds, the crisis ends settled and is scored."""
    game = Game(rules_scenario, 4)
    _agree(game, offer=("t_no_sanctions",), ask=("t_no_deploy",))
    play_turn(game)
    assert game.outcome.kind == "settled" and game.crisis_phase == "settled"
    scores = dict(game.outcome.scores)
    assert scores["a"] > scores["c"]  # a met its objective and gained from the terms
    with pytest.raises(IllegalDecision, match="game is over"):
        game.proceed()


def test_ultimatum_expiring_becomes_crossed_red_line(rules_scenario):
    """Rule: an ultimatum unanswered by its deadline is a crossed red line of its sender."""
    game = Game(rules_scenario, 4)
    next_hotline(game)
    game.send(Message("a", "b", "ultimatum", "Stand down.", ask=("t_no_deploy",), move="show_of_force", deadline=1))
    play_turn(game)
    line = next(l for l in game.red_lines if l.source == "ultimatum")
    assert line.owner == "a" and line.against == "b" and line.status == "crossed"
    assert game.envelopes[0].status == "expired"


def test_ultimatum_accepted_becomes_agreement(rules_scenario):
    """Rule: accepting an ultimatum commits the recipient to its demands."""
    game = Game(rules_scenario, 4)
    next_hotline(game)
    game.send(Message("a", "b", "ultimatum", ask=("t_no_deploy",), move="show_of_force", deadline=2))
    game.send(Message("b", "a", "accept", reply_to=0))
    assert game.agreements[-1].commitments[0].party == "b"
    with pytest.raises(IllegalDecision, match="no longer open"):
        game.send(Message("b", "a", "reject", reply_to=0))


def test_threat_declares_a_red_line(rules_scenario):
    """Rule: a threat over the hotline declares a new red line the recipient can see."""
    game = Game(rules_scenario, 4)
    next_hotline(game)
    game.send(Message("b", "a", "threat", "Do not.", trigger_move="show_of_force", move="mobilisation"))
    view = actor_view(game, "a")
    assert any(l.owner == "b" and l.source == "threat" for l in view.their_red_lines)
    assert "threat_0" in view.option("show_of_force").crosses


def test_severed_channel_blocks_messages(rules_scenario):
    """Rule: messages travel only over working channels; a severed channel refuses them and nothing changes."""
    game = Game(rules_scenario, 4)
    play_turn(game, a=("sever_relations", "b"))
    assert game.channel("a", "b") == "severed"
    next_hotline(game)
    count = len(game.envelopes)
    with pytest.raises(IllegalDecision, match="severed"):
        game.send(Message("b", "a", "statement", "Hello?"))
    assert len(game.envelopes) == count
    game.send(Message("c", "a", "statement", "We can still talk."))  # other channels still work
    to_orders(game)
    assert "quiet_dialogue" not in [o.move.id for o in actor_view(game, "a").options if "b" in o.targets]


def test_hotline_is_never_garbled_strained_line_sometimes_is(rules_scenario):
    """Rule: a strained channel can delay or garble messages; a hotline never does."""
    garbled_or_delayed = 0
    for seed in range(40):
        game = Game(rules_scenario, seed)
        game.channels[("a", "b")] = "strained"
        next_hotline(game)
        game.send(Message("a", "b", "assurance", "We will not blockade.", move="naval_blockade"))
        envelope = game.envelopes[-1]
        garbled_or_delayed += envelope.garbled or not envelope.delivered
        hotline = Game(rules_scenario, seed)
        hotline.channels[("a", "b")] = "hotline"
        next_hotline(hotline)
        hotline.send(Message("a", "b", "assurance", "We will not blockade.", move="naval_blockade"))
        assert not hotline.envelopes[-1].garbled and hotline.envelopes[-1].delivered
    assert 0 < garbled_or_delayed < 40


def test_covert_move_can_go_unseen_and_is_revealed_later(rules_scenario):
    """Rule: covert moves may be unseen by others; what went unseen comes to light two turns later."""
    for seed in range(60):
        game = Game(rules_scenario, seed)
        game.apply(Override("a", "readiness", 0))
        play_turn(game, b=("cyber_operation", "a"))
        reading = next(p for p in game.history[0].perceptions if p.observer == "a" and p.actor == "b")
        if reading.seen is None:
            break
    else:
        pytest.fail("a covert move was seen in every one of 60 games")
    view = actor_view(game, "a")
    assert all(p.seen != "cyber_operation" for _, ps in view.perceived_history for p in ps)
    assert not any("cyber" in e.text.lower() for e in view.news)
    for _ in range(2):
        game.proceed()
        play_turn(game)
    assert any(e.kind == "revealed" and "Borduria had carried out" in e.text for e in actor_view(game, "a").news)


def test_misperception_noise_shrinks_with_trust_and_hotline(rules_scenario):
    """Rule: noise grows with low trust and a severed channel and shrinks with a hotline and transparency."""
    from wargame.engine.perception import noise

    game = Game(rules_scenario, 1)
    baseline = noise(game, "a", "b")
    game.actors["a"].trust["b"] = 10
    distrust = noise(game, "a", "b")
    game.channels[("a", "b")] = "severed"
    severed = noise(game, "a", "b")
    game.channels[("a", "b")] = "hotline"
    game.actors["a"].trust["b"] = 50
    hotline = noise(game, "a", "b")
    game.transparency_until[("a", "b")] = game.turn + 1
    assert hotline > noise(game, "a", "b")
    assert severed > distrust > baseline > hotline


def test_preventive_moves_work_better_early(rules_scenario):
    """Rule: a preventive move's de-escalation counts half again at rungs 0-3 and half above 8."""
    from wargame.engine.adjudication import _apply_move

    game = Game(rules_scenario, 1)
    move = rules_scenario.moves["confidence_building"]
    game.rung = 2
    early = _apply_move(game, "a", move, "b")
    game.rung = 10
    game.actors["b"].trust["a"] = 50  # the first measure raised it; keep reassurance at full weight
    late = _apply_move(game, "a", move, "b")
    assert early == move.escalation * 1.5 and late == move.escalation * 0.5


def test_preemptive_strike_provokes(rules_scenario):
    """Rule: a preemptive move hardens the target's resolve and costs trust; unprovoked it escalates more."""
    game = Game(rules_scenario, 1)
    game.apply(Override(None, "rung", 7))
    resolve = game.actors["b"].stats["resolve"]
    play_turn(game, a=("limited_strike", "b"))
    assert game.history[0].escalation["a"] == rules_scenario.moves["limited_strike"].escalation + 1
    assert game.actors["b"].stats["resolve"] > resolve
    assert any(e.kind == "provocation" for e in game.events)


def test_trigger_once_versus_repeating(rules_scenario):
    """Rule: a once trigger fires a single time; a repeating trigger fires every turn its condition holds."""
    game = Game(rules_scenario, 1)
    for _ in range(4):
        play_turn(game)
        if game.is_over():
            break
        game.proceed()
    once = [e for e in game.events if e.text == "Once only."]
    again = [e for e in game.events if e.text == "Again and again."]
    assert len(once) == 1 and once[0].turn == 2
    assert len(again) == 3


def test_inject_fires_by_hand_once(rules_scenario):
    """Rule: a facilitator fires an inject by hand; it cannot fire twice."""
    from wargame.engine import Inject

    game = Game(rules_scenario, 1)
    resolve = game.actors["a"].stats["resolve"]
    game.apply(Inject("leak"))
    assert game.actors["a"].stats["resolve"] == resolve - 5
    with pytest.raises(IllegalDecision, match="already fired"):
        game.apply(Inject("leak"))
    with pytest.raises(IllegalDecision, match="unknown inject"):
        game.apply(Inject("nope"))


@pytest.mark.parametrize(
    "setup, kind",
    [
        (lambda g: g.apply(Override(None, "rung", 12)), "war"),
        (lambda g: g.apply(Override("b", "support", 5)), "capitulation"),
        (lambda g: g.apply(Override(None, "rung", 0)), "defused"),
        (lambda g: None, "stalemate"),
    ],
)
def test_each_outcome_is_reachable(rules_scenario, setup, kind):
    """Rule: war, capitulation, defused and stalemate are each reachable (settled: see above)."""
    game = Game(rules_scenario, 7)
    setup(game)
    escalate = kind == "war"
    while not game.is_over():
        if escalate:
            play_turn(game, a=("show_of_force", "b"), b=("show_of_force", "a"), c=("show_of_force", "a"))
        else:
            play_turn(game)
        if not game.is_over():
            game.proceed()
    assert game.outcome.kind == kind
    assert game.crisis_phase == {"capitulation": "capitulation", "war": "war"}.get(kind, game.crisis_phase)
    assert game.turn <= rules_scenario.spec.turns
    if kind == "capitulation":
        assert game.outcome.actor == "b"


def test_mediation_needs_a_third_party_that_talks_to_both(rules_scenario):
    """Rule: mediation works through a mediator with open channels to both sides, and de-escalates more."""
    game = Game(rules_scenario, 1)
    to_orders(game)
    option = actor_view(game, "a").option("request_mediation")
    assert option.available and option.targets == ("b",)  # c mediates; it cannot mediate with itself
    game.channels[("b", "c")] = "severed"
    option = actor_view(game, "a").option("request_mediation")
    assert not option.available and "no mediator" in option.reason


def test_band_change_announces_threshold_and_moves_opened(rules_scenario):
    """Rule: entering a band fires its callbacks: the threshold news first, then the moves it opens and closes."""
    game = Game(rules_scenario, 1)
    game.apply(Override(None, "rung", 9))
    texts = [e.text for e in game.events if e.kind in ("threshold", "band")]
    assert texts[0] == "Threshold crossed upward: “Second line”."
    assert texts[1] == "The crisis enters a new band: High."
    assert any(t.startswith("Now possible:") and "Major offensive" in t for t in texts)
    assert any(t.startswith("No longer possible:") and "Quiet dialogue" in t for t in texts)


def test_a_delayed_accept_still_makes_the_agreement(rules_scenario):
    """Rule: an answer held up on a strained line is carried out when it arrives, if the proposal is still open."""
    for seed in range(80):
        game = Game(rules_scenario, seed)
        next_hotline(game)
        game.send(Message("a", "b", "proposal", offer=("t_no_sanctions",), ask=("t_no_deploy",)))
        game.channels[("a", "b")] = "strained"
        game.send(Message("b", "a", "accept", reply_to=0))
        if not game.envelopes[-1].delivered:
            break
    else:
        pytest.fail("no accept was delayed in 80 games")
    assert game.envelopes[0].status == "pending" and not game.agreements
    play_turn(game)
    game.proceed()
    assert game.envelopes[0].status == "accepted"
    assert game.agreements and game.agreements[0].terms == ("t_no_sanctions", "t_no_deploy")


def test_mediators_do_not_capitulate_and_move_the_crisis_half_as_far(rules_scenario):
    """Rule: a mediator can mediate itself, never capitulates, and moves with it count half on the ladder."""
    from wargame.engine.adjudication import _apply_move

    game = Game(rules_scenario, 1)
    to_orders(game)
    assert actor_view(game, "c").option("request_mediation").targets == ("a", "b")
    move = rules_scenario.moves["show_of_force"]
    assert _apply_move(game, "c", move, "a") == move.escalation * 0.5
    game.apply(Override("c", "support", 0))
    play_turn(game)
    assert game.outcome is None or game.outcome.kind != "capitulation"


def test_an_inject_in_the_last_briefing_does_not_end_the_game(rules_scenario):
    """Rule: an inject between turns can end the game only by war or capitulation, never by the turn limit."""
    from wargame.engine import Inject

    game = Game(rules_scenario, 2)
    while game.turn < rules_scenario.spec.turns:
        play_turn(game)
        game.proceed()
    game.apply(Inject("leak"))
    assert not game.is_over()
    play_turn(game)
    assert game.outcome.kind == "stalemate" and game.outcome.turn == rules_scenario.spec.turns


def test_a_rejected_ultimatum_is_a_crossed_red_line_at_once(rules_scenario):
    """Rule: rejecting an ultimatum defies it: the sender's red line is crossed now, not at the deadline."""
    game = Game(rules_scenario, 4)
    next_hotline(game)
    game.send(Message("a", "b", "ultimatum", ask=("t_no_deploy",), move="show_of_force", deadline=3))
    game.send(Message("b", "a", "reject", reply_to=0))
    line = next(l for l in game.red_lines if l.source == "ultimatum")
    assert line.status == "crossed" and line.crossed_turn == 1
    play_turn(game)
    game.proceed()
    play_turn(game, a=("show_of_force", "b"))
    assert line.status == "honoured"


def test_a_move_aimed_elsewhere_says_less_about_intent(rules_scenario):
    """Rule: observers read hostility mostly from moves aimed at them; pressure on a third party counts 0.3."""
    at_me, elsewhere = Game(rules_scenario, 9), Game(rules_scenario, 9)
    play_turn(at_me, b=("show_of_force", "a"))
    play_turn(elsewhere, b=("show_of_force", "c"))
    assert at_me.actors["a"].intent["b"] > elsewhere.actors["a"].intent["b"] > 0


def test_a_facilitator_override_into_the_war_band_ends_the_game_at_once(rules_scenario):
    """Rule: an override is applied like an event: pushing the rung into the war band is war, now."""
    game = Game(rules_scenario, 1)
    game.apply(Override(None, "rung", 13))
    assert game.outcome.kind == "war" and game.crisis_phase == "war"
    with pytest.raises(IllegalDecision, match="game is over"):
        game.apply(Override(None, "rung", 2))


def test_reassurance_counts_where_there_is_distrust_and_wears_with_repetition(rules_scenario):
    """Rule: a calming move counts in full toward a wary actor, a fifth toward a trusting friend, half when repeated."""
    from wargame.engine.adjudication import _apply_move

    game = Game(rules_scenario, 1)
    move = rules_scenario.moves["concession_offer"]
    game.actors["b"].trust["a"] = 40
    assert _apply_move(game, "a", move, "b") == move.escalation
    game.actors["b"].trust["a"] = 100
    assert _apply_move(game, "a", move, "b") == pytest.approx(move.escalation * 0.2)
    game.actors["b"].trust["a"] = 40
    game.played[("a", move.id)] = [game.turn - 1]
    assert _apply_move(game, "a", move, "b") == move.escalation * 0.5


# ------------------------------------------------------------------ phase machines


def test_a_turn_walks_the_turn_machine_and_waits_for_every_order(rules_scenario):
    """Rule: proceeding fires the turn machine's one way out of the phase; adjudication waits for every order."""
    from wargame.engine.phases import TurnPhase, turn_machine

    game, machine = Game(rules_scenario, 1), turn_machine()
    assert game.turn_phase == TurnPhase.BRIEFING
    game.proceed()
    game.proceed()
    assert game.turn_phase == TurnPhase.ORDERS
    game.order("a", "quiet_dialogue", "b")
    assert not machine.may(game, "adjudicate") and not machine.may(game, "next_turn")
    with pytest.raises(IllegalDecision, match="waiting for orders from b, c"):
        game.proceed()
    assert game.turn_phase == TurnPhase.ORDERS and game.turn == 1
    game.order("b", "hold_position")
    game.order("c", "hold_position")
    assert machine.may(game, "adjudicate")
    game.proceed()
    assert game.turn_phase == TurnPhase.AFTERMATH and len(game.history) == 1
    game.proceed()
    assert (game.turn, game.turn_phase) == (2, TurnPhase.BRIEFING)


def test_a_trigger_that_does_not_apply_changes_nothing(rules_scenario):
    """Rule: a trigger from the wrong phase, or whose condition fails, is refused and leaves the game as it was."""
    from wargame.engine.phases import crisis_machine, turn_machine

    game = Game(rules_scenario, 1)
    bands = game.band_ids
    before = (game.turn_phase, game.crisis_phase, len(game.events))
    with pytest.raises(IllegalDecision, match="'conclude' is not possible during briefing"):
        turn_machine().fire(game, "conclude")
    with pytest.raises(IllegalDecision, match="not possible during"):
        crisis_machine(bands).fire(game, "no_such_trigger")
    assert not turn_machine().may(game, "adjudicate")
    assert (game.turn_phase, game.crisis_phase, len(game.events)) == before


def test_cloned_games_share_the_machines_and_move_apart(rules_scenario):
    """Rule: a clone fires the same shared machines as its original, and each keeps its own phase."""
    game = Game(rules_scenario, 1)
    clone = game.clone()
    clone.proceed()
    assert (game.turn_phase, clone.turn_phase) == ("briefing", "hotline")


def test_a_prerequisite_naming_no_target_holds_for_every_target_or_none(rules_scenario):
    """Rule: a targeted move's prerequisite that names no target (limited_strike: self.readiness >= 40)
    opens or closes the move against every target at once; one that names the target decides target by target."""
    from wargame.engine import legality

    game = Game(rules_scenario, 0)
    to_orders(game)
    game.rung = 9  # inside every move's rung range
    game.actors["a"].stats["readiness"] = 39
    strike = next(o for o in legality.options(game, "a") if o.move.id == "limited_strike")
    assert strike.targets == () and strike.reason == "needs your readiness at 40 or more"
    game.actors["a"].stats["readiness"] = 40
    strike = next(o for o in legality.options(game, "a") if o.move.id == "limited_strike")
    assert strike.available and strike.targets == ("b", "c")
    game.actors["a"].trust.update(b=80, c=10)
    by_trust = [o for o in legality.options(game, "a") if o.move.requires == "self.trust.target >= 35"]
    assert by_trust and all(o.available and o.targets == ("b",) for o in by_trust)


def _rules_with(extra: str):
    from tests.support import ROOT
    from wargame.scenario.loader import load_scenario_text

    text = (ROOT / "tests" / "scenarios" / "rules.yaml").read_text(encoding="utf-8")
    return load_scenario_text(text.replace("  defused_at: 1\n", f"  defused_at: 1\n{extra}"), "rules.yaml")


def test_two_turns_of_large_scale_fighting_are_war(tutorial):
    """Rule: a crisis that ends two turns running at or above the ladder's fighting_at ends in war, though
    the war band was never reached (the default ladder: fighting_at 12, Large conventional war)."""
    assert Game(tutorial, 1).ladder.fighting_at == 12
    game = Game(_rules_with("  fighting_at: 11\n"), 1)
    game.apply(Override(None, "rung", 11))
    play_turn(game)  # everyone holds: the ladder stays
    assert game.rung == 11 and not game.is_over()
    play_turn(game)
    assert game.outcome.kind == "war" and game.crisis_phase == "war"
    assert "sustained war" in game.outcome.reason and game.peak < game.war_rung


def test_fighting_at_must_lie_between_the_start_and_the_war_band():
    from wargame.errors import ScenarioError

    with pytest.raises(ScenarioError, match="fighting_at 13 must lie above the start"):
        _rules_with("  fighting_at: 13\n")
