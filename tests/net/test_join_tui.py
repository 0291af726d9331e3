"""The Textual client against a real loopback host: join, read the briefing, talk, order a move."""

from __future__ import annotations

import asyncio

from tests.net.conftest import code_of, first_order
from tests.tui.pilot import screen_text, settle
from wargame.net.client import ThreadLink
from wargame.net.server import HostThread
from wargame.tui.remote import JoinApp, RemoteSession
from wargame.tui.screens.turn_result import TurnResultScreen


async def settled(pilot) -> None:
    """``settle``, bounded: a client waiting for a host that never moves fails the test instead of hanging it."""
    await asyncio.wait_for(settle(pilot), 60)


async def test_a_team_joins_reads_its_briefing_and_orders_a_move(classroom):
    with HostThread(classroom) as host:
        where = f"127.0.0.1:{host.port}"
        other = ThreadLink(where, code_of(classroom, 1, "dornland"))  # the other team, scripted
        session = RemoteSession.connect(where, code_of(classroom, 1, "kestria"))
        app = JoinApp(session)
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                text = screen_text(app)
                assert "Kestria" in text and "Tessel" in text  # its own briefing
                await pilot.press("enter")  # start as this side: ready for the hotline
                await pilot.pause()
                other.request("ready", phase="briefing")
                await settled(pilot)
                assert session.phase == "hotline"
                await pilot.press("space")  # close the hotline
                other.request("ready", phase="hotline")
                await settled(pilot)
                assert session.phase == "orders"
                await pilot.press("home", "enter")
                await settled(pilot)
                game = classroom.tables[1].game
                assert game.orders["kestria"].move == session.view().order  # judged and kept by the host
                other.request("decide", decision=first_order(other.latest["view"], "dornland"))
                await pilot.press("space")  # end the turn; it resolves once dornland ends its own
                await pilot.pause()
                other.request("ready", phase="orders")
                await settled(pilot)
                assert game.turn_phase == "aftermath"
                assert isinstance(app.screen, TurnResultScreen)  # this team's result of the turn
                await pilot.press("enter")  # read: ready for the next turn
                other.request("ready", phase="aftermath")
                await settled(pilot)
                assert (game.turn, session.phase) == (2, "hotline")
                assert session.view().turn == 2 and session.view().actor == "kestria"
        finally:
            session.close()
            other.close()


async def test_a_team_that_rejoins_after_the_turn_resolved_sees_its_result(classroom):
    from tests.net.test_play import join_game, play_turn

    with HostThread(classroom) as host:
        where = f"127.0.0.1:{host.port}"
        scripted = await join_game(host, classroom)
        await play_turn(scripted)  # turn 1 played, read by both
        for link in scripted.values():  # turn 2 ordered and resolved: the result waits to be read
            await link.ready("hotline")
        for side, link in scripted.items():
            await link.decide(first_order((await link.sync())["view"], side))
        for link in scripted.values():
            await link.ready("orders")
        for link in scripted.values():
            await link.close()
        session = RemoteSession.connect(where, code_of(classroom, 1, "kestria"))
        try:
            async with JoinApp(session).run_test(size=(120, 40)) as pilot:
                await settled(pilot)
                assert isinstance(pilot.app.screen, TurnResultScreen)
                assert session.view().turn == 2 and session.phase == "aftermath"
        finally:
            session.close()


async def test_the_facilitator_code_opens_the_white_cell_that_follows_the_game(classroom):
    from tests.net.test_play import join_game
    from wargame.tui.remote import WatchScreen

    with HostThread(classroom) as host:
        session = RemoteSession.connect(f"127.0.0.1:{host.port}", code_of(classroom, 1, "facilitator"))
        try:
            async with JoinApp(session).run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                assert isinstance(pilot.app.screen, WatchScreen)
                assert session.facilitator_view().rung == classroom.tables[1].game.rung  # the true rung
                assert pilot.app.screen.check_action("step", ()) is False  # the host plays the computers
                for action in ("inject", "override", "pause", "news", "seats", "timer", "end"):
                    assert pilot.app.screen.check_action(action, ()) is True
                teams = await join_game(host, classroom)
                await asyncio.gather(*(link.ready("briefing") for link in teams.values()))
                assert session.link.wait_until(lambda message: message["phase"] == "hotline", timeout=30)
                await pilot.pause()
                assert session.facilitator_view().phase == "hotline"
                for link in teams.values():
                    await link.close()
        finally:
            session.close()


def test_a_host_that_does_not_answer_is_one_clear_error():
    import socket

    import pytest

    from wargame.errors import WargameError

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(WargameError, match="cannot join the host"):
        RemoteSession.connect(f"127.0.0.1:{port}", "g1-kestria-AAAA-BBBB-CCCC")


async def test_the_whole_story_reaches_a_team_only_once_the_game_is_over(classroom):
    import pytest

    from tests.net.test_play import join_game, play_turn
    from wargame.errors import WargameError

    with HostThread(classroom) as host:
        where = f"127.0.0.1:{host.port}"
        session = RemoteSession.connect(where, code_of(classroom, 1, "kestria"))
        try:
            with pytest.raises(WargameError, match="once the game is over"):
                session.facilitator_view()
            scripted = await join_game(host, classroom)
            for _ in range(20):
                if (await scripted["kestria"].sync())["phase"] == "over":
                    break
                await play_turn(scripted)
            for link in scripted.values():
                await link.close()
            assert session.link.wait_until(lambda message: message["phase"] == "over", timeout=30) is not None
            story = session.facilitator_view()
            assert story.outcome is not None and len(story.history) == len(classroom.tables[1].game.history) > 0
        finally:
            session.close()


async def test_leaving_says_the_host_keeps_the_game(classroom):
    with HostThread(classroom) as host:
        session = RemoteSession.connect(f"127.0.0.1:{host.port}", code_of(classroom, 1, "kestria"))
        try:
            async with JoinApp(session).run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                await pilot.press("q")
                await pilot.pause()
                assert "join again with your code" in screen_text(pilot.app)
                await pilot.press("enter")
                await pilot.pause()
                assert not pilot.app.is_running
        finally:
            session.close()


async def test_joining_without_a_code_asks_for_it_says_why_a_wrong_one_fails_then_shows_the_briefing(classroom):
    from tests.tui.pilot import text_when_shown
    from wargame.tui.screens.briefing import BriefingScreen
    from wargame.tui.screens.code_entry import CodeScreen

    with HostThread(classroom) as host:
        app = JoinApp(None, f"127.0.0.1:{host.port}")
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, CodeScreen)
                await pilot.press(*"g1-kestria-AAAA-BBBB-CCCC", "enter")
                assert "no game opens with this code" in await text_when_shown(pilot, "no game opens", tries=400)
                assert isinstance(app.screen, CodeScreen) and app.remote is None
                await pilot.press(*["backspace"] * 30, *code_of(classroom, 1, "kestria"), "enter")
                text = await text_when_shown(pilot, "Private briefing", tries=400)
                assert isinstance(app.screen, BriefingScreen) and "Kestria" in text
                assert app.remote.seat == "kestria"
        finally:
            if app.remote is not None:
                app.remote.close()
