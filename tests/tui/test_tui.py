"""The Textual UI through the pilot: keys in, what is shown and what reached the engine out.

Every test drives the app by key presses (as a player would) and checks two
things: the screen shows what the engine's view holds, and the human's
decisions reached the game (recorded with ``message_hook`` and read back
from ``game.decisions``).
"""

from __future__ import annotations

import argparse
import io

import pytest
from textual.widgets import OptionList, SelectionList, Static

from tests.tui.pilot import screen_text, settle, start, text_when_shown
from wargame.commands.play import build_play_app
from wargame.commands.play import run as play_run
from wargame.engine import Game, Message, Order, actor_view, facilitator_view
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.messages import DecisionApplied
from wargame.tui.screens.composer import ComposerScreen
from wargame.tui.screens.confirm_dialog import ConfirmScreen
from wargame.tui.screens.end import EndScreen
from wargame.tui.screens.game import GameScreen
from wargame.tui.screens.help import HelpScreen
from wargame.tui.screens.turn_result import TurnResultScreen
from wargame.tui.widgets.hotline_panel import HotlinePanel

SIZE = (120, 40)
TUTORIAL = "scenarios/tutorial.yaml"


def new_game(seed: int = 3, path: str = TUTORIAL) -> Game:
    return Game(load_scenario(path), seed)


