"""A real host on an ephemeral loopback port, and scripted teams that play it over the network."""

from __future__ import annotations

import pytest

from tests.support import ROOT
from wargame.net.classroom import new_class
from wargame.net.client import Link
from wargame.net.server import HostThread
from wargame.scenario.loader import load_scenario


@pytest.fixture(scope="session")
def tutorial():
    return load_scenario(ROOT / "scenarios" / "tutorial.yaml")


@pytest.fixture
def classroom(tutorial, tmp_path):
    """Two games of the tutorial, both sides played by remote teams."""
    return new_class(tutorial, 2, ("kestria", "dornland"), seed=3, folder=tmp_path / "class")


@pytest.fixture
async def host(classroom, monkeypatch):
    """The host on its own thread; the links a test opened are closed before it stops (no close to wait out)."""
    opened: list[Link] = []
    real = Link.open.__func__

    async def tracked(cls, *args, **kwargs):
        link = await real(cls, *args, **kwargs)
        opened.append(link)
        return link

    monkeypatch.setattr(Link, "open", classmethod(tracked))
    with HostThread(classroom) as running:
        yield running
        for link in opened:
            await link.close()


def where(host: HostThread) -> str:
    return f"127.0.0.1:{host.port}"


def code_of(classroom, game: int, side: str) -> str:
    return next(c.code for c in classroom.codes if c.game == game and c.side == side)


def first_order(view: dict, side: str) -> dict:
    """The first move the view offers as available, as an order decision (the scripted team's choice)."""
    option = next(o for o in view["options"] if not o["reason"])
    return {"type": "order", "actor": side, "move": option["move"],
            **({"target": option["targets"][0]} if option["targets"] else {})}


class Hands:
    """A clock face a test turns by hand (``time``): the phase clock's and the code guard's tests wait for nothing."""

    def __init__(self) -> None:
        self.time = 1000.0

    def __call__(self) -> float:
        return self.time
