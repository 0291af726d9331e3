"""The garbage collector is held while a game starts, then start-up's survivors are frozen out of later scans."""

import gc

from wargame.tui import collector


def test_start_up_holds_the_collector_and_its_release_freezes_what_survived():
    was_enabled = gc.isenabled()
    try:
        collector.hold_for_start_up()
        assert not gc.isenabled()
        kept = [[] for _ in range(1000)]  # start-up's objects, still in use
        collector.release_after_start_up()
        assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()
        gc.enable() if was_enabled else gc.disable()


def test_release_changes_nothing_when_start_up_did_not_hold_it():
    """Only ``wargame play`` holds it; an app built by a test or another command is left as it was."""
    assert gc.isenabled()
    collector.release_after_start_up()
    assert gc.get_freeze_count() == 0
