"""Hostile text for the untrusted-text tests: a corpus, and a shipped scenario with it in every text field.

Shared by tests/commands/test_hostile_text.py and tests/tui/test_hostile_text.py.
"""

from __future__ import annotations

import json
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


def hostile_save(tmp_path: Path, seed: int = 5) -> Path:
    """A finished game of the hostile scenario with hostile hotline messages, then a hostile version and summary."""
    from wargame.ai.autoplay import play_computers
    from wargame.engine import Game, Message
    from wargame.errors import IllegalDecision
    from wargame.saves import save_game
    from wargame.scenario.loader import load_scenario

    game = Game(load_scenario(hostile_scenario(tmp_path)), seed)
    sender, recipient = game.actor_ids[:2]
    texts = [text[:1000] for text in (*CORPUS, SHORT, "B" * 10_000)]  # the engine takes 1000 characters a message
    while not game.is_over():
        if game.turn_phase == "hotline" and texts:
            try:
                game.apply(Message(sender, recipient, "statement", texts.pop()))
            except IllegalDecision:  # a severed channel: try again next turn
                pass
        if game.turn_phase in ("hotline", "orders"):
            play_computers(game, game.actor_ids)
        game.proceed()
    path = save_game(game, tmp_path / "hostile.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["game_version"] = SHORT + "V" * 10_000  # nothing bounds a version string: a 10,000-character one
    data["summary"].update(scenario_title=SHORT, turn_label=SHORT, rung_name=SHORT, outcome_reason=LONG)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
