"""The composer by keys at 80×24: nothing empty is sent, terms tick with Space and say [x] or [ ], long terms wrap."""

from __future__ import annotations

from textual.widgets import Select, Static

from tests.support import ROOT
from tests.tui.pilot import screen_text, start
from wargame.engine import Game, Message
from wargame.scenario.loader import load_scenario
from wargame.tui.app import build_app
from wargame.tui.messages import DecisionApplied
from wargame.tui.screens.composer import ComposerScreen, TermList
from wargame.tui.screens.game import GameScreen

SIZE = (80, 24)


def app_for(tmp_path, scenario: str = "tutorial", side: str | None = None, seed: int = 3):
    game = Game(load_scenario(ROOT / "scenarios" / f"{scenario}.yaml"), seed)
    app = build_app(game, [side] if side else [], saves_dir=tmp_path / "saves")
    app.animation_level = "none"
    return app


async def open_composer(pilot) -> ComposerScreen:
    await start(pilot)
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ComposerScreen)
    return pilot.app.screen


def sent(recorded) -> list:
    return list({id(m): m.decision for m in recorded if isinstance(m, DecisionApplied) and isinstance(m.decision, Message)}.values())


def error(composer) -> str:
    return str(composer.query_one("#composer-error", Static).render())


def prompts(listing: TermList) -> list[str]:
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_enter_opens_the_kind_list_and_never_sends_an_empty_statement(tmp_path):
    app = app_for(tmp_path)
    recorded = []
    async with app.run_test(size=SIZE, message_hook=recorded.append) as pilot:
        composer = await open_composer(pilot)
        kind = composer.query_one("#kind", Select)
        assert app.focused is kind  # the dialog opens at its top
        await pilot.press("enter")
        await pilot.pause()
        assert kind.expanded and app.screen is composer and not sent(recorded)
        await pilot.press("escape")  # closes the list, not the dialog
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # to the text, and Enter with nothing typed
        await pilot.pause()
        assert app.screen is composer and not sent(recorded)
        assert error(composer) == "Not sent: type what your leader says (or choose another kind of message at the top)."
        assert app.focused is composer.query_one("#text")
        await pilot.press(*"We want calm.", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert [m.text for m in sent(recorded)] == ["We want calm."]


async def test_a_proposal_without_terms_says_what_is_missing(tmp_path):
    app = app_for(tmp_path)
    recorded = []
    async with app.run_test(size=SIZE, message_hook=recorded.append) as pilot:
        composer = await open_composer(pilot)
        await pilot.press("enter", "down", "enter", "ctrl+s")  # Proposal, sent with nothing ticked
        await pilot.pause()
        assert composer.kind == "proposal" and app.screen is composer and not sent(recorded)
        assert error(composer).startswith("Not sent: tick at least one term")
        assert app.focused is composer.query_one("#offer")


async def test_space_ticks_the_highlighted_term_at_once_and_marks_it_in_words(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        composer = await open_composer(pilot)
        await pilot.press("enter", "down", "enter")  # Proposal
        await pilot.press("tab", "tab", "tab")  # recipient, text, what you commit to
        await pilot.pause()
        offer = composer.query_one("#offer", TermList)
        assert app.focused is offer
        await pilot.press("space")
        await pilot.pause()
        first = offer.get_option_at_index(0).value
        assert offer.selected == [first]
        shown = prompts(offer)
        assert shown[0].startswith("[x] ") and all(text.startswith("[ ] ") for text in shown[1:])
        await pilot.press("space")
        await pilot.pause()
        assert offer.selected == [] and prompts(offer)[0].startswith("[ ] ")


async def test_the_field_with_the_keyboard_has_a_frame_the_others_do_not(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        composer = await open_composer(pilot)
        await pilot.press("enter", "down", "enter", "tab", "tab", "tab")
        await pilot.pause()
        offer, ask = composer.query_one("#offer"), composer.query_one("#ask")
        assert app.focused is offer
        assert offer.styles.border_top[1] != ask.styles.border_top[1]


async def test_long_terms_wrap_instead_of_being_cut(tmp_path):
    """Cuba's longest term (90 characters) is read whole at 80 columns."""
    app = app_for(tmp_path, "cuban-missile-crisis", "ussr", seed=1)
    async with app.run_test(size=SIZE) as pilot:
        composer = await open_composer(pilot)
        recipient = composer.query_one("#recipient", Select)
        recipient.value = "usa"
        await pilot.press("enter", "down", "enter")  # Proposal
        await pilot.pause()
        ask = composer.query_one("#ask", TermList)
        ask.focus()
        await pilot.pause()
        longest = max(prompts(ask), key=len)
        assert len(longest) > 76  # wider than the dialog
        index = prompts(ask).index(longest)
        ask.highlighted = index
        await pilot.pause()
        text = screen_text(app).replace("\n", " ")
        tail = longest.rsplit(" ", 3)[-3:]
        assert " ".join(tail) in " ".join(text.split())  # the end of the term is on screen, not cut off
