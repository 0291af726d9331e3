"""Guessing codes: an address that gives too many wrong codes is shut out for a while, in the same words."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from websockets.asyncio.client import connect

from tests.net.conftest import Hands, code_of, where
from wargame.net.client import Link, Refused, address
from wargame.net.limits import CodeGuard
from wargame.net.protocol import PROTOCOL_VERSION, encode
from wargame.net.server import WRONG_CODE, Host


def test_the_guard_shuts_an_address_out_at_the_limit_within_the_window_and_lets_it_back_later():
    clock = Hands()
    guard = CodeGuard(limit=3, window=60, shut=300, clock=clock)
    for _ in range(2):
        guard.failed("10.0.0.7")
        clock.time += 1
    assert not guard.refused("10.0.0.7")
    guard.failed("10.0.0.7")
    assert guard.refused("10.0.0.7") and not guard.refused("10.0.0.8")
    clock.time += 299
    assert guard.refused("10.0.0.7")
    clock.time += 2
    assert not guard.refused("10.0.0.7")


def test_wrong_codes_spread_wider_than_the_window_never_add_up():
    clock = Hands()
    guard = CodeGuard(limit=3, window=60, shut=300, clock=clock)
    for _ in range(10):
        guard.failed("10.0.0.7")
        clock.time += 31  # at most two in any minute
    assert not guard.refused("10.0.0.7")
    assert len(guard.wrong) == 1  # forgotten addresses do not pile up


async def hello(host, code: str, via: str | None = None) -> dict:
    """One hello, raw, and the host's first answer."""
    async with connect(address(where(host))) as ws:
        await ws.send(encode("hello", protocol=PROTOCOL_VERSION, code=code, **({"via": via} if via else {})))
        return json.loads(await ws.recv())


async def test_after_too_many_wrong_codes_even_the_right_one_is_refused_in_the_same_words(host, classroom):
    clock = Hands()
    host.host.guard = CodeGuard(limit=3, window=60, shut=300, clock=clock)
    right = code_of(classroom, 1, "kestria")
    for _ in range(3):
        with pytest.raises(Refused, match=WRONG_CODE):
            await Link.open(where(host), "g1-kestria-AAAA-BBBB-CCCC")
    with pytest.raises(Refused) as refused:
        await Link.open(where(host), right)
    assert str(refused.value) == WRONG_CODE  # nothing tells a guesser it has been shut out
    clock.time += 301
    link = await Link.open(where(host), right)
    assert link.welcome["side"] == "kestria"


async def test_a_web_page_is_counted_by_its_browser_address_not_by_the_host_machine(host, classroom):
    host.host.guard = CodeGuard(limit=2, window=60, shut=300, clock=Hands())
    right = code_of(classroom, 1, "kestria")
    for _ in range(2):
        assert (await hello(host, "g1-kestria-AAAA-BBBB-CCCC", via="192.168.1.50"))["message"] == WRONG_CODE
    assert (await hello(host, right, via="192.168.1.50"))["message"] == WRONG_CODE  # that browser is shut out
    assert (await hello(host, right, via="192.168.1.51"))["type"] == "welcome"  # another browser is not
    assert (await hello(host, right))["type"] == "welcome"  # nor a terminal on this machine


def test_only_a_page_on_the_host_machine_may_name_the_browser_it_serves():
    far = SimpleNamespace(remote_address=("10.1.2.3", 5555))
    near = SimpleNamespace(remote_address=("127.0.0.1", 5555))
    assert Host._caller(far, "192.168.1.50") == "10.1.2.3"  # a remote client cannot pick its own address
    assert Host._caller(near, "192.168.1.50") == "192.168.1.50"
    assert Host._caller(near, None) == "127.0.0.1"
