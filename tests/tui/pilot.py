"""Driving the app in Textual's pilot: waiting until the computers have played and the screen has caught up."""

from __future__ import annotations


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
            return
    raise AssertionError("the computers never finished")
