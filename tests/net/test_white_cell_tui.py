"""The white cell joined over the network, driven by keys: its powers reach the host and land in the game."""

from __future__ import annotations

import asyncio

from tests.net.conftest import code_of
from tests.tui.pilot import screen_text, settle
from wargame.engine import Override, Seat
from wargame.net.server import HostThread
from wargame.tui.remote import JoinApp, RemoteSession, WatchScreen
from wargame.tui.screens.override_dialog import OverrideScreen
from wargame.tui.screens.white_cell_dialogs import parse_time


async def settled(pilot) -> None:
    await asyncio.wait_for(settle(pilot), 60)


async def test_the_remote_white_cell_overrides_hands_a_side_over_writes_news_and_sets_a_clock(classroom):
    with HostThread(classroom) as host:
        session = RemoteSession.connect(f"127.0.0.1:{host.port}", code_of(classroom, 1, "facilitator"))
        game = classroom.tables[1].game
        try:
            async with JoinApp(session).run_test(size=(120, 40)) as pilot:
                await settled(pilot)
                assert isinstance(pilot.app.screen, WatchScreen)
                await pilot.press("o")  # the ladder first, then Kestria: its first stat
                await settled(pilot)
                assert isinstance(pilot.app.screen, OverrideScreen)
                await pilot.press("down", "tab", "tab", "4", "0", "enter")
                await settled(pilot)
                assert "Give a reason" in screen_text(pilot.app)  # the reason is required
                await pilot.press(*"drill", "enter")
                await settled(pilot)
                override = game.decisions[-1]
                assert isinstance(override, Override) and override.reason == "drill" and override.value == 40
                assert isinstance(pilot.app.screen, WatchScreen)

                await pilot.press("s")  # seats: Kestria is the first side
                await settled(pilot)
                await pilot.press("enter")
                await settled(pilot)
                assert game.decisions[-1] == Seat("kestria", "computer")
                assert session.seats()["kestria"] == "computer"

                await pilot.press("n")  # a news item for Kestria alone
                await settled(pilot)
                await pilot.press(*"Fog", "tab", "space", "shift+tab", "enter")
                await settled(pilot)
                news = game.events[-1]
                assert (news.kind, news.text, news.audience) == ("facilitator_news", "Fog", ("kestria",))

                await pilot.press("t")  # a clock for the current phase (the briefing), handed to the computer
                await settled(pilot)
                await pilot.press(*"5:00", "tab", "down", "shift+tab", "enter")
                await settled(pilot)
                clock = classroom.tables[1].clock
                assert clock.settings["briefing"].seconds == 300 and clock.settings["briefing"].policy == "computer"
                assert session.link.wait_until(lambda m: m.get("clock") is not None, timeout=10)
                await settled(pilot)
                assert "→ computer" in screen_text(pilot.app)  # the header counts the clock down

                await pilot.press("question_mark")  # every power has its help entry
                await settled(pilot)
                help_text = screen_text(pilot.app)
                assert all(word in help_text for word in ("Override", "Seats", "Clock", "News", "End game"))
        finally:
            session.close()


def test_times_are_typed_as_minutes_and_seconds_or_moves_of_the_running_clock():
    assert parse_time("5:00") == ("seconds", 300.0)
    assert parse_time("90") == ("seconds", 90.0)
    assert parse_time("+1:00") == ("add", 60.0)
    assert parse_time("-30") == ("add", -30.0)
    assert parse_time("0") == ("seconds", 0.0)
    assert parse_time("soon") is None and parse_time("") is None


def test_the_clock_counts_down_from_what_the_host_sent():
    from wargame.tui.clock_words import clock_words

    clock = {"phase": "orders", "seconds": 300.0, "policy": "hold", "running": True, "expired": False}
    assert clock_words(clock, 28.5) == "4:32 left"
    assert clock_words(clock | {"policy": "computer"}, 0.0) == "5:00 → computer"
    assert clock_words(clock | {"running": False}, 100.0, paused=True) == "5:00 left · paused"  # a paused clock stands
    assert clock_words(clock, 301.0) == "time up"
    assert clock_words(None, 0.0, paused=True) == "paused by the facilitator" and clock_words(None, 0.0) == ""


async def test_a_team_sees_the_phase_clock_in_its_header(classroom):
    from wargame.net.client import ThreadLink
    from wargame.tui.screens.game import GameScreen
    from wargame.tui.widgets.game_header import GameHeader

    with HostThread(classroom) as host:
        where = f"127.0.0.1:{host.port}"
        facilitator = ThreadLink(where, code_of(classroom, 1, "facilitator"))
        other = ThreadLink(where, code_of(classroom, 1, "dornland"))
        session = RemoteSession.connect(where, code_of(classroom, 1, "kestria"))
        try:
            facilitator.request("timer", phase="hotline", seconds=600, policy="computer")
            async with JoinApp(session).run_test(size=(120, 40)) as pilot:
                await settled(pilot)
                await pilot.press("enter")  # ready for the hotline
                other.request("ready", phase="briefing")
                assert session.link.wait_until(lambda m: m["phase"] == "hotline", timeout=30)
                await settled(pilot)
                assert isinstance(pilot.app.screen, GameScreen)
                pilot.app._tick()  # the once-a-second count-down, now
                await settled(pilot)
                assert "→ computer" in str(pilot.app.screen.query_one(GameHeader).render())
        finally:
            session.close()
            other.close()
            facilitator.close()
