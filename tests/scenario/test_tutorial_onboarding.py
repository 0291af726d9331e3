"""The tutorial's first tip arrives when the player can act on it: before the first hotline, and again with the message."""

from __future__ import annotations

import pytest

from tests.support import play_computer_turn
from wargame.engine import Game, actor_view


def test_the_first_briefing_tells_kestria_to_answer_the_chancellor_on_the_hotline(tutorial):
    """Read before the first hotline opens, in the private briefing's first lines (on screen at 80×24)."""
    private = tutorial.actor("kestria").briefing.private
    first_paragraph = private.split("\n\n")[0]
    assert "open the hotline and answer the Chancellor" in " ".join(first_paragraph.split())
    assert "demanded an apology" in " ".join(tutorial.actor("kestria").briefing.public.split())


@pytest.mark.parametrize("seed", [1, 2, 7])
def test_the_tip_at_the_end_of_day_one_points_to_the_message_waiting_on_the_next_hotline(tutorial, seed):
    game = Game(tutorial, seed)
    play_computer_turn(game)
    if game.is_over():
        pytest.skip("the game ended on day one")
    game.proceed()  # the briefing of day 2: the hotline opens
    assert game.turn == 2 and game.turn_phase == "hotline"
    news = actor_view(game, "kestria").news
    tips = [e for e in news if e.turn == 1 and "Tip:" in e.text]
    assert len(tips) == 1 and "tomorrow's hotline" in tips[0].text
    waiting = [e for e in news if str(e.kind) == "hotline" and e.text.startswith("Dornish Federation to Republic of Kestria")]
    assert waiting, "the Chancellor's message is on the hotline the tip points to"
