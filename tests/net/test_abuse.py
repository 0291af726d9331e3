"""Bad clients: malformed, oversized and flooding messages are refused to them alone; the game goes on."""

from __future__ import annotations

import json

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.net.conftest import code_of, where
from tests.net.test_play import join_game, play_turn
from wargame.net.client import Link, Refused
from wargame.net.protocol import MAX_CLIENT_MESSAGE


async def answer_to(link: Link, raw: str) -> dict:
    await link.ws.send(raw)
    while True:
        message = json.loads(await link.ws.recv())
        if message["type"] in ("ok", "error"):
            return message


@pytest.mark.parametrize("raw, says", [
    ("not json", "not JSON"),
    ("[1, 2]", "JSON object"),
    ('{"type": "launch"}', "unknown message type"),
    ('{"type": "ready"}', "ready needs phase"),
    ('{"type": "ready", "phase": "briefing", "extra": 1}', "unknown field"),
    ('{"type": "decide", "decision": {"type": "order", "actor": "kestria"}}', "not a decision"),
    ('{"type": "decide", "decision": {"type": "override", "actor": null, "stat": "rung", "value": 9}}', "orders and messages"),
    ('{"type": "hello", "protocol": 1, "code": "x"}', "already seated"),
])
async def test_malformed_messages_get_an_error_and_the_game_goes_on(host, classroom, raw, says):
    teams = await join_game(host, classroom)
    answer = await answer_to(teams["kestria"], raw)
    assert answer["type"] == "error" and says in answer["message"]
    await play_turn(teams)
    assert classroom.tables[1].game.turn == 2


async def test_an_oversized_message_closes_only_that_connection(host, classroom):
    teams = await join_game(host, classroom)
    await teams["kestria"].ws.send(json.dumps({"type": "ping", "pad": "x" * MAX_CLIENT_MESSAGE}))
    with pytest.raises(ConnectionClosed) as closed:
        await teams["kestria"].ws.recv()
    assert closed.value.rcvd.code == 1009  # message too big
    await teams["dornland"].ready("briefing")  # the other team plays on
    teams["kestria"] = await Link.open(where(host), code_of(classroom, 1, "kestria"))  # and the team comes back
    await play_turn(teams)
    assert classroom.tables[1].game.turn == 2


async def test_a_flood_is_refused_message_by_message_and_the_game_goes_on(host, classroom):
    teams = await join_game(host, classroom)
    flood = teams["kestria"]
    for number in range(1, 301):
        await flood.ws.send(json.dumps({"type": "ping", "id": number}))
    refused = 0
    for _ in range(300):
        message = json.loads(await flood.ws.recv())
        refused += message["type"] == "error" and "too many" in message["message"]
    assert refused > 0
    await teams["dornland"].ready("briefing")
    assert classroom.tables[1].game.turn_phase == "briefing"  # waits for kestria, who was never dropped


async def test_a_client_that_never_says_hello_is_not_seated(host, classroom):
    async with connect(f"ws://{where(host)}") as ws:
        await ws.send(json.dumps({"type": "ready", "phase": "briefing"}))
        message = json.loads(await ws.recv())
        assert message["type"] == "error" and "hello" in message["message"]
        with pytest.raises(ConnectionClosed):
            await ws.recv()


async def test_an_old_protocol_is_refused_with_the_version_the_host_speaks(host, classroom):
    async with connect(f"ws://{where(host)}") as ws:
        await ws.send(json.dumps({"type": "hello", "protocol": 1, "code": code_of(classroom, 1, "kestria")}))
        answer = json.loads(await ws.recv())
        assert answer["fatal"] and "speaks protocol 2, not 1" in answer["message"]


async def test_the_facilitator_code_sees_everything_but_cannot_play_a_side(host, classroom):
    facilitator = await Link.open(where(host), code_of(classroom, 2, "facilitator"))
    assert facilitator.latest["view"]["kind"] == "facilitator"
    assert set(facilitator.latest["waiting"]) == {"kestria", "dornland"}
    with pytest.raises(Refused, match="the teams order and talk"):
        await facilitator.decide({"type": "order", "actor": "kestria", "move": "hold_position"})
    with pytest.raises(Refused, match="the teams end it"):
        await facilitator.ready("briefing")
    with pytest.raises(Refused, match="unknown inject"):
        await facilitator.decide({"type": "inject", "inject": "x"})


async def test_a_save_that_cannot_be_written_is_one_warning_and_the_game_goes_on(host, classroom, capfd):
    teams = await join_game(host, classroom)
    saved = classroom.tables[1].save_path
    saved.unlink()
    saved.mkdir()  # a folder where the save should go: writing it fails
    await teams["dornland"].ready("briefing")
    with pytest.raises(Refused, match="could not save"):
        await teams["kestria"].ready("briefing")  # the hotline opens, but the save fails
    assert teams["kestria"].latest["phase"] == "hotline"
    assert "game 1 not saved" in capfd.readouterr().err
    saved.rmdir()
    await teams["kestria"].decide({"type": "message", "sender": "kestria", "recipient": "dornland",
                                   "kind": "statement", "text": "still here"})  # the game goes on, saved again
    from wargame.saves import read_save
    assert len(read_save(saved).decisions) == len(classroom.tables[1].game.decisions)
