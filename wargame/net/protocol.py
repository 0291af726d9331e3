"""The wire messages: JSON objects with a ``type``, checked strictly on arrival.

A client's first message is ``hello`` (the protocol version and a join
code); then ``decide`` (one decision), ``ready`` (done with a phase) and
``ping``; the facilitator's code also ``pause``, ``resume`` and ``timer``. The host answers every request with ``ok`` or ``error`` (``re``
names the request's ``id``) and pushes ``view`` whenever the game changes.
See docs/protocol.md.
"""

from __future__ import annotations

import json
from typing import Any

PROTOCOL_VERSION = 2  # 2: the white cell's powers, the phase clock and seats in every view
MAX_CLIENT_MESSAGE = 16 * 1024
"""Bytes in one message from a client: a decision is a few hundred; the transport closes the connection above."""
MAX_HOST_MESSAGE = 4 * 1024 * 1024
"""Bytes in one message from the host: a late-game view of the largest shipped scenario is well under this."""

CLIENT_TYPES = {
    "hello": {"protocol": int, "code": str},
    "decide": {"decision": dict},
    "ready": {"phase": str},
    "ping": {},
    "pause": {},
    "resume": {},
    "timer": {"phase": str},
}
OPTIONAL = {
    "hello": {"via": str},
    "timer": {"seconds": (int, float), "add": (int, float), "policy": str},
}
"""Fields a type may carry or leave out (each checked like the others when present): ``via`` names the browser
a ``--web`` page serves (see ``wargame.net.web``)."""


class ProtocolError(ValueError):
    """A message that is not one of the protocol's: refused with an error, the connection kept."""


def encode(kind: str, **fields: Any) -> str:
    return json.dumps({"type": kind, **fields}, separators=(",", ":"))


def decode_client(raw: str | bytes) -> dict[str, Any]:
    """A client's message as a dict of the fields its type declares (plus an optional whole ``id``)."""
    if isinstance(raw, bytes):
        raise ProtocolError("send text frames of JSON, not binary")
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        raise ProtocolError("not JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("a message is a JSON object")
    kind = data.get("type")
    if kind not in CLIENT_TYPES:
        raise ProtocolError(f"unknown message type {str(kind)[:20]!r}")
    fields = CLIENT_TYPES[kind]
    request = data.get("id")
    if request is not None and (isinstance(request, bool) or not isinstance(request, int)):
        raise ProtocolError("id must be a whole number")
    optional = OPTIONAL.get(kind, {})
    if unknown := sorted(set(data) - set(fields) - set(optional) - {"type", "id"}):
        raise ProtocolError(f"unknown field {unknown[0][:20]!r} in {kind}")
    for name, wanted in [*fields.items(), *((n, t) for n, t in optional.items() if n in data)]:
        value = data.get(name)
        if not isinstance(value, wanted) or isinstance(value, bool):
            kinds = wanted if isinstance(wanted, tuple) else (wanted,)
            raise ProtocolError(f"{kind} needs {name} ({' or '.join(k.__name__ for k in kinds)})")
    return data


def decode_host(raw: str | bytes) -> dict[str, Any]:
    """A host's message (the client trusts the host it chose, but still wants an object with a type)."""
    data = json.loads(raw)
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ProtocolError("the host sent something that is not a message")
    return data
