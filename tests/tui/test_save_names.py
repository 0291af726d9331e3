"""Saves and reports people can tell apart: named for the sides and the time, never overwritten, listed with who played."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import OptionList

from tests.support import play_computer_turn, random_game
from wargame import saves
from wargame.engine import Game
from wargame.tui.app import build_app
from wargame.tui.screens.load_dialog import LoadScreen, local_time
from wargame.tui.session import Session

NOON = datetime(2024, 3, 1, 12, 0)  # local time, as names show it
SAVED = "2024-03-01T11:00:00+00:00"


def test_one_seed_in_a_class_gives_each_team_its_own_report(cuban, tmp_path):
    """Two teams, one seed, the same minute: two reports, named for their sides, the first kept."""
    usa = Session.create(random_game(cuban, 7), ["usa"])
    ussr = Session.create(random_game(cuban, 7), ["ussr"])
    first = usa.write_report(tmp_path, now=NOON)
    text = first.read_text(encoding="utf-8")
    again = Session.create(random_game(cuban, 7), ["usa"]).write_report(tmp_path, now=NOON)
    other = ussr.write_report(tmp_path, now=NOON)
    assert first.name == "cuban-missile-crisis-usa-2024-03-01-1200-debrief.md"
    assert again.name == "cuban-missile-crisis-usa-2024-03-01-1200-debrief-2.md"
    assert other.name == "cuban-missile-crisis-ussr-2024-03-01-1200-debrief.md"
    assert first.read_text(encoding="utf-8") == text
    assert usa.write_report(tmp_path, now=NOON) == first  # asked again: the report already written, no copy
    assert len(list(tmp_path.iterdir())) == 3


def test_the_save_dialog_suggests_a_free_name_with_the_sides_turn_and_time(tutorial, tmp_path):
    session = Session.create(Game(tutorial, 1), ["kestria"])
    play_computer_turn(session.game)
    assert session.save_name(tmp_path, now=NOON) == "tutorial-kestria-turn2-2024-03-01-1200"
    (tmp_path / "tutorial-kestria-turn2-2024-03-01-1200.json").write_text("{}", encoding="utf-8")
    assert session.save_name(tmp_path, now=NOON) == "tutorial-kestria-turn2-2024-03-01-1200-2"


def test_saving_onto_another_games_file_keeps_it_and_saves_beside_it(tutorial, tmp_path):
    theirs = tmp_path / "ours.json"
    theirs.write_text("another team's save", encoding="utf-8")
    session = Session.create(Game(tutorial, 1), ["kestria"])
    written = session.save(theirs)
    assert written.name == "ours-2.json" and theirs.read_text(encoding="utf-8") == "another team's save"
    play_computer_turn(session.game)
    assert session.save(written) == written  # its own file: updated in place
    assert saves.read_summary(written).turn == 2


def entries(listing: OptionList) -> str:
    """The text of every entry of a list, as its lines are written (the screen wraps them)."""
    return "\n".join(str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))


def make_saves(cuban, tutorial, folder):
    """An ended hot-seat game, a game in progress for one side, and a save that does not say who played."""
    folder.mkdir()
    saves.save_game(random_game(cuban, 1), folder / "ended.json", saved_at=SAVED, players=["usa", "ussr"])
    game = Game(tutorial, 2)
    play_computer_turn(game)
    saves.save_game(game, folder / "going.json", saved_at="2024-03-01T10:00:00+00:00", players=["kestria"])
    saves.save_game(Game(tutorial, 3), folder / "unsaid.json", saved_at="2024-03-01T09:00:00+00:00")
    return game


async def test_the_load_dialog_says_who_played_the_turn_the_date_last_saved_and_the_outcome(cuban, tutorial, tmp_path):
    game = make_saves(cuban, tutorial, tmp_path / "saves")
    ended = saves.read_summary(tmp_path / "saves" / "ended.json")
    app = build_app(None, [], saves_dir=tmp_path / "saves")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        text = entries(app.screen.query_one("#saves", OptionList))
    assert "humans: United States, Soviet Union · computer: Republic of Cuba, United Nations" in text
    assert f"over: {ended.outcome} · saved {local_time(SAVED)} · ended.json" in text
    assert f"turn 2 · {game.turn_label()}" in text
    assert "humans: Republic of Kestria · computer: Dornish Federation" in text
    assert "(who played them is not recorded)" in text


async def test_the_recent_saves_on_the_title_say_who_played(cuban, tutorial, tmp_path):
    make_saves(cuban, tutorial, tmp_path / "saves")
    app = build_app(None, [], saves_dir=tmp_path / "saves")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        recent = entries(app.screen.query_one("#recent-saves", OptionList))
    assert "United States, Soviet Union" in recent and "over:" in recent
    assert f"Republic of Kestria\n  {local_time('2024-03-01T10:00:00+00:00')}" in recent  # who on a line, when under it
