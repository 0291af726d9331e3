"""Which YAML scalars a scenario may hold, and the plain value each one becomes.

Only null, bool, int, float and str: no tag constructs an object, dates and
``=`` stay text. A YAML 1.1 boolean written bare (``yes``, ``off``) becomes
a bool as PyYAML reads it, and is pointed out so that a later message can
say why ``no`` turned into ``false``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import ScalarEvent
from yaml.nodes import ScalarNode

TAG = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, STR = (TAG + t for t in ("null", "bool", "int", "float", "str"))
MERGE, SEQ, MAP = TAG + "merge", TAG + "seq", TAG + "map"
_KEEP_TEXT = {TAG + "timestamp", TAG + "value"}  # dates stay strings; "=" stays "="
_CONSTRUCT = yaml.constructor.SafeConstructor()  # used only for its scalar converters
_CONVERTERS = {
    BOOL: _CONSTRUCT.construct_yaml_bool,
    INT: _CONSTRUCT.construct_yaml_int,
    FLOAT: _CONSTRUCT.construct_yaml_float,
}


class UnreadableScalar(ValueError):
    """The scalar's tag is not allowed, or its text does not read as its tag says."""


def scalar_tag(event: ScalarEvent, resolve: Callable[..., str]) -> str:
    """The scalar's tag, resolved from its text as the composer does when none is written."""
    tag = event.tag
    if tag is None or tag == "!":
        return resolve(ScalarNode, event.value, event.implicit)
    return tag


def plain_value(tag: str, text: str) -> Any:
    """The value of a scalar of ``tag`` written as ``text``; ``UnreadableScalar`` says why there is none."""
    if tag == STR or tag in _KEEP_TEXT:
        return text
    if tag == NULL:
        return None
    if tag not in _CONVERTERS:
        raise UnreadableScalar(f"unsupported tag {tag!r}")
    try:
        return _CONVERTERS[tag](ScalarNode(tag, text))
    except (KeyError, ValueError, IndexError):  # e.g. '!!bool maybe', '!!int ""', too many digits
        raise UnreadableScalar(f"cannot read {text if len(text) <= 80 else text[:79] + '…'!r} as {tag.rsplit(':', 1)[-1]}") from None


def is_yaml11_boolean(tag: str, event: ScalarEvent) -> bool:
    """A bare ``yes``/``no``/``on``/``off``: a bool only because YAML 1.1 says so."""
    return tag == BOOL and not event.style and event.value.lower() not in ("true", "false")
