"""The white cell's powers over the network: decisions, seats, the pause and phase clocks, on a real loopback host."""

from __future__ import annotations

import asyncio
import json

import pytest

from tests.net.conftest import code_of, first_order, where
from tests.net.test_play import join_game, play_turn
from tests.support import ROOT, full_state, run_cli
from wargame.engine import Timeout
from wargame.net.classroom import new_class, resume_class
from wargame.net.client import Link, Refused
from wargame.net.server import HostThread
from wargame.saves import read_save
from wargame.saves.replay import replay
from wargame.scenario.loader import load_scenario

SECRET = "a word for Kestria alone"
CLOCK = 0.3  # seconds: a phase clock short enough for a test, long enough to be seen running


async def white_cell(host, classroom, game: int = 1) -> Link:
    return await Link.open(where(host), code_of(classroom, game, "facilitator"))


async def until(link: Link, done, timeout: float = 10) -> dict:
    """The first view message (already held, or pushed later) for which ``done`` holds."""
    async def wait() -> dict:
        while link.latest is None or not done(link.latest):
            await link.next_view()
        return link.latest
    return await asyncio.wait_for(wait(), timeout)


async def to_phase(teams: dict[str, Link], phase: str) -> None:
    """Every team readies until the game is in ``phase``."""
    while (current := (await teams["kestria"].sync())["phase"]) != phase:
        await asyncio.gather(*(link.ready(current) for link in teams.values()))


async def test_a_news_item_reaches_only_its_audience_over_the_wire(host, classroom):
    teams = await join_game(host, classroom)
    facilitator = await white_cell(host, classroom)
    await facilitator.decide({"type": "news", "text": SECRET, "audience": ["kestria"]})
    await facilitator.decide({"type": "third_party", "sender": "The Secretary-General", "text": "To you both.",
                              "audience": ["kestria", "dornland"]})
    kestria, dornland = (await teams["kestria"].sync()), (await teams["dornland"].sync())
    assert any(SECRET in item["text"] for item in kestria["view"]["news"])
    assert SECRET not in json.dumps(dornland)  # nowhere in what the other team was sent
    assert any("To you both." in item["text"] for item in dornland["view"]["news"])
    await play_turn(teams)  # the game goes on
    assert classroom.tables[1].game.turn == 2


async def test_a_team_cannot_send_the_white_cells_requests_and_the_game_goes_on(host, classroom):
    teams = await join_game(host, classroom)
    kestria = teams["kestria"]
    for kind, fields in (("timer", {"phase": "orders", "seconds": 60}), ("pause", {}), ("resume", {})):
        with pytest.raises(Refused, match=f"only the facilitator's code may send {kind}"):
            await kestria.request(kind, **fields)
    for decision in ({"type": "news", "text": "fake news"}, {"type": "end", "outcome": "settled"},
                     {"type": "seat", "actor": "dornland", "holder": "computer"},
                     {"type": "override", "actor": None, "stat": "rung", "value": 9, "reason": "why not"}):
        with pytest.raises(Refused, match="orders and messages"):
            await kestria.decide(decision)
    assert len(classroom.tables[1].game.decisions) == 0 and not classroom.tables[1].paused
    await play_turn(teams)
    assert classroom.tables[1].game.turn == 2


async def test_an_override_over_the_network_needs_a_reason(host, classroom):
    facilitator = await white_cell(host, classroom)
    with pytest.raises(Refused, match="needs a reason"):
        await facilitator.decide({"type": "override", "actor": "kestria", "stat": "resolve", "value": 40})
    await facilitator.decide({"type": "override", "actor": "kestria", "stat": "resolve", "value": 40,
                              "reason": "a cabinet reshuffle"})
    assert classroom.tables[1].game.actors["kestria"].stats["resolve"] == 40


async def test_pausing_holds_the_phase_until_the_facilitator_resumes(host, classroom):
    teams = await join_game(host, classroom)
    facilitator = await white_cell(host, classroom)
    await facilitator.request("pause")
    assert (await teams["kestria"].sync())["paused"] is True
    await asyncio.gather(*(link.ready("briefing") for link in teams.values()))
    assert classroom.tables[1].phase == "briefing"  # every team is ready, but the game holds
    await facilitator.request("resume")
    assert (await teams["kestria"].sync())["phase"] == "hotline"


async def test_a_side_handed_to_the_computer_is_played_by_it_until_given_back(host, classroom):
    teams = await join_game(host, classroom)
    facilitator = await white_cell(host, classroom)
    await facilitator.decide({"type": "seat", "actor": "dornland", "holder": "computer"})
    with pytest.raises(Refused, match="last team"):  # kestria too, and the game would race to its end
        await facilitator.decide({"type": "seat", "actor": "kestria", "holder": "computer"})
    dornland = await teams["dornland"].sync()
    assert dornland["seats"]["dornland"] == "computer"
    with pytest.raises(Refused, match="handed your side to the computer"):
        await teams["dornland"].ready("briefing")
    solo = {"kestria": teams["kestria"]}
    await play_turn(solo)  # kestria alone: the computer orders for dornland
    game = classroom.tables[1].game
    assert game.turn == 2 and game.history[0].orders["dornland"]
    with pytest.raises(Refused, match="already holds"):
        await facilitator.decide({"type": "seat", "actor": "dornland", "holder": "computer"})
    assert resume_class(classroom.folder).tables[1].seats["dornland"].label == "computer"  # a restarted host too
    await facilitator.decide({"type": "seat", "actor": "dornland", "holder": "team"})
    assert set((await facilitator.sync())["waiting"]) == {"kestria", "dornland"}
    await play_turn(teams)
    assert game.turn == 3
    assert resume_class(classroom.folder).tables[1].seats["dornland"].label == "team"


