"""A full game through the pilot with hostile text in every scenario field and in a save.

On every screen: nothing crashes (``[/]`` is not markup), ``[@click=...]`` is
shown literally and is no action, and no control character reaches the screen.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.geometry import Region

from tests.hostile import SHORT, control_free, hostile_save, hostile_scenario
from tests.tui.pilot import screen_text, settle
from wargame.engine import Game
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.scenarios import ScenarioEntry
from wargame.tui.screens.briefing import briefing_markdown
from wargame.tui.screens.end import EndScreen
from wargame.tui.screens.turn_result import TurnResultScreen

SIZE = (120, 40)


def click_actions(app) -> set[str]:
    """The ``@click`` actions of everything drawn on the current screen."""
    found = set()
    for widget in app.screen.walk_children(with_self=True):
        if widget.region.area == 0:
            continue
        for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height)):
            for segment in strip:
                if segment.style is not None and segment.style.meta and "@click" in segment.style.meta:
                    found.add(str(segment.style.meta["@click"]))
    return found


def look(app, seen: list[str]) -> None:
    """The screen (and its toasts) shows the hostile text as text."""
    text = screen_text(app)
    assert control_free(text), [c for c in text if not control_free(c)][:5]
    assert not {a for a in click_actions(app) if "quit" in a or "screenshot" in a}
    assert app.is_running and app.return_code is None
    seen.append(text)


async def test_a_full_game_shows_hostile_scenario_text_as_text(tmp_path):
    scenario = load_scenario(hostile_scenario(tmp_path, "tutorial"))
    (tmp_path / "East [").mkdir()
    blocked = tmp_path / "East [" / "] land"  # every autosave fails, its message quoting "East [/] land"
    blocked.write_text("a file, so no saves folder can be made in it")
    app = build_app(Game(scenario, 3), scenario.actor_ids[:1], saves_dir=blocked / "saves", facilitator=True)
    app.animation_level = "none"
    seen: list[str] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        look(app, seen)  # the briefing
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("m")  # the composer lists names, moves and terms
        await pilot.pause()
        look(app, seen)
        await pilot.press("escape")
        for pane in ("tab-orders", "tab-actors", "tab-warnings", "tab-news", "tab-hotline"):
            app.screen.query_one("#tabs").active = pane
            await pilot.pause()
            look(app, seen)
        await pilot.press("f")  # the white cell: everything, every tab, the injects
        await pilot.pause()
        for pane in ("wc-crisis-tab", "wc-actors", "wc-red-lines", "wc-hotline", "wc-agreements", "wc-last-turn", "wc-news"):
            app.screen.query_one("#wc-tabs").active = pane
            await pilot.pause()
            look(app, seen)
        await pilot.press("i")
        await pilot.pause()
        look(app, seen)
        await pilot.press("escape", "escape")
        await settle(pilot)
        for _ in range(80):
            if isinstance(app.screen, EndScreen):
                break
            look(app, seen)
            if app.session.phase == "orders" and not isinstance(app.screen, TurnResultScreen):
                await pilot.press("enter")  # the highlighted move; a target or a confirmation may follow
                await pilot.pause()
                look(app, seen)
                if app.screen.__class__.__name__ == "TargetScreen":
                    await pilot.press("enter")
                    await pilot.pause()
                if app.screen.__class__.__name__ == "ConfirmScreen":
                    await pilot.press("y")
                    await pilot.pause()
            await pilot.press("space")
            await settle(pilot)
        assert isinstance(app.screen, EndScreen)
        look(app, seen)
    shown = "\n".join(seen)
    assert "[@click=app.quit]CLICK[/] East [/]" in shown and "␛]0;pwned␇" in shown
    assert "Autosave failed" in shown and "East [/] land" in shown  # the toast quoting the hostile path


async def test_a_hostile_save_on_the_title_screen_and_resumed(tmp_path):
    save = hostile_save(tmp_path)
    folder = tmp_path / "saves"
    folder.mkdir()
    save.rename(folder / save.name)
    path = hostile_scenario(tmp_path)
    scenario = load_scenario(path)
    app = build_app(None, saves_dir=folder, scenarios=lambda: [ScenarioEntry(path, scenario, "")])
    app.animation_level = "none"
    seen: list[str] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        look(app, seen)
        await pilot.press("enter")  # the side picker, every side
        await pilot.pause()
        for _ in scenario.actor_ids:
            look(app, seen)
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+o")  # the load dialog lists the save's summary
        await pilot.pause()
        look(app, seen)
        await pilot.press("escape", "tab", "enter")  # resume it from the recent saves
        await settle(pilot)
        look(app, seen)
    shown = "\n".join(seen)
    assert SHORT[:30] in shown and "Game resumed" in shown  # the toast names the save's hostile title


def test_the_briefing_makes_no_link_and_no_html(tmp_path):
    scenario = load_scenario(hostile_scenario(tmp_path, "tutorial"))
    parser = MarkdownIt("commonmark")

    def walk(tokens):
        for token in tokens:
            yield token
            yield from walk(token.children or ())

    for actor in scenario.actor_ids:
        markdown = briefing_markdown(scenario, actor)
        kinds = {token.type for token in walk(parser.parse(markdown))}
        assert not kinds & {"html_block", "html_inline", "link_open", "image", "fence", "code_block"}
        assert "[@click=app.quit]CLICK[/] East [/]" in parser.render(markdown)
