"""``wargame host --web``: the page is served offline, and in a real headless Chromium a code opens the briefing.

The Chromium test is marked ``browser`` and skipped only when no Chromium is
installed (``.ci/run`` installs Debian's ``chromium``). How the page is
driven and read: tests/net/browser.py.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from tests.net.browser import Browser, chromium
from tests.net.test_host_command import HostProcess
from wargame.net.codes import read_codes


def web_host(folder: Path) -> tuple[HostProcess, str]:
    """``wargame host --web`` on free ports, and its page's address as it prints it."""
    host = HostProcess("tutorial", "--as", "kestria", "--seed", "1", "--web", "--web-port", "0", "--dir", str(folder))
    return host, host.read_until(r"browsers: (http://\S+)").group(1)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(word) for word in path.read_text().split()] if path.exists() else []


def state(pid: int) -> str:
    """The process's state letter (Z: ended, not yet reaped), or "" when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return ""


def test_the_page_is_served_from_the_host_alone(tmp_path):
    host, url = web_host(tmp_path / "class")
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            page = answer.read().decode()
        assert f'data-session-websocket-url="{url.replace("http", "ws", 1)}ws"' in page
        assert "googleapis" not in page and "https://" not in page  # a class network may have no internet
        with urllib.request.urlopen(f"{url}static/js/textual.js", timeout=30) as answer:
            assert answer.status == 200
    finally:
        out = host.stop()
    assert "host stopped" in out


@pytest.mark.browser
@pytest.mark.skipif(chromium() is None, reason="no Chromium installed (apt-get install chromium)")
async def test_a_browser_joins_with_a_code_and_reads_its_briefing(tmp_path):
    host, url = web_host(tmp_path / "class")
    browser = None
    try:
        code = next(c.code for c in read_codes(tmp_path / "class")[1] if c.side == "kestria")
        browser = await Browser(chromium()).open()
        await browser.go(url)
        assert "Join a game" in await browser.screen_showing("Join a game", timeout=40)

        wrong = "g1-kestria-AAAA-BBBB-CCCC"  # a made-up code for a real game and side
        await browser.type(wrong)
        assert wrong in await browser.screen_showing(wrong)  # as a person would: see what was typed, then Enter
        await browser.enter()
        assert "no game opens with this code" in await browser.screen_showing("no game opens", timeout=30)

        await browser.backspace(len(wrong))
        assert "AAAA" not in await browser.screen_showing(gone="AAAA")
        await browser.type(code)
        typed = await browser.screen_showing(code)
        assert code in typed, [line.strip() for line in typed.splitlines() if "▊  " in line]
        await browser.enter()
        text = await browser.screen_showing("Private briefing", timeout=40)
        assert "Republic of Kestria" in text and "Private briefing" in text  # this side's own briefing
        assert "Join a game" not in text

        pages = children(host.process.pid)  # the page's own 'wargame join', started by the host
        assert pages
        out = host.stop()  # Ctrl+C on the host, the page still open: it ends the page's app too
        assert host.process.returncode == 0 and "host stopped" in out
        assert [state(pid) for pid in pages if state(pid) not in ("", "Z")] == []
    finally:
        if browser is not None:
            await browser.close()
        if host.process.poll() is None:
            host.stop()


async def test_pages_from_one_address_are_bounded_and_the_door_ends_their_apps(host, monkeypatch):
    import aiohttp

    from wargame.net import web

    monkeypatch.setattr(web, "PAGES_PER_ADDRESS", 1)
    door = web.WebDoor(web.local_address("127.0.0.1", host.port), "127.0.0.1", 0)
    port = await door.start()
    try:
        async with aiohttp.ClientSession() as client:
            first = await client.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24")
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"http://127.0.0.1:{port}/ws")
            assert refused.value.status == 503
            [service] = door.services  # the first page's own app
            assert not first.closed
    finally:
        await door.stop()
    assert service._process.returncode is not None  # stopped with the door


def test_a_web_port_out_of_range_is_one_line_before_anything_is_written(tmp_path, capsys):
    from tests.support import run_cli

    status, _, err = run_cli(capsys, "host", "tutorial", "--web", "--web-port", "70000", "--dir", str(tmp_path / "c"))
    assert status == 1 and err == "wargame: error: --web-port takes a port from 0 to 65535, not 70000\n"
    assert not (tmp_path / "c").exists()
