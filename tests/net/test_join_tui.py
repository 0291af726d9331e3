"""The Textual client against a real loopback host: join, read the briefing, talk, order a move."""

from __future__ import annotations

from tests.net.conftest import code_of, first_order
from tests.tui.pilot import screen_text, settle
from wargame.net.client import ThreadLink
from wargame.net.server import HostThread
from wargame.tui.remote import JoinApp, RemoteSession
from wargame.tui.screens.turn_result import TurnResultScreen


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
                await settle(pilot)
                assert session.phase == "hotline"
                await pilot.press("space")  # close the hotline
                other.request("ready", phase="hotline")
                await settle(pilot)
                assert session.phase == "orders"
                await pilot.press("home", "enter")
                await settle(pilot)
                game = classroom.tables[1].game
                assert game.orders["kestria"].move == session.view().order  # judged and kept by the host
                other.request("decide", decision=first_order(other.latest["view"], "dornland"))
                await pilot.press("space")  # end the turn; it resolves once dornland ends its own
                await pilot.pause()
                other.request("ready", phase="orders")
                await settle(pilot)
                assert game.turn_phase == "aftermath"
                assert isinstance(app.screen, TurnResultScreen)  # this team's result of the turn
                await pilot.press("enter")  # read: ready for the next turn
                other.request("ready", phase="aftermath")
                await settle(pilot)
                assert (game.turn, session.phase) == (2, "hotline")
                assert session.view().turn == 2 and session.view().actor == "kestria"
        finally:
            session.close()
            other.close()
