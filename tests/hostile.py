"""Hostile text for the untrusted-text tests: a corpus, and a shipped scenario with it in every text field.

Shared by tests/commands/test_hostile_text.py and tests/tui/test_hostile_text.py.
"""

from __future__ import annotations

import re
from itertools import count
from pathlib import Path

import yaml

from tests.support import ROOT

CORPUS = (
    "[bold]well-formed[/bold] [red]markup[/red]",
    "East [/] land",
    "[@click=app.quit]CLICK ME[/]",
    "[@click=app.screenshot('x.svg','/tmp')]SHOT[/]",
    "title \x1b]0;pwned\x07 clipboard \x1b]52;c;cHduZWQ=\x07 clear \x1b[2J\x1b[31mred\x1b[0m",
    "C0 \x00\x01\x08\x0b\x0c\r\x1b\x7f C1 \x85\x9b[2J\x9d0;x\x9c",
    "<script>alert(1)</script><img src=http://x/y.png>",
    "| a | b |\n|---|---|\n| c | d |",
    "[link](javascript:alert(1)) ![img](http://x/y.png)",
    "fence\n```\n<script>alert(2)</script>\n# heading",
    "\u202eevil\u202c \u2066isolated\u2069",
)
SHORT = "[@click=app.quit]CLICK[/] East [/] \x1b]0;pwned\x07\x1b]52;c;eA==\x07\x1b[2J<script>alert(1)</script>" \
        "<img src=http://x/y.png>| a |](javascript:x)\x85\x9b\u202eevil\x7f\x00"
LONG = "\n".join(CORPUS) + "\n" + "A" * 3000  # scenario text fields hold at most 4000 characters
LINE_KEYS = {"name", "leader", "title", "text", "setting", "author", "threshold", "description"}
TEXT_KEYS = {"public", "private", "summary", "news"}
# raw bytes a terminal would obey; newline and tab are allowed
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _hostile(node, numbers, key=None):
    """``node`` with every free-text string replaced (ids, conditions and references left alone)."""
    if isinstance(node, dict):
        return {k: _hostile(v, numbers, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_hostile(v, numbers, key) for v in node]
    if not isinstance(node, str):
        return node
    if key == "template":
        return node + " " + SHORT[:80]
    if key in TEXT_KEYS or (key == "description" and len(node) > 200):
        return LONG
    if key in LINE_KEYS or key == "rungs":
        return f"{next(numbers)} {SHORT}"[:200]
    return node


def hostile_scenario(tmp_path: Path, name: str = "cuban-missile-crisis") -> Path:
    """A shipped scenario with hostile text in every name, description, briefing, news, message and term."""
    data = yaml.safe_load((ROOT / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8"))
    path = tmp_path / f"hostile-{name}.yaml"
    path.write_text(yaml.safe_dump(_hostile(data, count(1)), allow_unicode=False, width=10_000), encoding="utf-8")
    return path


def control_free(text: str) -> bool:
    """No control character but newline and tab (what a terminal would obey)."""
    return CONTROL.search(text) is None
