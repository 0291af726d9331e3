"""The two phase machines, declared as data and built once.

The crisis machine's states are the ladder's bands (all but the last, which
is war) plus the terminal outcomes; the turn machine walks briefing →
hotline → orders → adjudication → aftermath. Machines are built once per
ladder shape and drive any number of games: each game keeps its own state
in its own attributes (``crisis_phase`` and ``turn_phase``), and events are
fired against it explicitly, so simulating thousands of games builds no
machine at all.
"""

from __future__ import annotations

from functools import cache

from transitions import EventData, Machine

from wargame.errors import IllegalDecision

OUTCOMES = ("settled", "defused", "stalemate", "capitulation", "war")
TURN_PHASES = ("briefing", "hotline", "orders", "adjudication", "aftermath")

TURN_TRANSITIONS = [
    {"trigger": "open_hotline", "source": "briefing", "dest": "hotline"},
    {"trigger": "open_orders", "source": "hotline", "dest": "orders"},
    {"trigger": "adjudicate", "source": "orders", "dest": "adjudication", "conditions": "all_orders_in"},
    {"trigger": "conclude", "source": "adjudication", "dest": "aftermath"},
    {"trigger": "next_turn", "source": "aftermath", "dest": "briefing", "unless": "game_over", "after": "on_new_turn"},
]
PROCEED_TRIGGER = {"briefing": "open_hotline", "hotline": "open_orders", "orders": "adjudicate", "aftermath": "next_turn"}


def crisis_transitions(bands: tuple[str, ...]) -> list[dict]:
    """Up and down between neighbouring bands; any live band can end in an outcome."""
    live = list(bands[:-1])
    rows: list[dict] = []
    for lower, upper in zip(live, live[1:]):
        rows.append({"trigger": "escalate", "source": lower, "dest": upper, "before": "on_threshold_crossed"})
        rows.append({"trigger": "deescalate", "source": upper, "dest": lower, "before": "on_threshold_recrossed"})
    rows.append({"trigger": "escalate", "source": live[-1], "dest": "war", "before": "on_threshold_crossed"})
    endings = {"settle": "settled", "defuse": "defused", "stall": "stalemate", "capitulate": "capitulation"}
    for trigger, outcome in endings.items():
        rows.append({"trigger": trigger, "source": live, "dest": outcome})
    return rows


class PhaseMachine:
    """A transitions Machine used as a shared rule table for many game models."""

    def __init__(self, states: list, transitions: list[dict], initial: str, attribute: str):
        self.attribute = attribute
        self.machine = Machine(
            model=None,
            states=states,
            transitions=transitions,
            initial=initial,
            auto_transitions=False,
            model_attribute=attribute,
            send_event=True,
        )

    def fire(self, model, trigger: str) -> None:
        """Run ``trigger`` on ``model`` or raise IllegalDecision when it does not apply now."""
        event = self.machine.events.get(trigger)
        state = getattr(model, self.attribute)
        if event is None or state not in event.transitions:
            raise IllegalDecision(f"'{trigger}' is not possible during {state}")
        if not event.trigger(model):
            raise IllegalDecision(f"'{trigger}' is not possible yet during {state}")

    def may(self, model, trigger: str) -> bool:
        """Whether ``trigger`` would succeed now, checking its conditions without side effects."""
        event = self.machine.events.get(trigger)
        state = getattr(model, self.attribute)
        if event is None or state not in event.transitions:
            return False
        data = EventData(self.machine.get_state(state), event, self.machine, model, args=(), kwargs={})
        return any(all(c.check(data) for c in t.conditions) for t in event.transitions[state])

    def triggers_from(self, state: str) -> list[str]:
        return [name for name, event in self.machine.events.items() if state in event.transitions]

    @property
    def states(self) -> list[str]:
        return list(self.machine.states)


@cache
def crisis_machine(bands: tuple[str, ...]) -> PhaseMachine:
    """The crisis machine for a ladder with these band ids (the last band is war)."""
    states = [{"name": band, "on_enter": "on_enter_band"} for band in bands[:-1]]
    states += [{"name": outcome, "final": True} for outcome in OUTCOMES]
    return PhaseMachine(states, crisis_transitions(bands), bands[0], "crisis_phase")


@cache
def turn_machine() -> PhaseMachine:
    states = [{"name": name} for name in TURN_PHASES]
    states[3]["on_enter"] = "on_adjudication"
    return PhaseMachine(states, TURN_TRANSITIONS, "briefing", "turn_phase")
