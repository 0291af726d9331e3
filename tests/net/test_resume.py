"""The host stopped mid-game and started again on the class folder: every game where it was, the same codes."""

from __future__ import annotations

import asyncio
import json

from tests.net.conftest import code_of, where
from tests.net.test_play import join_game, play_turn
from tests.support import run_cli
from wargame.net.classroom import resume_class
from wargame.net.client import Link
from wargame.net.server import HostThread


async def test_a_stopped_host_resumes_every_game_with_the_same_codes(host, classroom):
    for game in (1, 2):
        teams = await join_game(host, classroom, game)
        for _ in range(game):
            await play_turn(teams)
        await teams["kestria"].ready("hotline")  # mid-phase: one team ready, the other not
    before = {n: (t.game.turn, t.phase, len(t.game.decisions)) for n, t in classroom.tables.items()}
    host.stop()

    again = resume_class(classroom.folder)
    assert again.codes == classroom.codes
    assert {n: (t.game.turn, t.phase, len(t.game.decisions)) for n, t in again.tables.items()} == before
    with HostThread(again) as restarted:
        teams = {side: await Link.open(where(restarted), code_of(classroom, 1, side)) for side in ("kestria", "dornland")}
        assert teams["kestria"].latest["turn"] == 2 and teams["kestria"].latest["phase"] == "hotline"
        await play_turn(teams)
        assert again.tables[1].game.turn == 3
        await asyncio.gather(*(link.close() for link in teams.values()))


def test_codes_json_lists_every_game_side_and_facilitator(classroom):
    data = json.loads((classroom.folder / "codes.json").read_text())
    rows = {(row["game"], row["side"]) for row in data["codes"]}
    assert rows == {(g, s) for g in (1, 2) for s in ("kestria", "dornland", "facilitator")}
    codes = [row["code"] for row in data["codes"]]
    assert len(set(codes)) == len(codes)
    assert all(row["code"].startswith(f"g{row['game']}-{row['side']}-") for row in data["codes"])
    assert all((classroom.folder / game["save"]).is_file() for game in data["games"])


def test_host_refuses_a_folder_that_is_not_a_class(tmp_path, capsys):
    status, _, err = run_cli(capsys, "host", "--resume", str(tmp_path))
    assert status == 1 and "not a class folder" in err


def test_host_refuses_an_unknown_side(tmp_path, capsys):
    status, _, err = run_cli(capsys, "host", "tutorial", "--as", "atlantis", "--dir", str(tmp_path / "c"))
    assert status == 1 and "no actor 'atlantis'" in err
