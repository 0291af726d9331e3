"""What a side may know, as a property of the screens: played as each side, no screen shows another side's secrets.

For every shipped scenario, two seeds and every side, a short game is played
through the pilot as that side, and every screen drawn before the end is
collected (the whole screen, and the full text of its text panels, which may
scroll). None may hold text only another side may know: its private
briefing, objectives or secret red lines, news not addressed to this side,
messages between others. Text is compared by runs of five words, leaving out
runs this side may read anyway (its own briefing, public text, its news), so
that a wrapped paragraph is caught line by line and shared phrases are not.
"""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from tests.support import ROOT, play_computer_turn
from tests.tui.pilot import screen_text, settle
from wargame.engine import Game, actor_view
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.screens.briefing import BriefingScreen
from wargame.tui.screens.end import EndScreen
from wargame.tui.screens.game import GameScreen
from wargame.tui.screens.turn_result import TurnResultScreen

SIZE = (100, 32)  # the panels in hidden tabs are read whole (``shown``), so a small screen misses nothing
RUN = 5
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
CASES = [(path, actor.id, seed) for path in SHIPPED for actor in load_scenario(path).spec.actors for seed in (1, 2)]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def runs(text: str) -> set[str]:
    """Every run of ``RUN`` words (the whole text when shorter)."""
    w = words(text)
    return {" ".join(w[i : i + RUN]) for i in range(max(1, len(w) - RUN + 1))} if w else set()


def public_text(scenario) -> list[str]:
    """What every side may read: the scenario's public text, moves, terms, the ladder, every declared red line."""
    spec = scenario.spec
    texts = [spec.title, spec.summary, *(t.text for t in spec.terms)]
    texts += [f"{m.name} {m.description}" for m in scenario.moves.values()]
    texts += [f"{a.name} {a.leader} {a.briefing.public}" for a in spec.actors]
    texts += [f"{a.name}'s" for a in spec.actors]  # news names actors, often as owners ("NATO (...)'s line")
    texts += [line.description for a in spec.actors for line in a.red_lines if line.declared]
    texts += [f"{b.name} {b.threshold or ''} {' '.join(b.rungs)}" for b in scenario.ladder.bands]
    return texts


def secret_runs(game: Game, actor: str, chosen: bool) -> set[str]:
    """Runs of words only other sides may know (``chosen``: this side's own secrets are allowed)."""
    spec = game.scenario.spec
    others = [a for a in spec.actors if a.id != actor or not chosen]
    secrets = [a.briefing.private for a in others]
    secrets += [o.description for a in others for o in a.objectives]
    secrets += [line.description for a in others for line in a.red_lines if not line.declared]
    secrets += [e.text for e in game.events if not e.visible_to(actor)]
    secrets += [e.message.text for e in game.envelopes if actor not in (e.message.sender, e.message.recipient)]
    allowed = public_text(game.scenario) + [game.turn_label(t) for t in range(1, spec.turns + 1)]
    allowed += [f"{rung} {name}" for rung, name in enumerate(game.rung_names)]  # how the ladder draws its rungs
    if chosen:
        me = game.scenario.actor(actor)
        allowed += [me.briefing.private, *(o.description for o in me.objectives), *(line.description for line in me.red_lines)]
        view = actor_view(game, actor)
        allowed += [e.text for e in view.news] + [e.message.text for e in (*view.inbox, *view.outbox)]
        allowed += [change.cause for change in view.my_changes]  # worded for this side: a covert cause is unnamed
    known = set().union(*map(runs, allowed))
    return set().union(*map(runs, secrets)) - known


def shown(app) -> str:
    """The screen, and the whole text of every text panel on it (scrolled out of sight or not)."""
    panels = [str(static.render()) for static in app.screen.query(Static)]
    return "\n".join([screen_text(app), *panels])


def assert_nothing_secret(app, game: Game, actor: str, chosen: bool, where: str) -> None:
    text = f" {' '.join(words(shown(app)))} "
    leaks = sorted(run for run in secret_runs(game, actor, chosen) if f" {run} " in text)
    assert not leaks, f"{where}: {actor} sees {leaks[:3]}"


async def test_the_side_picker_shows_only_what_every_side_may_see(tmp_path):
    for path in SHIPPED:
        game = Game(load_scenario(path), 1)
        app = build_app(game, [], saves_dir=tmp_path / "saves")
        app.animation_level = "none"
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("home")
            await pilot.pause()
            for actor in game.scenario.actor_ids:
                assert isinstance(app.screen, BriefingScreen) and app.screen.side == actor
                assert_nothing_secret(app, game, actor, chosen=False, where=f"{path.name} picker")
                assert "Public briefing" in screen_text(app) or not game.scenario.actor(actor).briefing.public
                await pilot.press("down")
                await pilot.pause()
            await pilot.press("end", "enter")  # take the last side: now its secrets, and only its, are shown
            await pilot.pause()
            last = game.scenario.actor_ids[-1]
            assert app.screen.locked and app.screen.side == last and "Private briefing" in screen_text(app)
            assert_nothing_secret(app, game, last, chosen=True, where=f"{path.name} chosen briefing")
            await pilot.press("escape")  # back to the list: the secrets go away again
            await pilot.pause()
            assert not app.screen.locked and "Private briefing" not in screen_text(app)


