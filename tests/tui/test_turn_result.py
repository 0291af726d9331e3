"""The turn result says why each stat moved, in words, and names agreements by their terms."""

from __future__ import annotations

from rich.text import Text

from tests.support import play_turn
from wargame.engine import Game, actor_view
from wargame.tui.screens.turn_result import standing


class OneView:
    """What result_text asks of a session: the side's view."""

    def __init__(self, view):
        self._view = view

    def view(self):
        return self._view


def test_each_stat_that_moved_is_shown_with_its_cause(rules_scenario):
    game = Game(rules_scenario, 2)
    play_turn(game, b=("deploy_forces", "a"))
    for _ in range(2):
        game.proceed()
        play_turn(game)
    view = actor_view(game, "a")
    line = next(line for line in view.my_red_lines if line.status == "ignored")
    text = Text()
    standing(text, view)
    shown = text.plain
    credibility = view.stats["credibility"]
    assert f"credibility {credibility} (" in shown
    assert f"you did not answer the crossed line “{line.description}”" in shown


def test_a_quiet_turn_reads_unchanged(rules_scenario):
    game = Game(rules_scenario, 2)
    play_turn(game)
    view = actor_view(game, "a")
    text = Text()
    standing(text, view)
    assert (text.plain.strip() == "unchanged") == (dict(view.stats) == dict(view.previous_stats))


def test_a_move_that_breaks_an_agreement_names_it_by_its_terms(rules_scenario):
    from wargame.engine import Message
    from wargame.tui.widgets.orders_panel import detail_text

    game = Game(rules_scenario, 4)
    game.proceed()  # to the hotline
    game.send(Message("a", "b", "proposal", "Let us agree.", ask=("t_no_deploy",)))
    game.send(Message("b", "a", "accept", reply_to=game.envelopes[-1].id))
    game.proceed()  # to orders
    view = actor_view(game, "b")
    option = view.option("deploy_forces")
    assert option.breaks
    shown = detail_text(view, option, {"up": "red", "down": "green", "warn": "yellow"}).plain
    assert "Breaks your agreement: No deployment" in shown and "#" not in shown.split("Breaks")[1]


def test_an_agreement_says_who_promised_what(rules_scenario):
    from wargame.engine import Message
    from wargame.tui.screens.turn_result import result_text

    game = Game(rules_scenario, 4)
    game.proceed()
    game.send(Message("a", "b", "proposal", "Let us agree.", offer=("t_no_sanctions",), ask=("t_no_deploy",)))
    game.send(Message("b", "a", "accept", reply_to=game.envelopes[-1].id))
    play_turn(game)
    shown = result_text(OneView(actor_view(game, "a")), None).plain
    assert "    you: No sanctions\n" in shown and f"    {game.name('b')}: No deployment\n" in shown


def test_each_reading_says_what_made_it_noisy(rules_scenario):
    from wargame.tui.screens.turn_result import result_text

    game = Game(rules_scenario, 3)
    game.actors["a"].trust["b"] = 20
    game.channels[("a", "b")] = "strained"
    game.channels[("a", "c")] = "hotline"
    game.actors["a"].trust["c"] = 90
    play_turn(game, b=("deploy_forces", "a"))
    shown = result_text(OneView(actor_view(game, "a")), None).plain
    assert "you read it as" in shown
    assert "    noisy reading: low trust, strained line\n" in shown
    assert "    clear reading: hotline, high trust\n" in shown
