"""The facilitator's phase clocks: a time per phase, and what happens when it runs out.

The facilitator sets a clock for a phase ("orders due in 5:00"): from then
on, each time that phase opens its clock starts again, until the
facilitator clears it (0 seconds). The running clock can be moved (``add``
seconds, negative to shorten it) and stops while the game is paused. When
it runs out the table records a ``Timeout`` decision and applies its
policy: ``hold`` (the game waits on, the clock shows overdue) or
``computer`` (the computer plays the phase for the teams not yet done).

``now`` is injectable so the rules of the clock are tested without waiting;
the host's event loop rings it on time (``wargame.net.server``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from wargame.engine.decisions import TIMEOUT_POLICIES
from wargame.errors import IllegalDecision

LONGEST = 4 * 3600.0  # seconds: a clock longer than a lesson is a typing mistake
PHASES = ("briefing", "hotline", "orders", "aftermath")


@dataclass(frozen=True)
class Setting:
    """A phase's clock: how long the phase has, and what happens when it runs out."""

    seconds: float
    policy: str


@dataclass
class Clock:
    """The clock settings of one game, and the clock running in its current phase."""

    now: Callable[[], float] = time.monotonic
    settings: dict[str, Setting] = field(default_factory=dict)
    moment: tuple[int, str] = (0, "")  # the turn and phase the running clock belongs to
    deadline: float | None = None  # on ``now``'s scale; None: no clock in this phase
    frozen: float | None = None  # seconds left while paused
    expired: bool = False

    def follow(self, turn: int, phase: str, paused: bool) -> None:
        """A new phase starts its own clock (if it has one), from its full time."""
        if (turn, phase) == self.moment:
            return
        self.moment, self.expired = (turn, phase), False
        self._start(self.settings.get(phase), paused)

    def _start(self, setting: Setting | None, paused: bool) -> None:
        self.deadline = self.frozen = None
        if setting is not None:
            self.deadline = self.now() + setting.seconds
            if paused:
                self.frozen = setting.seconds

    def set(self, phase: str, seconds: float | None, add: float | None, policy: str | None, paused: bool) -> None:
        """The facilitator's ``timer`` request (raises IllegalDecision, changing nothing, when it makes no sense)."""
        if phase not in PHASES:
            raise IllegalDecision(f"a clock is for one of the phases {', '.join(PHASES)}, not {phase[:20]}")
        if seconds is None and add is None and policy is None:
            raise IllegalDecision("a timer request gives seconds, add or policy")
        if policy is not None and policy not in TIMEOUT_POLICIES:
            raise IllegalDecision(f"when time runs out: {' or '.join(TIMEOUT_POLICIES)}, not {policy[:20]}")
        for value in (seconds, add):
            if value is not None and (not math.isfinite(value) or abs(value) > LONGEST):
                raise IllegalDecision(f"a clock runs for at most {LONGEST / 3600:.0f} hours")
        if seconds is not None and seconds < 0:
            raise IllegalDecision("seconds is a time from now (0 clears the phase's clock)")
        current = self.moment[1] == phase
        old = self.settings.get(phase)
        if add is not None and (not current or self.deadline is None):
            raise IllegalDecision(f"no clock runs in the {phase} phase now")
        if seconds is None and old is None:
            raise IllegalDecision(f"the {phase} phase has no clock yet: give it seconds")
        if seconds == 0:
            self.settings.pop(phase, None)
            if current:
                self.deadline = self.frozen = None
            return
        length = seconds if seconds is not None else old.seconds if old is not None else 0.0
        setting = Setting(length, policy or (old.policy if old is not None else "hold"))
        self.settings[phase] = setting
        if current and seconds is not None:
            self.expired = False
            self._start(setting, paused)
        if add is not None:
            self.shift(add)

    def shift(self, seconds: float) -> None:
        """Move the running clock: more time (positive) or less (negative); it may run out at once."""
        if self.frozen is not None:
            self.frozen += seconds
        elif self.deadline is not None:
            self.deadline += seconds
        left = self.left()
        if left is not None and left > 0:
            self.expired = False  # time again: it can run out again

    def pause(self) -> None:
        if self.deadline is not None and self.frozen is None:
            self.frozen = self.deadline - self.now()

    def resume(self) -> None:
        if self.frozen is not None:
            self.deadline, self.frozen = self.now() + self.frozen, None

    def left(self) -> float | None:
        """Seconds left on the running clock (negative: overdue), or None when this phase has none."""
        if self.deadline is None:
            return None
        return self.frozen if self.frozen is not None else self.deadline - self.now()

    @property
    def policy(self) -> str:
        setting = self.settings.get(self.moment[1])
        return setting.policy if setting else "hold"

    def due(self) -> bool:
        """The running clock has run out and has not been acted on yet (a paused clock never runs out)."""
        left = self.left()
        return left is not None and left <= 0 and self.frozen is None and not self.expired

    def wire(self) -> dict | None:
        """The clock as every view message carries it (None: no clock in this phase)."""
        left = self.left()
        if left is None:
            return None
        return {"phase": self.moment[1], "seconds": round(left, 1), "policy": self.policy,
                "running": self.frozen is None, "expired": self.expired}
