"""Argument types and output shared by several commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wargame.errors import WargameError
from wargame.safe_text import printable, raw_stream


def positive_int(text: str) -> int:
    """A whole number of at least 1 (runs, workers), with a plain message otherwise."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def with_progress(label: str, work, total: int):
    """Run ``work(report_progress)`` under a rich progress bar on stderr (only call it on a terminal).

    The bar writes its own escape sequences, so it gets the stream under ``printable_output``.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(printable(label), markup=False), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=raw_stream(sys.stderr)), transient=True) as bar:
        task = bar.add_task("games", total=total)
        return work(lambda done: bar.update(task, completed=done))


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output``, or to standard output when there is none.

    A file gets no control character either: it may be read with ``cat`` later.
    """
    if not output:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(printable(text), encoding="utf-8")
    except OSError as error:
        raise WargameError(f"cannot write {output}: {error.strerror or error}") from None
