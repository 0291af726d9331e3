"""Untrusted text made harmless for a terminal: control characters shown, never obeyed.

Scenario and save text comes from strangers. Written to a terminal as is,
an escape sequence in an actor's name can retitle the window (``ESC ] 0 ;``),
write the clipboard (``ESC ] 52 ;``) or clear the screen (``ESC [ 2 J``), and
a right-to-left override can make text read differently from what it is.
``printable`` shows every such character instead of sending it:

- C0 controls other than newline and tab, and DEL, become their Unicode
  "control picture" (ESC is ``␛``, BEL ``␇``, DEL ``␡``): one visible cell each;
- C1 controls (U+0080–U+009F), the bidirectional embeddings, overrides and
  isolates (U+202A–U+202E, U+2066–U+2069) and lone surrogates (which no
  terminal encoding can write) become U+FFFD ``�``.

The CLI applies it at one place, the output streams (``printable_output``),
so every command's standard output and error are covered; the TUI applies
it where it turns text into what it draws (``wargame.tui.untrusted``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

REPLACEMENT = "\ufffd"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return REPLACEMENT


def printable(text: str) -> str:
    """``text`` with every control character visible and inert (newline and tab kept)."""
    return UNSAFE.sub(_picture, text) if UNSAFE.search(text) else text


def json_printable(text: str) -> str:
    """JSON text with the characters ``printable`` would change written as ``\\uXXXX`` escapes.

    ``json.dumps(..., ensure_ascii=False)`` leaves DEL, C1 and bidi controls raw;
    inside a JSON string an escape is the same data, so ``--json`` output stays exact.
    """
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class PrintableStream:
    """A text stream that passes everything written through ``printable``.

    Anything else (``isatty``, ``encoding``, ``flush``...) is the wrapped stream's.
    """

    def __init__(self, stream: TextIO) -> None:
        self.raw = stream

    def write(self, text: str) -> int:
        return self.raw.write(printable(text))

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


def raw_stream(stream) -> TextIO:
    """The stream under a ``PrintableStream`` (for a progress bar that writes its own escapes)."""
    return getattr(stream, "raw", stream) if isinstance(stream, PrintableStream) else stream


@contextmanager
def printable_output() -> Iterator[None]:
    """While inside, ``sys.stdout`` and ``sys.stderr`` write no control character but newline and tab."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(saved[0]), PrintableStream(saved[1])  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
