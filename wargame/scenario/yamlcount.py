"""Counting a file's values before building any, so a huge flat list or map is refused at the parser's speed.

The reader (``yamlreader``) builds located values as it measures them, which
costs some ten times what parsing does; a 2 MiB file of ``- 1`` lines holds
half a million values, and building them all before the alias-expansion
bound notices took seconds and hundreds of MiB. This pass streams the
parser's events, counts the values written (keys aside) and stops at the
first one past ``MAX_WRITTEN``, having built nothing (the reader counts
too, so a small text is not parsed twice). Whatever else is wrong
with the text (syntax, a second document, nesting, too many aliases) it
leaves to the reader, which says it in its own order.
"""

from __future__ import annotations

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from wargame.scenario.yamldocument import YamlProblem, mark_location
from wargame.scenario.yamlreader import LOADER, MAX_ALIASES, MAX_DEPTH, MAX_WRITTEN, TOO_MANY

SMALL = 2 * MAX_WRITTEN
"""A text shorter than this cannot hold ``MAX_WRITTEN`` values (each takes two characters at least: ``-\\n``,
``a,``): the reader, which counts too, refuses it at little cost, and the shipped scenarios (34 KiB at most)
are not parsed twice."""

_VALUES = (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent)


def check_value_count(text: str, source: str) -> None:
    """Raise a located ``YamlProblem`` at the first value past ``MAX_WRITTEN``; anything else passes."""
    if len(text) < SMALL:
        return
    loader = LOADER(text)
    try:
        _count(loader.get_event, source)
    except yaml.YAMLError:
        return  # the reader reports it
    finally:
        loader.dispose()


def _count(next_event, source: str) -> None:
    # One entry per open collection: a mapping's says whether its next event is a key; a list's is None.
    waiting_key: list[bool | None] = []
    written = aliases = documents = 0
    while True:
        event = next_event()
        kind = event.__class__
        if kind in _VALUES:
            is_key = bool(waiting_key) and waiting_key[-1] is True
            if waiting_key and waiting_key[-1] is not None:
                waiting_key[-1] = not waiting_key[-1]
            if not is_key and kind is not AliasEvent:  # as the reader counts (aliases have their own bound)
                written += 1
                if written > MAX_WRITTEN:
                    raise YamlProblem(TOO_MANY, mark_location(event.start_mark), source)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                waiting_key.append(True if kind is MappingStartEvent else None)
                if len(waiting_key) > MAX_DEPTH:
                    return
            elif kind is AliasEvent:
                aliases += 1
                if aliases > MAX_ALIASES:
                    return
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            waiting_key.pop()
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                return
        elif kind is StreamEndEvent:
            return
