"""The two phase machines, declared as data, and the closed sets they walk.

The turn machine walks briefing → hotline → orders → adjudication →
aftermath; the crisis machine's states are the ladder's bands (all but the
last, which is war) plus the outcomes. Both are ``transitions`` machines
and they run the game: a phase changes only by firing one of their
triggers, which checks the transition's conditions and calls the game's
callbacks (``on_enter_band``, ``on_adjudication``...), and whether a
trigger would go through now is asked of the machine too (``may``, what
the library binds to a registered model as ``may_<trigger>``).

A machine is built once per ladder shape and shared by every game of that
shape. Games are never registered with it (that would bind methods to the
game and keep every game alive in ``machine.models``): each game keeps its
own state in ``turn_phase`` / ``crisis_phase`` and is handed to the
machine's events as the model when a trigger fires.
"""

from __future__ import annotations

from enum import StrEnum, auto
from functools import lru_cache
from typing import Any

from transitions import EventData, Machine, Transition

from wargame.errors import IllegalDecision


class TurnPhase(StrEnum):
    """The phases of a turn, in order; each value is the spelling of saves and the turn machine's state name."""

    BRIEFING = auto()
    HOTLINE = auto()
    ORDERS = auto()
    ADJUDICATION = auto()
    AFTERMATH = auto()


class OutcomeKind(StrEnum):
    """How a crisis can end, in report order; each value is a final state of the crisis machine."""

    SETTLED = auto()
    DEFUSED = auto()
    STALEMATE = auto()
    CAPITULATION = auto()
    WAR = auto()


OUTCOMES: tuple[str, ...] = tuple(kind.value for kind in OutcomeKind)  # plain spellings, for report tables

# The machines name their states by the plain values, the spelling of saves and diagrams (transitions would
# name a state given as an Enum member by the member's name).
TURN_STATES: list[dict[str, Any]] = [
    {"name": TurnPhase.BRIEFING.value},
    {"name": TurnPhase.HOTLINE.value},
    {"name": TurnPhase.ORDERS.value},
    {"name": TurnPhase.ADJUDICATION.value, "on_enter": "on_adjudication"},
    {"name": TurnPhase.AFTERMATH.value},
]
TURN_TRANSITIONS: list[dict[str, Any]] = [
    {"trigger": "open_hotline", "source": TurnPhase.BRIEFING.value, "dest": TurnPhase.HOTLINE.value},
    {"trigger": "open_orders", "source": TurnPhase.HOTLINE.value, "dest": TurnPhase.ORDERS.value},
    {"trigger": "adjudicate", "source": TurnPhase.ORDERS.value, "dest": TurnPhase.ADJUDICATION.value,
     "conditions": "all_orders_in"},
    {"trigger": "conclude", "source": TurnPhase.ADJUDICATION.value, "dest": TurnPhase.AFTERMATH.value},
    {"trigger": "next_turn", "source": TurnPhase.AFTERMATH.value, "dest": TurnPhase.BRIEFING.value,
     "unless": "game_over", "after": "on_new_turn"},
]
ENDINGS = {"settle": OutcomeKind.SETTLED.value, "defuse": OutcomeKind.DEFUSED.value,
           "stall": OutcomeKind.STALEMATE.value, "capitulate": OutcomeKind.CAPITULATION.value,
           "fight": OutcomeKind.WAR.value}


def crisis_transitions(bands: tuple[str, ...]) -> list[dict[str, Any]]:
    """Up and down between neighbouring bands; any live band can end in an outcome."""
    live = list(bands[:-1])
    rows: list[dict[str, Any]] = []
    for lower, upper in zip(live, live[1:]):
        rows.append({"trigger": "escalate", "source": lower, "dest": upper, "before": "on_threshold_crossed"})
        rows.append({"trigger": "deescalate", "source": upper, "dest": lower, "before": "on_threshold_recrossed"})
    rows.append({"trigger": "escalate", "source": live[-1], "dest": OutcomeKind.WAR.value, "before": "on_threshold_crossed"})
    for trigger, outcome in ENDINGS.items():
        rows.append({"trigger": trigger, "source": live, "dest": outcome})
    return rows


class PhaseMachine(Machine):
    """A ``transitions`` machine shared by many games, each passed in as the model of the trigger it fires."""

    def __init__(self, states: list[dict[str, Any]], transitions: list[dict[str, Any]], initial: str,
                 attribute: str) -> None:
        super().__init__(model=None, states=states, transitions=transitions, initial=initial,
                         auto_transitions=False, model_attribute=attribute, send_event=True)

    def fire(self, model: object, trigger: str) -> None:
        """Fire ``trigger`` on ``model``, or raise IllegalDecision (changing nothing) when it does not apply now."""
        state = getattr(model, self.model_attribute)
        event = self.events.get(trigger)
        if event is None or state not in event.transitions:
            raise IllegalDecision(f"'{trigger}' is not possible during {state}")
        if not event.trigger(model):
            raise IllegalDecision(f"'{trigger}' is not possible yet during {state}")

    def may(self, model: object, trigger: str) -> bool:
        """Whether ``trigger`` would go through now: the library's ``may_<trigger>``, asking only the conditions."""
        return bool(self._can_trigger(model, trigger))

    def way_out(self, state: str) -> str:
        """The one trigger that leaves ``state`` (each phase of a turn has exactly one)."""
        (trigger,) = [name for name, event in self.events.items() if state in event.transitions]
        return trigger


def taken(event: EventData) -> Transition:
    """The transition a callback runs within (the machine sets it before calling any callback)."""
    assert event.transition is not None
    return event.transition


@lru_cache(maxsize=16)
def crisis_machine(bands: tuple[str, ...]) -> PhaseMachine:
    """The crisis machine for a ladder with these band ids (the last band is war).

    Built once per ladder shape and shared by every game of it. Without the
    cache a Cuban game would build it about 12 times (each adjudication and
    the end), 12 x 0.22 ms = 2.8 ms of a 55 ms game: about 5%, measured as
    calls per game times the build time, both in CPU time.
    """
    states: list[dict[str, Any]] = [{"name": band, "on_enter": "on_enter_band"} for band in bands[:-1]]
    states += [{"name": outcome.value, "final": True} for outcome in OutcomeKind]
    return PhaseMachine(states, crisis_transitions(bands), bands[0], "crisis_phase")


@lru_cache(maxsize=1)
def turn_machine() -> PhaseMachine:
    """The turn machine, the same for every scenario: built once, like a module constant.

    Without the cache a Cuban game would build it at each of its ~44
    proceeds, 44 x 0.09 ms = 4 ms of a 55 ms game (about 7%), measured as
    for ``crisis_machine``.
    """
    return PhaseMachine(TURN_STATES, TURN_TRANSITIONS, TurnPhase.BRIEFING.value, "turn_phase")