def make_app(game, tmp_path, humans=()):
    app = build_app(game, list(humans), saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    return app



def applied(recorded) -> list:
    """Human decisions the screens reported, once each (a message is seen at every node it bubbles through)."""
    unique = {id(m): m for m in recorded if isinstance(m, DecisionApplied)}
    return [m.decision for m in unique.values()]


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def order_highlighted(pilot) -> None:
    """In orders: Enter on the highlighted move, choosing the first target if asked."""
    await pilot.press("enter")
    await pilot.pause()
    if pilot.app.screen.__class__.__name__ == "TargetScreen":
        await pilot.press("enter")
        await pilot.pause()
    if isinstance(pilot.app.screen, ConfirmScreen):
        await pilot.press("y")
        await pilot.pause()


async def test_play_the_tutorial_to_its_end_by_keys(tmp_path):
    game = new_game()
    app = make_app(game, tmp_path)
    recorded = []
    async with app.run_test(size=SIZE, message_hook=recorded.append) as pilot:
        await start(pilot)
        results = 0
        for _ in range(60):
            if isinstance(app.screen, EndScreen):
                break
            if isinstance(app.screen, TurnResultScreen):
                results += 1
                body = shown(app, "#result-body")
                assert "The ladder" in body and "Moves" in body
                await pilot.press("space")
            elif game.turn_phase == "hotline":
                assert app.screen.query_one("#tabs").active == "tab-hotline"
                await pilot.press("space")
            elif game.turn_phase == "orders":
                await order_highlighted(pilot)
                await pilot.press("space")
            await settle(pilot)
        assert isinstance(app.screen, EndScreen), "the game did not reach its end screen"
        assert game.is_over()
        headline = shown(app, "#end-title")
        assert game.outcome.reason in headline
        kestria = dict(game.outcome.scores)["kestria"]
        assert app.screen.query_one("#scores", Static).render() is not None
        assert f"{kestria:+d}" in screen_text(app)
        truth = shown(app, "#truth")  # the game is over: the real moves, beside what Kestria read of them
        last = game.history[-1]
        assert f"rung {last.rung_before} → {last.rung_after}" in truth
        assert game.scenario.moves[last.orders["dornland"].move].name in truth
    human_orders = [d for d in applied(recorded) if isinstance(d, Order)]
    assert results == game.outcome.turn
    assert len(human_orders) == game.outcome.turn
    logged = [d for d in game.decisions if isinstance(d, Order) and d.actor == "kestria"]
    assert logged == human_orders
    assert all(record.orders["kestria"] in human_orders for record in game.history)


async def test_a_proposal_sent_from_the_composer_is_accepted(tmp_path):
    """Dornland (tit for tat) accepts fishing access in exchange for pulling its patrols back."""
    game = new_game(seed=3)
    app = make_app(game, tmp_path)
    recorded = []
    async with app.run_test(size=SIZE, message_hook=recorded.append) as pilot:
        await start(pilot)
        await pilot.press("m")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        await pilot.press("enter", "down", "enter")  # the dialog opens on the kind: Statement -> Proposal
        await pilot.pause()
        assert composer.kind == "proposal"
        await pilot.press("tab", "tab")
        await pilot.press(*"Fishing for the bridge.")
        await pilot.press("tab")  # what we commit to
        offer = composer.query_one("#offer", SelectionList)
        for _ in range(8):
            if offer.highlighted is not None and offer.get_option_at_index(offer.highlighted).value == "shared_fishing":
                break
            await pilot.press("down")
        await pilot.press("space")
        await pilot.press("tab")  # what they commit to
        ask = composer.query_one("#ask", SelectionList)
        for _ in range(8):
            if ask.highlighted is not None and ask.get_option_at_index(ask.highlighted).value == "pull_back_patrols":
                break
            await pilot.press("down")
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen), "the composer should close once the engine took the message"
        sent = [d for d in applied(recorded) if isinstance(d, Message)]
        assert sent == [Message("kestria", "dornland", "proposal", "Fishing for the bridge.", ("shared_fishing",), ("pull_back_patrols",))]
        conversation = app.screen.query_one("#conversation", OptionList)
        assert "PROPOSAL" in str(conversation.get_option_at_index(conversation.option_count - 1).prompt)
        # close the hotline, order, end the turn, go on to the next turn: Dornland answers in its hotline
        await pilot.press("space")
        await order_highlighted(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert isinstance(app.screen, TurnResultScreen)
        await pilot.press("space")
        await settle(pilot)
        envelope = next(e for e in game.envelopes if e.message.sender == "kestria")
        assert envelope.status == "accepted"
        agreement = game.agreements[-1]
        assert set(agreement.terms) == {"shared_fishing", "pull_back_patrols"}
        hotline = app.screen.query_one(HotlinePanel)
        texts = [str(entry.text) for entry in hotline._entries]
        assert any("[accepted]" in t for t in texts)
        assert any("accepts" in t for t in texts)


async def test_a_greyed_move_cannot_be_ordered(tmp_path):
    game = new_game()
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("space")  # to orders
        await pilot.pause()
        view = actor_view(game, "kestria")
        greyed = [o for o in view.options if not o.available]
        assert greyed, "the tutorial's first turn has unavailable moves"
        moves = screen.query_one("#moves", OptionList)
        for option in greyed:
            index = moves.get_option_index(option.move.id)
            assert moves.get_option_at_index(index).disabled
            assert option.reason in str(moves.get_option_at_index(index).prompt)
        # walk the whole list by keys and press Enter everywhere: a greyed move is never highlighted
        seen = set()
        await pilot.press("home")
        for _ in range(moves.option_count):
            highlighted = moves.get_option_at_index(moves.highlighted)
            seen.add(highlighted.id)
            await pilot.press("down")
        assert not seen & {o.move.id for o in greyed}
        # clicking a greyed move does nothing either
        target = greyed[0].move.id
        line = moves._index_to_line[moves.get_option_index(target)]
        moves.scroll_to(y=line, animate=False, immediate=True)
        await pilot.pause()
        await pilot.click(moves, offset=(2, line - round(moves.scroll_offset.y)))
        await pilot.pause()
        assert game.orders.get("kestria") is None or game.orders["kestria"].move != target
        assert not any(isinstance(d, Order) and d.move in {o.move.id for o in greyed} for d in game.decisions)
        await pilot.press("space")  # ending the turn without an order only reminds
        await pilot.pause()
        assert game.turn_phase == "orders" and "kestria" not in game.orders


async def test_keys_follow_the_phase(tmp_path):
    game = new_game()
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        actions = {b.binding.action for b in screen.active_bindings.values()}
        assert "close_hotline" in actions and "compose" in actions and "end_turn" not in actions
        await pilot.press("space")
        await pilot.pause()
        actions = {b.binding.action: b.enabled for b in screen.active_bindings.values()}
        assert "compose" not in actions and "close_hotline" not in actions and actions.get("end_turn") is True
        await order_highlighted(pilot)
        assert "Your order:" in str(screen.query_one("#order-status").render())
        screen.thinking = "busy"  # while the computers think, the phase keys are greyed
        assert screen.check_action("end_turn", ()) is None
        screen.thinking = ""


async def test_help_lists_every_binding_of_the_hotline(tmp_path):
    """Every key that works on the hotline (tests/tui/test_help.py: and no other)."""
    app = make_app(new_game(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        described = [text for _, text in rows]
        working = [b for b in GameScreen.BINDINGS if b.key != "space" or b.action == "close_hotline"]
        for binding in [*working, *HotlinePanel.BINDINGS]:
            assert any(text.startswith(binding.description) for text in described), binding
        assert ("space", next(t for t in described if t.startswith("Close hotline"))) in rows
        assert "Close hotline" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, GameScreen)


async def test_resume_a_save(tmp_path):
    from wargame.ai.autoplay import play_computers
    from wargame.saves import save_game

    game = new_game(seed=5)
    for _ in range(2):  # two turns played headless, then saved in the third turn's hotline
        game.proceed()
        play_computers(game, ["dornland"])
        game.proceed()
        game.order("kestria", "quiet_dialogue", "dornland")
        play_computers(game, ["dornland"])
        game.proceed()
        assert not game.is_over()
        game.proceed()
    game.proceed()
    path = tmp_path / "saves" / "mid.json"
    path.parent.mkdir()
    save_game(game, path)
    args = play_args(seed=None, load=str(path), saves_dir=str(tmp_path / "saves"))
    app = build_play_app(args)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        resumed = app.session.game
        assert resumed.turn == 3 and resumed.turn_phase == "hotline"
        assert resumed.decisions == game.decisions
        assert "Day 3" in str(app.screen.query_one("#game-header").render())
        await pilot.press("space")
        await order_highlighted(pilot)
        assert resumed.orders["kestria"].move


@pytest.mark.parametrize(("requested", "seated"), [(None, "dornland"), ("kestria", "kestria")])
async def test_resuming_seats_the_side_played_in_the_save(tmp_path, requested, seated):
    """The save says who played (Dornland, not the scenario's default side); ``--as`` still wins."""
    from wargame.saves import read_save, save_game

    game = new_game(seed=4)
    game.proceed()
    (tmp_path / "saves").mkdir()
    path = tmp_path / "saves" / "dornish.json"
    save_game(game, path, players=["dornland"])
    app = build_play_app(play_args(actor=requested, load=str(path), saves_dir=str(tmp_path / "saves")))
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, GameScreen) and app.session.human == seated
        assert app.session.view().name in str(app.screen.query_one("#game-header").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    [saved] = (tmp_path / "saves").glob(f"tutorial-{seated}-turn1-*.json")  # named for the side played
    assert read_save(saved).players == (seated,)


async def test_resume_from_the_title_screen(tmp_path):
    from wargame.saves import save_game

    game = new_game(seed=5)
    game.proceed()
    (tmp_path / "saves").mkdir()
    save_game(game, tmp_path / "saves" / "early.json")
    app = make_app(None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TitleScreen"
        await pilot.press("tab")  # to the recent saves
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        assert app.session.game.decisions == game.decisions


async def test_quitting_asks_and_autosaves(tmp_path):
    from wargame.saves import list_saves, load_game, read_save

    game = new_game()
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep playing
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert not list_saves(tmp_path / "saves")
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    saves = list_saves(tmp_path / "saves")
    assert len(saves) == 1 and saves[0].readable
    assert load_game(saves[0].path).decisions == game.decisions
    assert read_save(saves[0].path).players == ("kestria",)


async def test_save_dialog_writes_a_save(tmp_path):
    from wargame.saves import load_game

    game = new_game()
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    [path] = (tmp_path / "saves").glob("tutorial-kestria-turn1-*.json")
    assert load_game(path).decisions == game.decisions


async def test_the_others_think_in_a_worker_thread(tmp_path, monkeypatch):
    import threading

    from wargame.tui.session import Session

    threads = []
    original = Session.computers_play

    def spy(self):
        threads.append(threading.current_thread())
        return original(self)

    monkeypatch.setattr(Session, "computers_play", spy)
    game = new_game()
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space")
        await order_highlighted(pilot)
        await pilot.press("space")
        await settle(pilot)
    assert len(threads) == 2  # the hotline, then the orders
    assert all(thread is not threading.main_thread() for thread in threads)


def test_play_refuses_a_pipe(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdout", io.StringIO())
    args = play_args("tutorial")
    assert play_run(args) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "terminal" in err


def panel_text(app, kind) -> str:
    """The text of the seated team's panel of this kind, whether on screen or in a hidden tab."""
    return "\n".join(str(panel.render()) for panel in app.screen.query(kind))


async def test_hot_seat_hands_over_and_shows_each_team_only_its_own_view(tmp_path):
    """``--as usa,ussr``: each team reads its briefing, talks and orders behind a hand-over screen."""
    from wargame.tui.screens.briefing import BriefingScreen
    from wargame.tui.screens.hand_over import HandOverScreen
    from wargame.tui.widgets.red_lines_panel import RedLinesPanel

    soviet_secret = "A full blockade that stops and boards Soviet ships"
    cuban_secret = "Moscow gives up the missiles without consulting Havana"
    app = build_play_app(play_args("cuban-missile-crisis", "usa,ussr", seed=2, saves_dir=str(tmp_path / "saves")))
    app.animation_level = "none"
    recorded = []
    async with app.run_test(size=SIZE, message_hook=recorded.append) as pilot:

        async def hand_over_to(name: str) -> None:
            await settle(pilot)
            assert isinstance(app.screen, HandOverScreen)
            text = await text_when_shown(pilot, f"Pass the keyboard to the {name} team")
            assert f"Pass the keyboard to the {name} team" in text and "Press Enter when ready" in text
            assert soviet_secret not in text and "Public briefing" not in text
            await pilot.press("enter")
            await settle(pilot)

        await app.workers.wait_for_complete()
        await hand_over_to("United States")
        assert isinstance(app.screen, BriefingScreen) and app.screen.side == "usa"
        text = screen_text(app)
        assert "Private briefing" in text and "Operation Anadyr" not in text and "Soviet Union" not in text
        await pilot.press("enter")
        await hand_over_to("Soviet Union")
        text = screen_text(app)
        assert isinstance(app.screen, BriefingScreen) and app.screen.side == "ussr"
        assert "Operation Anadyr" in text and "United States ★" not in text
        await pilot.press("enter")  # the Soviet team opens the hotline: it stays at the keyboard
        await settle(pilot)
        game = app.session.game
        assert isinstance(app.screen, GameScreen) and app.session.seat == "ussr" and game.turn_phase == "hotline"
        red_lines = panel_text(app, RedLinesPanel)
        assert soviet_secret in red_lines and cuban_secret not in red_lines
        assert "Soviet Union" in str(app.screen.query_one("#game-header").render())

        await pilot.press("space")  # the Soviet team is done talking
        await hand_over_to("United States")
        assert isinstance(app.screen, GameScreen) and app.session.seat == "usa" and game.turn_phase == "hotline"
        red_lines = panel_text(app, RedLinesPanel)
        assert soviet_secret not in red_lines and cuban_secret not in red_lines
        assert "Private briefing" not in screen_text(app)
        await pilot.press("space")  # the hotline closes; the American team orders first
        await pilot.pause()
        assert game.turn_phase == "orders" and isinstance(app.screen, GameScreen)
        await order_highlighted(pilot)
        await pilot.press("space")
        await hand_over_to("Soviet Union")
        assert app.session.seat == "ussr" and set(game.orders) == {"usa"}
        assert "Choose a move" in screen_text(app) and "Your order" not in screen_text(app)
        assert app.session.view().order is None
        await order_highlighted(pilot)
        await pilot.press("space")  # the last team ordered: the computers order and the turn resolves
        await settle(pilot)
        assert isinstance(app.screen, TurnResultScreen) and app.session.seat == "ussr" and game.history
        await pilot.press("enter")
        await hand_over_to("United States")
        assert isinstance(app.screen, TurnResultScreen) and app.session.seat == "usa"
        await pilot.press("enter")
        await settle(pilot)
        assert (game.turn, game.turn_phase, app.session.seat) == (2, "hotline", "usa")
    orders = [d for d in applied(recorded) if isinstance(d, Order)]
    assert {o.actor for o in orders} == {"usa", "ussr"}
    assert {a: o.move for a, o in game.history[0].orders.items() if a in ("usa", "ussr")} == {o.actor: o.move for o in orders}
    from wargame.saves import list_saves, read_save

    assert read_save(list_saves(tmp_path / "saves")[0].path).players == ("usa", "ussr")


def test_hot_seat_rounds_go_back_and_forth():
    """Each round reverses the last one, so the team at the keyboard starts the next round."""
    from wargame.tui.session import Session

    game = new_game(path="scenarios/cuban-missile-crisis.yaml")
    session = Session.create(game, ["usa", "ussr", "cuba"])
    seen = [session.seat]
    while (nxt := session.finish_sitting()) is not None:
        seen.append(nxt)
    assert seen == ["usa", "ussr", "cuba"]  # the briefings
    game.proceed()
    seen = [session.seat]
    while (nxt := session.finish_sitting()) is not None:
        seen.append(nxt)
    assert seen == ["cuba", "ussr", "usa"]  # the hotline
    assert session.waiting() == ()  # everyone is done until the phase changes
    game.proceed()
    assert session.waiting() == ("usa", "ussr", "cuba")  # the orders
    with pytest.raises(Exception, match="twice"):
        from wargame.tui.sides import parse_sides

        parse_sides("usa,usa")


def facilitated(scenario, actor, tmp_path, seed=2):
    app = build_play_app(play_args(scenario, actor, seed=seed, facilitator=True, saves_dir=str(tmp_path / "saves")))
    app.animation_level = "none"
    return app


async def test_the_facilitator_watches_and_steps_a_computer_game(tmp_path):
    """``--facilitator`` alone: the white cell is the game; space plays one turn, and it is autosaved."""
    from wargame.saves import list_saves, read_save
    from wargame.tui.screens.facilitator import FacilitatorScreen

    app = facilitated("tutorial", None, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, FacilitatorScreen) and app.session.watching and app.session.paused
        game = app.session.game
        assert (game.turn, game.turn_phase, game.decisions) == (1, "briefing", [])
        shown = await text_when_shown(pilot, "WHITE CELL", "computers paused")
        assert "WHITE CELL" in shown and "computers paused" in shown
        await pilot.press("space")
        await settle(pilot)
        assert (game.turn, game.turn_phase) == (2, "briefing") and len(game.history) == 1
        assert set(game.history[0].orders) == set(game.actor_ids)
        await pilot.press("6")  # the last turn, with its actual orders
        moves = {game.scenario.moves[o.move].name for o in game.history[0].orders.values()}
        shown = await text_when_shown(pilot, *moves)
        assert all(name in shown for name in moves)
        for _ in range(game.scenario.spec.turns):
            if game.is_over():
                break
            await pilot.press("space")
            await settle(pilot)
        await pilot.press("1")  # the crisis tab, at 80 columns
        over = f"Over on turn {game.outcome.turn}: {game.outcome.kind}" if game.outcome else "(still going)"
        assert game.is_over() and over in await text_when_shown(pilot, over)
        await pilot.press("r")  # the after-action report
        await pilot.pause()
    saves = list_saves(tmp_path / "saves")
    assert len(saves) == 1 and read_save(saves[0].path).players == ()
    assert len(list((tmp_path / "saves").glob("*-debrief.md"))) == 1


async def test_a_fired_inject_changes_the_game_and_reaches_the_news(tmp_path):
    """``--as usa --facilitator``: f opens the white cell over the game; i fires an inject through Game.apply."""
    from wargame.engine import Inject
    from wargame.tui.screens.facilitator import FacilitatorScreen
    from wargame.tui.screens.inject_dialog import InjectScreen
    from wargame.tui.widgets.news_log import NewsLog

    app = facilitated("cuban-missile-crisis", "usa", tmp_path)
    recorded = []
    async with app.run_test(size=SIZE, message_hook=recorded.append) as pilot:
        await app.workers.wait_for_complete()
        await start(pilot)
        game = app.session.game
        inject = game.scenario.spec.injects[0]
        rung, credibility = game.rung, game.actors["usa"].stats["credibility"]
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen) and not app.screen.watch
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InjectScreen)
        await pilot.press("enter")  # the first inject
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen)
        assert game.fired == {inject.id: game.turn} and game.decisions[-1] == Inject(inject.id)
        assert game.rung == rung + inject.effects.rung
        assert game.actors["usa"].stats["credibility"] == credibility + inject.effects.stats["usa"].credibility
        await pilot.press("7")  # the facilitator's news
        await pilot.pause()
        headline = " ".join(inject.news.split())[:40]
        assert headline in " ".join(screen_text(app).split())
        await pilot.press("i")  # an inject fires once: the spent one is greyed out
        await pilot.pause()
        assert app.screen.query_one("#injects", OptionList).get_option(inject.id).disabled
        await pilot.press("escape", "escape")  # close the dialog, then the white cell
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        news = " ".join(str(body.render()) for log in app.screen.query(NewsLog) for body in log.query(".news-body"))
        assert headline in " ".join(news.split())  # the players' news too
    assert Inject(inject.id) in applied(recorded)


async def test_an_override_lands_in_the_decision_log(tmp_path):
    """o: pick the Soviet Union, its credibility, type a value and a reason; a value out of range is refused in the dialog."""
    from wargame.engine import Override
    from wargame.tui.screens.override_dialog import OverrideScreen

    app = facilitated("cuban-missile-crisis", "usa", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await start(pilot)
        game = app.session.game
        await pilot.press("f", "o")
        await pilot.pause()
        assert isinstance(app.screen, OverrideScreen)
        await pilot.press("down", "down", "tab", "down", "tab")  # Soviet Union, credibility, the value
        await pilot.press("1", "5", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OverrideScreen) and "Give a reason" in screen_text(app)
        await pilot.press(*"drill", "enter")  # typed into the reason, which Enter focused
        await pilot.pause()
        assert isinstance(app.screen, OverrideScreen) and "0 to 100" in screen_text(app)
        assert not any(isinstance(d, Override) for d in game.decisions)
        await pilot.press("backspace", "backspace", "backspace", "1", "2", "enter")  # back in the value
        await pilot.pause()
        assert game.decisions[-1] == Override("ussr", "credibility", 12, "drill")
        assert game.actors["ussr"].stats["credibility"] == 12
        await pilot.press("7")
        await pilot.pause()
        assert "The facilitator set Soviet Union: credibility" in " ".join(screen_text(app).split())  # the engine's news of it


async def test_pausing_holds_the_computers_until_the_facilitator_resumes(tmp_path):
    from wargame.tui.screens.facilitator import FacilitatorScreen

    app = facilitated("tutorial", "kestria", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await start(pilot)
        game = app.session.game
        await pilot.press("f", "p", "escape")
        await pilot.pause()
        await pilot.press("space")  # to orders
        await order_highlighted(pilot)
        await pilot.press("space")  # end the turn: the computers are held
        await settle(pilot)
        assert isinstance(app.screen, GameScreen) and game.turn_phase == "orders" and not game.history
        assert "Paused by the facilitator" in str(app.screen.query_one("#game-header").render())
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen) and "computers paused" in screen_text(app)
        await pilot.press("p", "escape")  # resume and go back: the held turn resolves
        await settle(pilot)
        assert isinstance(app.screen, TurnResultScreen) and len(game.history) == 1


async def test_the_white_cell_key_exists_only_in_facilitator_mode(tmp_path):
    app = make_app(new_game(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and "White cell" not in screen_text(app)


def play_args(scenario=None, actor=None, **options) -> argparse.Namespace:
    values = dict(scenario=scenario, actor=actor, seed=1, load=None, from_turn=None, saves_dir=None, facilitator=False)
    values.update(options)
    return argparse.Namespace(**values)


async def test_play_opens_the_scenario_behind_its_first_frame(tmp_path, monkeypatch):
    """The briefing screen is drawn before the scenario loads (start is not offered yet), then it fills in."""
    from wargame.tui.opening import Opening
    from wargame.tui.screens.briefing import BriefingScreen

    app = build_play_app(play_args("tutorial", saves_dir=str(tmp_path / "saves")))
    app.animation_level = "none"
    while_opening = []
    original = Opening.scenario

    def watched(self):
        screen = app.screen
        while_opening.append((type(screen), screen.scenario, screen.check_action("start", ()), screen_text(app)))
        return original(self)

    monkeypatch.setattr(Opening, "scenario", watched)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):  # the opening runs after the first refresh, however long a loaded machine takes to it
            await pilot.pause()
            if while_opening and "Take this side" in screen_text(app):
                break
        [(kind, scenario, can_start, text)] = while_opening
        assert kind is BriefingScreen and scenario is None and can_start is False
        assert "Opening tutorial…" in text and "Take this side" not in text
        text = screen_text(app)
        assert "Public briefing" in text and "Republic of Kestria" in text and "Opening" not in text
        assert "Take this side" in text and "Private briefing" not in text
        await pilot.press("enter")
        await pilot.pause()
        assert "Start as this side" in screen_text(app) and "Private briefing" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen) and app.session.human == "kestria"


async def test_a_scenario_opened_behind_the_too_small_notice_is_shown_once_there_is_room(tmp_path):
    """The briefing may lie under the "enlarge the terminal" notice while the scenario opens: it fills in there,
    and the game it starts is the same briefing's, not a second one pushed on top."""
    from wargame.tui.screens.briefing import BriefingScreen

    app = build_play_app(play_args("tutorial", saves_dir=str(tmp_path / "saves")))
    app.animation_level = "none"
    async with app.run_test(size=(60, 20)) as pilot:
        for _ in range(100):
            await pilot.pause()
            if app.game_ready:
                break
        assert app.game_ready and "80×24" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        text = await text_when_shown(pilot, "Take this side")
        assert "Public briefing" in text and "Take this side" in text
        assert sum(isinstance(screen, BriefingScreen) for screen in app.screen_stack) == 1


@pytest.mark.parametrize(
    ("scenario", "actor", "message"),
    [("tutorial", "atlantis", "no actor 'atlantis'"), ("atlantis", None, "atlantis: no scenario of that name")],
)
async def test_play_reports_a_mistake_found_while_opening(scenario, actor, message, monkeypatch, capsys):
    """A wrong side or scenario ends the app; ``run`` raises it, so the CLI prints one line and exits 1."""
    from wargame.cli import main
    from wargame.tui.app import WargameApp

    app = build_play_app(play_args(scenario, actor))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1 and message in str(app.failure)

    failed = app.failure
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(WargameApp, "run", lambda self: setattr(self, "failure", failed))
    assert main(["play", scenario] + (["--as", actor] if actor else [])) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_the_first_frame_imports_neither_engine_nor_scenario_models():
    """``wargame play NAME`` draws before loading pydantic and the engine (the first-frame budget)."""
    import subprocess
    import sys

    code = (
        "import sys; from wargame.cli import build_parser; import wargame.tui.app, wargame.tui.screens.briefing;"
        "print(sorted(m for m in ('pydantic', 'yaml', 'wargame.engine', 'wargame.scenario.model', 'markdown_it')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


async def test_the_end_screen_writes_the_after_action_report(tmp_path):
    from wargame.ai.autoplay import play_to_end

    game = play_to_end(new_game(seed=2))
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EndScreen)
        assert game.outcome.kind in screen_text(app).lower()
        await pilot.press("r")
        await pilot.pause()
    reports = list((tmp_path / "saves").glob("*-debrief.md"))
    assert len(reports) == 1
    assert game.scenario.spec.title in reports[0].read_text()


async def test_the_move_detail_shows_how_the_ladder_will_count_the_move(tmp_path):
    """Preventive diplomacy early, and talk being cheap, are visible before the order: the detail pane says
    how far the ladder would count the move now, and why."""
    game = new_game()
    app = make_app(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)

        async def highlight(move_id: str) -> str:
            moves = screen.query_one("#moves", OptionList)
            moves.highlighted = moves.get_option_index(move_id)
            await pilot.pause()
            return str(screen.query_one("#move-detail").render())

        await pilot.press("space")  # to orders
        await pilot.pause()
        detail = await highlight("quiet_dialogue")
        assert "Counts ▼1.5 now toward Dornish Federation: preventive diplomacy at this rung ×1.5" in detail
        await order_highlighted(pilot)
        assert game.orders["kestria"].move == "quiet_dialogue"
        await pilot.press("space")  # end the turn
        await settle(pilot)
        while game.turn_phase != "orders":
            await pilot.press("space")
            await settle(pilot)
        assert game.turn == 2
        assert "played 1× in the last 3 turns ×0.5" in await highlight("quiet_dialogue")


async def test_hotline_tabs_fit_four_actors_at_140_columns(tmp_path):
    """Tab labels carry a mark, not a word, for a channel that is not open, so the Cuban crisis's three
    counterparts fit side by side in a 140-column terminal; the hotline opens on one that can be written to,
    and the hint says a severed channel in words."""
    game = Game(load_scenario("scenarios/cuban-missile-crisis.yaml"), 1)
    app = make_app(game, tmp_path, humans=["usa"])
    async with app.run_test(size=(140, 44)) as pilot:
        await start(pilot)
        labels = [str(tab.label) for tab in app.screen.query("#counterparts Tab")]
        assert labels == ["Soviet Union ✕", "Republic of Cuba ✕", "United Nations"]
        text = screen_text(app)
        assert all(label in text for label in labels)
        panel = app.screen.query_one(HotlinePanel)
        assert panel.counterpart == "un" and app.screen.query_one("#counterparts").active == "with-un"
        await pilot.click("#with-cuba")
        await pilot.pause()
        assert panel.counterpart == "cuba"
        assert "The channel to Republic of Cuba is severed" in screen_text(app)


def test_gestures_are_made_toward_and_pressure_against():
    """The turn report says a summit was held toward its target, a blockade aimed against it."""
    from wargame.tui.text import aimed_at

    moves = load_scenario("scenarios/cuban-missile-crisis.yaml").moves
    assert aimed_at(moves["summit"], "Republic of Cuba") == " toward Republic of Cuba"
    assert aimed_at(moves["naval_blockade"], "you") == " against you"
    assert aimed_at(None, "you") == " toward you"  # a move the view cannot name is not called hostile


def test_the_white_cell_shows_what_the_ladder_counted_of_each_move(repeated_concessions):
    """The facilitator sees a repeated concession count half of its weight, and a move counted in full as it is."""
    from wargame.tui.white_cell import last_turn_text

    game = repeated_concessions(2)
    counted = game.history[-1].escalation["kestria"]
    assert counted == pytest.approx(-1.0, abs=0.1)  # half, and a little less: the first concession won some trust
    text = last_turn_text(facilitator_view(game)).plain
    assert "Offer a concession → Dornish Federation  (−1 of its −2)" in text
    assert "Hold position  (±0)" in text
