"""An edited save is refused wherever it is opened, naming the first turn that differs; a side's messages are bounded."""

from __future__ import annotations

import json

import pytest

from tests.support import play_turn, random_game, run_cli
from tests.tui.test_tui import play_args
from wargame import saves
from wargame.commands.play import build_play_app
from wargame.engine import Game, Message
from wargame.engine.hotline import MAX_MESSAGES_PER_TURN
from wargame.errors import IllegalDecision, SaveError


@pytest.fixture
def edited(cuban, tmp_path):
    """A save whose third checkpoint says USSR's resolve was 101 (an edit the decisions do not bear out)."""
    path = tmp_path / "cuban.json"
    saves.save_game(random_game(cuban, 1), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["summary"]["checkpoints"][2]["stats"]["ussr"]["resolve"] = 101
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_debrief_refuses_an_edited_save_in_one_line(edited, capsys):
    code, out, err = run_cli(capsys, "debrief", str(edited))
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "cuban.json: the replay differs from the save at turn 3: stats.ussr.resolve is 101 in the save" in err


def test_play_load_refuses_an_edited_save(edited):
    with pytest.raises(SaveError, match="differs from the save at turn 3"):
        build_play_app(play_args(load=str(edited), seed=None))


def test_an_order_swapped_for_another_legal_one_is_caught(tutorial, tmp_path):
    game = random_game(tutorial, 3)
    path = tmp_path / "t.json"
    saves.save_game(game, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    last_order = next(d for d in reversed(data["decisions"]) if d["type"] == "order" and d["move"] != "hold_position")
    last_order.update(move="hold_position", target=None)  # holding is always legal
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"t\.json: the replay differs from the save at turn \d+"):
        saves.load_game(path)


def test_an_honest_save_still_loads_everywhere(cuban, tmp_path, capsys):
    path = tmp_path / "honest.json"
    saves.save_game(random_game(cuban, 2), path)
    assert run_cli(capsys, "debrief", str(path))[0] == 0
    assert build_play_app(play_args(load=str(path), seed=None)) is not None


# ------------------------------------------------------------------ the bound on messages


def statement(sender="kestria", recipient="dornland"):
    return Message(sender=sender, recipient=recipient, kind="statement", text="We are calm.")


def test_a_side_may_send_a_bounded_number_of_messages_a_turn(tutorial):
    game = Game(tutorial, 1)
    game.proceed()  # to the hotline
    for _ in range(MAX_MESSAGES_PER_TURN):
        game.apply(statement())
    with pytest.raises(IllegalDecision, match=f"kestria has sent {MAX_MESSAGES_PER_TURN} messages this turn"):
        game.apply(statement())
    game.apply(statement("dornland", "kestria"))  # the bound is each side's
    play_turn(game)
    to_hotline(game)
    game.apply(statement())  # and each turn's


def to_hotline(game):
    while game.turn_phase != "hotline":
        game.proceed()


def test_a_save_with_too_many_messages_in_a_turn_is_refused(tutorial, tmp_path):
    game = Game(tutorial, 1)
    game.proceed()
    for _ in range(MAX_MESSAGES_PER_TURN):
        game.apply(statement())
    path = tmp_path / "chatty.json"
    saves.save_game(game, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"].append(dict(data["decisions"][-1]))
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=f"decision {MAX_MESSAGES_PER_TURN + 2} of .* the most a side may send"):
        saves.load_game(path)
