"""Loopback games: real host, real websocket clients, the teams scripted."""

from __future__ import annotations

import asyncio

import pytest

from tests.net.conftest import code_of, first_order, where
from wargame.net.client import Link, Refused


async def phase_of(teams: dict[str, Link]) -> str:
    """The phase every team sees, once each has read what the host pushed."""
    phases = {(await link.sync())["phase"] for link in teams.values()}
    assert len(phases) == 1, phases
    return phases.pop()


async def play_turn(teams: dict[str, Link]) -> None:
    """Every team readies through briefing and hotline, orders, ends the turn and reads the result."""
    phase = await phase_of(teams)
    while phase in ("briefing", "hotline"):
        await asyncio.gather(*(link.ready(phase) for link in teams.values() if not link.latest["ready"]))
        phase = await phase_of(teams)
    for side, link in teams.items():
        await link.decide(first_order(link.latest["view"], side))
    await asyncio.gather(*(link.ready("orders") for link in teams.values()))
    if await phase_of(teams) == "aftermath":
        await asyncio.gather(*(link.ready("aftermath") for link in teams.values()))


async def join_game(host, classroom, game: int = 1) -> dict[str, Link]:
    return {side: await Link.open(where(host), code_of(classroom, game, side)) for side in ("kestria", "dornland")}


async def test_two_remote_teams_play_a_game_to_its_end(host, classroom):
    teams = await join_game(host, classroom)
    facilitator = await Link.open(where(host), code_of(classroom, 1, "facilitator"))
    for _ in range(20):
        if teams["kestria"].latest["phase"] == "over":
            break
        await play_turn(teams)
    for link in teams.values():
        assert link.latest["phase"] == "over"
        assert link.latest["final"]["kind"] == "facilitator"  # the whole story, once nothing is hidden
    table = classroom.tables[1]
    assert table.game.is_over()
    # the save holds every decision, as it happened
    from wargame.saves import read_save
    assert len(read_save(table.save_path).decisions) == len(table.game.decisions)
    await asyncio.wait_for(_drain(facilitator), 10)
    assert facilitator.latest["view"]["kind"] == "facilitator"
    assert classroom.tables[2].game.turn == 1  # the other game waits, untouched


async def _drain(link: Link) -> None:
    while link.latest["phase"] != "over":
        await link.next_view()


async def test_each_team_gets_only_its_own_view_and_acts_only_for_its_side(host, classroom):
    teams = await join_game(host, classroom)
    assert teams["kestria"].latest["view"]["actor"] == "kestria"
    assert teams["dornland"].latest["view"]["actor"] == "dornland"
    await asyncio.gather(*(link.ready("briefing") for link in teams.values()))
    await asyncio.gather(*(link.ready("hotline") for link in teams.values()))
    order = first_order(teams["dornland"].latest["view"], "dornland")
    with pytest.raises(Refused, match="plays kestria"):
        await teams["kestria"].decide(order)
    with pytest.raises(Refused, match="ready"):
        await teams["kestria"].decide({"type": "proceed", "phase": "orders"})
    assert "dornland" not in classroom.tables[1].game.orders
    await teams["kestria"].decide(first_order(teams["kestria"].latest["view"], "kestria"))
    assert teams["kestria"].latest["view"]["order"] is not None
    assert teams["dornland"].latest["view"]["order"] is None  # its own view: no sight of kestria's order


async def test_out_of_turn_messages_are_refused_and_the_game_goes_on(host, classroom):
    teams = await join_game(host, classroom)
    with pytest.raises(Refused, match="briefing phase, not orders"):
        await teams["kestria"].ready("orders")
    with pytest.raises(Refused):
        await teams["kestria"].decide(first_order(teams["kestria"].latest["view"], "kestria"))
    await play_turn(teams)
    assert classroom.tables[1].game.turn == 2


async def test_a_wrong_code_is_refused_the_same_way_whether_or_not_its_game_exists(host, classroom):
    real = code_of(classroom, 1, "kestria")
    answers = []
    for code in (real[:-1] + ("2" if real[-1] != "2" else "3"), "g9-kestria-AAAA-BBBB-CCCC", "nonsense"):
        with pytest.raises(Refused) as refused:
            await Link.open(where(host), code)
        answers.append(str(refused.value))
    assert len(set(answers)) == 1 and "no game opens with this code" in answers[0]


async def test_a_team_reconnects_and_finds_the_game_as_it_left_it(host, classroom):
    teams = await join_game(host, classroom)
    await asyncio.gather(*(link.ready("briefing") for link in teams.values()))
    await teams["kestria"].close()
    await teams["dornland"].ready("hotline")
    await teams["dornland"].decide({"type": "message", "sender": "dornland", "recipient": "kestria",
                                    "kind": "statement", "text": "while you were away"})
    again = await Link.open(where(host), code_of(classroom, 1, "kestria").lower())  # typed in lower case
    assert again.latest["phase"] == "hotline" and again.latest["ready"] is False
    assert again.latest["view"]["actor"] == "kestria"
    assert any(e["message"]["text"] == "while you were away" for e in again.latest["view"]["inbox"])
    teams["kestria"] = again
    await play_turn(teams)
    assert classroom.tables[1].game.turn == 2
