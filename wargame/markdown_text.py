"""Untrusted text inside Markdown: shown as written, never as HTML, a link or a broken table.

The reports (``debrief``, ``balance``) and the TUI's briefing put scenario and
save text into Markdown. Rendered by a forge or an editor, a name such as
``<img src=http://x/y.png>`` would load a remote image, ``<script>`` would run,
``[x](javascript:...)`` would be a link and a ``|`` or a newline would break
a table. So every piece of such text goes through one of these:

- ``inline``: one line of text; ``<`` ``>`` become ``&lt;`` ``&gt;`` (the HTML
  escape works in every renderer), ``&`` before what looks like an entity
  becomes ``&amp;``, Markdown's punctuation (emphasis, code, links, tables) is
  backslash-escaped, and a line-start marker (heading, list, quote) is neutralised.
  A ``_`` inside a word (``troops_on_bridge``) needs no escape and gets none.
  It is also safe in a table cell.
- ``block``: several lines, each made ``inline`` (paragraphs kept).
- ``code``: text inside a fenced code block (the text charts): one line, so it
  cannot close the fence.

All three also apply ``printable``: no control character reaches a file or a terminal.
"""

from __future__ import annotations

import re

from wargame.safe_text import printable

_PUNCTUATION = re.compile(r"([\\`*{}\[\]|])")
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(\s*)(?:([#+=-])|(\d+)([.)]))")


def _one_line(text: object) -> str:
    return " ".join(printable(str(text)).splitlines())


def inline(text: object) -> str:
    """``text`` as literal inline Markdown on one line (also safe in a table cell)."""
    out = _ENTITY.sub("&amp;", _one_line(text)).replace("<", "&lt;").replace(">", "&gt;")
    out = _EDGE_UNDERSCORE.sub(r"\\_", _PUNCTUATION.sub(r"\\\1", out))
    return _LINE_START.sub(_no_marker, out, count=1)


def _no_marker(match: re.Match[str]) -> str:
    """``# x`` → ``\\# x``, ``1. x`` → ``1\\. x``: a heading or list marker at the start made literal."""
    indent, marker, number, dot = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\{dot}"


def block(text: object) -> str:
    """Several lines of literal Markdown: each line ``inline`` (indentation dropped, so none is a code block)."""
    return "\n".join(inline(line.strip()) for line in printable(str(text)).split("\n"))


def code(text: object) -> str:
    """Text for one line of a fenced code block: no newline, so it cannot close the fence."""
    return _one_line(text)
