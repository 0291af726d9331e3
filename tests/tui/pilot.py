"""Driving the app in Textual's pilot: waiting until the computers have played and the screen has caught up."""

from __future__ import annotations

import html
import re


async def settle(pilot, clear_toasts: bool = False) -> None:
    """Wait for the computers' worker and the refresh that follows it.

    ``clear_toasts`` drops notifications too, for snapshots: their timing is not part of the picture.
    """
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not getattr(pilot.app.screen, "thinking", "") and not pilot.app.workers._workers:
            if clear_toasts:
                pilot.app.clear_notifications()
                await pilot.pause()
            await drawn(pilot)
            return
    raise AssertionError("the computers never finished")


async def drawn(pilot, tries: int = 40) -> None:
    """Wait until two frames in a row show the same text: on a loaded machine a new screen's first frame can come
    a few refreshes after the screen was pushed (CI once read a hand-over screen that showed only its title)."""
    before = screen_text(pilot.app)
    for _ in range(tries):
        await pilot.pause(0.02)
        now = screen_text(pilot.app)
        if now == before:
            return
        before = now


def screen_text(app) -> str:
    """The text on the screen, read from an SVG export (tags dropped, spaces restored)."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return html.unescape("".join(texts)).replace("\xa0", " ")


async def text_when_shown(pilot, *wanted: str, tries: int = 100) -> str:
    """The screen's text once every ``wanted`` piece is on it (or after ``tries`` pauses): a loaded machine
    may need more than one refresh before a new screen's first frame is drawn."""
    text = screen_text(pilot.app)
    for _ in range(tries):
        if all(piece in text for piece in wanted):
            break
        await pilot.pause(0.05)
        text = screen_text(pilot.app)
    return text



async def start(pilot):
    """From the side picker into the first hotline: take the highlighted side (unless ``--as`` fixed it), start the
    game, let the computers play; the game screen."""
    from wargame.tui.screens.game import GameScreen

    for _ in range(100):  # the game starts a frame after its briefing is drawn
        await pilot.pause()
        if pilot.app.game_ready:
            break
    if not pilot.app.screen.locked:
        await pilot.press("enter")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GameScreen)
    return pilot.app.screen