@pytest.mark.parametrize(("path", "actor", "seed"), CASES, ids=lambda v: getattr(v, "stem", str(v)))
async def test_no_screen_shows_another_sides_secrets(tmp_path, path, actor, seed):
    """Seed 1 starts at the briefing; seed 2 from turn 3 (two turns played by the computers), with more news."""
    scenario = load_scenario(path)
    for played in range(2 * (seed - 1), -1, -1):  # fewer turns when the computers would end the game first
        game = Game(scenario, seed)
        for _ in range(played):
            play_computer_turn(game)
        if not game.is_over():
            break
    app = build_app(game, [actor], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = 0
        for _ in range(4):  # the briefing or a hotline, the orders, the turn's result, the next turn
            screen = app.screen
            if isinstance(screen, EndScreen):
                break
            assert_nothing_secret(app, game, actor, chosen=True, where=f"{type(screen).__name__} {game.turn_phase}")
            seen += 1
            if isinstance(screen, BriefingScreen):
                await pilot.press("enter")
            elif isinstance(screen, TurnResultScreen):
                await pilot.press("space")
            elif isinstance(screen, GameScreen) and game.turn_phase == "orders":
                await pilot.press("enter")  # the highlighted move, first target; confirm if asked
                await pilot.pause()
                if type(app.screen).__name__ in ("TargetScreen", "ConfirmScreen"):
                    await pilot.press("enter" if type(app.screen).__name__ == "TargetScreen" else "y")
                    await pilot.pause()
                await pilot.press("space")
            else:
                await pilot.press("space")
            await settle(pilot)
        assert seen >= 3


async def test_nothing_of_one_team_survives_a_hand_over(tmp_path):
    """Hot-seat: the next team gets fresh screens, with no toast, draft, highlighted move or scroll of the last team."""
    from textual.widgets import OptionList

    from wargame.tui.screens.composer import ComposerScreen
    from wargame.tui.screens.hand_over import HandOverScreen
    from wargame.tui.widgets.news_log import NewsLog

    game = Game(load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml"), 2)
    app = build_app(game, ["usa", "ussr"], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    draft = "Tell nobody about the Jupiters"

    async def next_team() -> None:
        await settle(pilot)
        assert isinstance(app.screen, HandOverScreen) and not app._notifications
        await pilot.press("enter")
        await settle(pilot)

    async with app.run_test(size=SIZE) as pilot:
        await next_team()
        await pilot.press("enter")  # the American briefing read
        await next_team()
        await pilot.press("enter")  # the Soviet team opens the hotline and talks first
        await settle(pilot)
        await pilot.press("space")
        await next_team()
        american = app.screen
        assert isinstance(american, GameScreen) and app.session.seat == "usa"
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        await pilot.press("tab", "tab", *draft)  # past the kind and the recipient, to the text
        await pilot.pause()
        assert draft in screen_text(app)  # typed into the text: its absence later means something
        await pilot.press("escape")  # the draft is left unsent
        await pilot.pause()
        american.query_one(NewsLog).scroll_home(animate=False)
        await pilot.press("space")  # the hotline closes: the Americans order first
        await pilot.pause()
        await pilot.press("space")  # no order yet: a reminder toast for the Americans
        await pilot.pause()
        assert app._notifications
        moves = american.query_one("#moves", OptionList)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        highlighted = moves.highlighted
        await pilot.press("enter")
        await pilot.pause()
        if type(app.screen).__name__ in ("TargetScreen", "ConfirmScreen"):
            await pilot.press("enter" if type(app.screen).__name__ == "TargetScreen" else "y")
            await pilot.pause()
        await pilot.press("space")
        await next_team()
        soviet = app.screen
        assert isinstance(soviet, GameScreen) and soviet is not american and app.session.seat == "ussr"
        assert not app._notifications and draft not in shown(app) and "Choose a move first" not in shown(app)
        fresh = soviet.query_one("#moves", OptionList)
        first = next(i for i in range(fresh.option_count) if not fresh.get_option_at_index(i).disabled)
        assert fresh is not moves and fresh.highlighted == first and highlighted != first  # its own list, from the top
        assert soviet.query_one(NewsLog).scroll_offset.y == soviet.query_one(NewsLog).max_scroll_y  # at its own latest news
        assert not any(isinstance(s, ComposerScreen) for s in app.screen_stack)


def test_the_check_sees_another_sides_secrets_and_allows_ones_own():
    game = Game(load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml"), 1)
    soviet, american = (game.scenario.actor(a).briefing.private for a in ("ussr", "usa"))
    secret = secret_runs(game, "usa", chosen=True)
    assert runs(soviet) & secret and not runs(american) & secret
    assert runs(american) <= secret_runs(game, "ussr", chosen=False) | set().union(*map(runs, public_text(game.scenario)))
