"""How much a client may send: a token bucket per connection.

A team clicking sends a few messages a second; a runaway or hostile client
sending thousands is refused message by message (an error to it alone)
while the host and the other teams go on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

RATE = 20.0  # messages a second, on average
BURST = 40  # messages at once


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
