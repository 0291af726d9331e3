"""How much a client may send: a token bucket per connection, and a count of wrong codes per address.

A team clicking sends a few messages a second; a runaway or hostile client
sending thousands is refused message by message (an error to it alone)
while the host and the other teams go on. An address that keeps trying
wrong codes is shut out for a while (``CodeGuard``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

RATE = 20.0  # messages a second, on average
BURST = 40  # messages at once
TOO_MANY = "too many messages: slow down"  # the refusal of a message over the rate; it may be sent again later


@dataclass
class Bucket:
    rate: float = RATE
    burst: float = BURST
    tokens: float = BURST
    stamp: float = field(default_factory=time.monotonic)

    def take(self) -> bool:
        """True when one more message is allowed now."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


WRONG_CODES = 10  # wrong codes from one address...
WRONG_WINDOW = 60.0  # ...within this many seconds...
SHUT_OUT = 300.0  # ...and that address is refused this long


@dataclass
class CodeGuard:
    """Wrong codes per address: past ``limit`` within ``window`` seconds, every hello from it is refused for ``shut``.

    A code has 60 random bits, so guessing is hopeless anyway; this keeps a
    script from even trying, at the cost of at most ``limit`` typos a minute
    from one address. Addresses whose attempts have all expired are forgotten,
    so the table stays as small as the set of recent offenders.
    """

    limit: int = WRONG_CODES
    window: float = WRONG_WINDOW
    shut: float = SHUT_OUT
    clock: Callable[[], float] = time.monotonic
    wrong: dict[str, list[float]] = field(default_factory=dict)
    until: dict[str, float] = field(default_factory=dict)

    def refused(self, address: str) -> bool:
        """True while ``address`` is shut out."""
        end = self.until.get(address)
        if end is None:
            return False
        if self.clock() < end:
            return True
        del self.until[address]
        return False

    def failed(self, address: str) -> None:
        """``address`` gave a wrong code: count it, and shut the address out at the limit."""
        now = self.clock()
        for other in [a for a, times in self.wrong.items() if times[-1] <= now - self.window]:
            del self.wrong[other]
        recent = [t for t in self.wrong.get(address, []) if t > now - self.window] + [now]
        if len(recent) >= self.limit:
            self.until[address] = now + self.shut
            self.wrong.pop(address, None)
        else:
            self.wrong[address] = recent