async def test_a_clock_that_runs_out_with_hold_waits_and_shows_overdue(host, classroom):
    teams = await join_game(host, classroom)
    facilitator = await white_cell(host, classroom)
    await facilitator.request("timer", phase="hotline", seconds=CLOCK, policy="hold")
    await to_phase(teams, "hotline")
    running = (await teams["kestria"].sync())["clock"]
    assert running["phase"] == "hotline" and running["policy"] == "hold" and 0 < running["seconds"] <= CLOCK
    overdue = await until(teams["kestria"], lambda m: (m["clock"] or {}).get("expired"))
    assert overdue["phase"] == "hotline" and overdue["clock"]["seconds"] <= 0
    game = classroom.tables[1].game
    assert game.decisions[-1] == Timeout("hotline", "hold", ("kestria", "dornland"))
    await facilitator.request("timer", phase="hotline", add=60)  # more time: no longer overdue
    assert (await teams["kestria"].sync())["clock"]["seconds"] > 50
    await asyncio.gather(*(link.ready("hotline") for link in teams.values()))
    assert (await teams["kestria"].sync())["phase"] == "orders"


async def test_a_clock_that_runs_out_with_computer_orders_for_the_team_not_ready(host, classroom):
    teams = await join_game(host, classroom)
    facilitator = await white_cell(host, classroom)
    await facilitator.request("timer", phase="orders", seconds=CLOCK, policy="computer")
    await to_phase(teams, "orders")
    kestria = teams["kestria"]
    await kestria.decide(first_order(kestria.latest["view"], "kestria"))
    await kestria.ready("orders")  # dornland never orders: its clock runs out
    result = await until(kestria, lambda m: m["phase"] == "aftermath")
    game = classroom.tables[1].game
    assert Timeout("orders", "computer", ("dornland",)) in game.decisions
    assert game.history[0].orders["dornland"]  # the computer's order, by dornland's doctrine
    assert any("Time ran out" in item["text"] for item in (await teams["dornland"].sync())["view"]["news"])
    assert not any("Time ran out" in item["text"] for item in result["view"]["news"])  # kestria was on time


async def test_the_white_cells_decisions_replay_identically_from_the_save(tmp_path, capsys):
    cuban = load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml")
    classroom = new_class(cuban, 1, ("usa", "ussr"), seed=5, folder=tmp_path / "class")
    inject = cuban.spec.injects[0].id
    with HostThread(classroom) as host:
        facilitator = await white_cell(host, classroom)
        teams = {side: await Link.open(where(host), code_of(classroom, 1, side)) for side in ("usa", "ussr")}
        for decision in ({"type": "inject", "inject": inject},
                         {"type": "override", "actor": "ussr", "stat": "support", "value": 35, "reason": "riots"},
                         {"type": "news", "text": "Markets fall.", "audience": []},
                         {"type": "third_party", "sender": "U Thant", "text": "Stand down.", "audience": ["usa"]},
                         {"type": "seat", "actor": "ussr", "holder": "computer"}):
            await facilitator.decide(decision)
        await facilitator.request("timer", phase="orders", seconds=CLOCK, policy="computer")
        while (phase := (await teams["usa"].sync())["phase"]) != "aftermath":
            if phase != "orders":
                await teams["usa"].ready(phase)
            else:
                await until(teams["usa"], lambda m: m["phase"] != "orders")  # the clock plays usa's orders
        await facilitator.decide({"type": "seat", "actor": "ussr", "holder": "team"})
        await facilitator.decide({"type": "end", "outcome": "stalemate", "reason": "the bell rang"})
        for link in (facilitator, *teams.values()):
            await link.close()
    game = classroom.tables[1].game
    kinds = {type(d).__name__ for d in game.decisions}
    assert {"Inject", "Override", "News", "ThirdParty", "Seat", "Timeout", "End"} <= kinds
    save = read_save(classroom.tables[1].save_path)
    again = replay(save)
    assert full_state(again) == full_state(game)
    status, out, _ = run_cli(capsys, "replay", str(classroom.tables[1].save_path), "--verify")
    assert status == 0, out
    status, report, _ = run_cli(capsys, "debrief", str(classroom.tables[1].save_path))
    assert status == 0 and "the bell rang" in report and "U Thant" in report


@pytest.mark.parametrize("fields, says", [
    ({"phase": "lunch", "seconds": 60}, "not lunch"),
    ({"phase": "orders"}, "gives seconds, add or policy"),
    ({"phase": "orders", "seconds": -5}, "0 clears"),
    ({"phase": "orders", "seconds": 10 ** 6}, "at most 4 hours"),
    ({"phase": "orders", "add": 60}, "no clock runs in the orders phase"),
    ({"phase": "orders", "policy": "computer"}, "has no clock yet"),
    ({"phase": "orders", "seconds": 60, "policy": "panic"}, "hold or computer"),
])
async def test_a_timer_request_that_makes_no_sense_is_refused_and_sets_nothing(host, classroom, fields, says):
    facilitator = await white_cell(host, classroom)
    with pytest.raises(Refused, match=says):
        await facilitator.request("timer", **fields)
    assert classroom.tables[1].clock.settings == {}


async def test_a_mistyped_timer_field_is_refused_by_the_protocol(host, classroom):
    from tests.net.test_abuse import answer_to

    facilitator = await white_cell(host, classroom)
    answer = await answer_to(facilitator, json.dumps({"type": "timer", "phase": "orders", "seconds": "5:00"}))
    assert answer["type"] == "error" and "timer needs seconds (int or float)" in answer["message"]
