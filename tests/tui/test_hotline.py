"""The hotline at 80×24 by keys: what waits for an answer is never out of sight, and every tab is reachable."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from textual.widgets import OptionList

from tests.support import ROOT
from tests.tui.pilot import screen_text, settle
from wargame.engine import Game, Message
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.screens.game import GameScreen
from wargame.tui.widgets.game_header import GameHeader
from wargame.tui.widgets.hotline_panel import HotlinePanel, awaiting_words

SIZE = (80, 24)
TABS = {"1": "tab-hotline", "2": "tab-orders", "3": "tab-actors", "4": "tab-warnings", "5": "tab-news"}


def app_for(tmp_path, scenario: str, side: str, seed: int = 1):
    game = Game(load_scenario(ROOT / "scenarios" / f"{scenario}.yaml"), seed)
    app = build_app(game, [side], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    return game, app


async def start(pilot) -> GameScreen:
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GameScreen)
    return pilot.app.screen


def messages(screen) -> list[str]:
    """The conversation on screen, one text per message."""
    listing = screen.query_one("#conversation", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def labels(screen) -> list[str]:
    return [str(tab.label) for tab in screen.query("#counterparts Tab")]


async def test_the_hotline_opens_on_the_proposal_that_waits(tmp_path):
    """Kargil as Pakistan, turn 1: the United States' proposal is on screen, not India's empty conversation."""
    _game, app = app_for(tmp_path, "kargil-1999", "pakistan")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        view = app.session.view()
        waiting = view.pending_proposals()
        assert waiting and waiting[0].message.sender != view.others[0].id  # not the first tab: the old default
        panel = screen.query_one(HotlinePanel)
        assert panel.counterpart == waiting[0].message.sender
        assert screen.query_one("#counterparts").active == f"with-{panel.counterpart}"
        text = screen_text(app)
        assert "PROPOSAL" in text and "No messages" not in text
        assert messages(screen)[0].startswith("NEW Turn 1")  # marked until its conversation has been left
        assert "1 proposal awaits your answer" in str(screen.query_one(GameHeader).render())


async def test_unread_messages_are_marked_until_their_conversation_is_shown(tmp_path):
    """A statement to a conversation not on screen counts in its tab (✉1); shown once, it is read."""
    game, app = app_for(tmp_path, "kargil-1999", "pakistan")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        panel = screen.query_one(HotlinePanel)
        await pilot.press("right_square_bracket")  # the other conversation: India
        await pilot.pause()
        assert panel.counterpart == "india"
        assert not any("✉" in label for label in labels(screen))  # the US proposal was shown when the hotline opened
        game.apply(Message("usa", "pakistan", "statement", "We are waiting for your answer."))
        screen.refresh_view()
        await pilot.pause()
        assert "United States ✉1 (1)" in labels(screen)
        assert "We are waiting" not in screen_text(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert panel.counterpart == "usa"
        shown = messages(screen)
        assert shown[-1].startswith("NEW Turn 1") and "We are waiting" in shown[-1]  # a statement is marked too
        assert "United States (1)" in labels(screen)  # read now that it is on screen
        await pilot.press("right_square_bracket", "left_square_bracket")  # away and back: no longer new
        await pilot.pause()
        assert not any(text.startswith("NEW") for text in messages(screen))


async def test_every_tab_key_works_from_every_tab(tmp_path):
    """1–5 from each tab, the Hotline tab included (its focused list used to hand focus back to its own tab row)."""
    _game, app = app_for(tmp_path, "kargil-1999", "pakistan")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        tabs = screen.query_one("#tabs")
        for origin in TABS:
            for key, pane in TABS.items():
                await pilot.press(origin)
                await pilot.pause()
                assert tabs.active == TABS[origin]
                await pilot.press(key)
                await pilot.pause()
                assert tabs.active == pane, f"{key} from {TABS[origin]}"


async def test_the_orders_tab_says_a_proposal_awaits_an_answer_until_it_is_answered(tmp_path):
    _game, app = app_for(tmp_path, "kargil-1999", "pakistan")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("2")
        await pilot.pause()
        status = screen.query_one("#order-status")
        assert status.text.plain.splitlines()[1:] == ["⏳ 1 proposal awaits your answer", "(press 1 for the hotline)"]
        assert status.size.height == 3  # at 80 columns the note takes two lines, all on screen
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("x")  # reject the highlighted proposal
        await pilot.pause()
        assert not app.session.view().pending_proposals()
        assert "awaits your answer" not in screen_text(app)


def test_the_waiting_line_counts_in_words():
    def view(*kinds):
        waiting = [SimpleNamespace(message=SimpleNamespace(kind=kind)) for kind in kinds]
        return SimpleNamespace(pending_proposals=lambda: waiting)

    assert awaiting_words(view()) == ""
    assert awaiting_words(view("proposal")) == "1 proposal awaits your answer"
    assert awaiting_words(view("proposal", "counter")) == "2 proposals await your answer"
    assert awaiting_words(view("ultimatum", "proposal")) == "1 proposal and 1 ultimatum await your answer"


@pytest.mark.parametrize(("key", "scroller"), [("3", "#actors-scroll"), ("4", "#alerts-scroll")])
async def test_actors_and_alerts_scroll_by_keys_at_80x24(tmp_path, key, scroller):
    """The tab key focuses its pane, and End brings the last actor's (or red line's) lines into view."""
    _game, app = app_for(tmp_path, "cuban-missile-crisis", "ussr")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press(key)
        await pilot.pause()
        pane = screen.query_one(scroller)
        assert app.focused is pane
        assert pane.max_scroll_y > 0  # taller than the screen: without scrolling some of it is out of reach
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0
