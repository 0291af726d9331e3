"""The two phase machines, declared as data and built once.

The crisis machine's states are the ladder's bands (all but the last, which
is war) plus the terminal outcomes; the turn machine walks briefing →
hotline → orders → adjudication → aftermath. Machines are built once per
ladder shape and drive any number of games: each game keeps its own state
in its own attributes (``crisis_phase`` and ``turn_phase``), and events are
fired against it explicitly, so simulating thousands of games builds no
machine at all.

The ``transitions`` machine stays the one declaration of the rules (the
``graph`` command draws it); firing follows a flat table derived from it
once, which runs the same conditions and callbacks in the same order without
the library's per-event bookkeeping (a test checks the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from transitions import EventData, Machine, State, Transition

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


@dataclass(frozen=True)
class Route:
    """One transition of the machine, flattened: what must hold, then the model methods to call, in order.

    The order is the one ``transitions`` follows: conditions; before_state_change
    and the transition's ``before``; the source state's ``on_exit``; the state
    change; the destination's ``on_enter`` (and ``on_final`` for a final one);
    the transition's ``after`` and after_state_change.
    """

    transition: Transition
    conditions: tuple[tuple[str, bool], ...]  # (model method, the answer that lets the transition through)
    leaving: tuple[str, ...]
    dest: State
    entering: tuple[str, ...]
    after: tuple[str, ...]
    bare: bool  # nothing to check and nothing to call: taking it only changes the state

    def allows(self, model, event: EventData) -> bool:
        return all(getattr(model, name)(event) == wanted for name, wanted in self.conditions)

    def take(self, model, event: EventData, attribute: str) -> None:
        for name in self.leaving:
            getattr(model, name)(event)
        setattr(model, attribute, self.dest.value)
        event.state = self.dest
        for name in self.entering:
            getattr(model, name)(event)
        for name in self.after:
            getattr(model, name)(event)
        event.result = True


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
        self.routes = routes_of(self.machine)

    def fire(self, model, trigger: str) -> None:
        """Run ``trigger`` on ``model`` or raise IllegalDecision when it does not apply now."""
        state = getattr(model, self.attribute)
        routes = self.routes.get((state, trigger))
        if routes is None:
            raise IllegalDecision(f"'{trigger}' is not possible during {state}")
        if routes[0].bare:  # e.g. briefing -> hotline: taken at once, with no event built since no callback reads one
            setattr(model, self.attribute, routes[0].dest.value)
            return
        event = self._event(model, state, trigger)
        for route in routes:
            event.transition = route.transition
            if route.allows(model, event):
                route.take(model, event, self.attribute)
                return
        raise IllegalDecision(f"'{trigger}' is not possible yet during {state}")

    def may(self, model, trigger: str) -> bool:
        """Whether ``trigger`` would succeed now, checking its conditions without side effects."""
        state = getattr(model, self.attribute)
        for route in self.routes.get((state, trigger), ()):
            event = self._event(model, state, trigger)
            event.transition = route.transition
            if route.allows(model, event):
                return True
        return False

    def triggers_from(self, state: str) -> list[str]:
        return [name for name, event in self.machine.events.items() if state in event.transitions]

    @property
    def states(self) -> list[str]:
        return list(self.machine.states)

    def _event(self, model, state: str, trigger: str) -> EventData:
        """What callbacks receive, as ``transitions`` would hand it to them."""
        return EventData(self.machine.states[state], self.machine.events[trigger], self.machine, model, (), {})


def routes_of(machine: Machine) -> dict[tuple[str, str], tuple[Route, ...]]:
    """The (state, trigger) -> routes table of a machine, tried in the machine's order.

    Built once per machine; it covers what our declarations use and refuses
    the machine features it does not reproduce rather than ignoring them.
    """
    unsupported = {
        "prepare_event": machine.prepare_event, "finalize_event": machine.finalize_event,
        "on_exception": machine.on_exception, "queued": machine.has_queue,
    }
    if used := [name for name, value in unsupported.items() if value]:
        raise ValueError(f"the phase table does not reproduce {', '.join(used)}")
    table = {}
    for trigger, event in machine.events.items():
        for source, transitions in event.transitions.items():
            table[(source, trigger)] = tuple(_route(machine, t) for t in transitions)
    return table


def _route(machine: Machine, t: Transition) -> Route:
    if t.prepare or t.dest is None:
        raise ValueError(f"the phase table does not reproduce prepare callbacks or internal transitions ({t})")
    dest = machine.get_state(t.dest)
    conditions = tuple((c.func, c.target) for c in t.conditions)
    leaving = (*machine.before_state_change, *t.before, *machine.get_state(t.source).on_exit)
    entering = (*dest.on_enter, *(machine.on_final if dest.final else ()))
    after = (*t.after, *machine.after_state_change)
    route = Route(t, conditions, leaving, dest, entering, after, bare=not (conditions or leaving or entering or after))
    names = [name for name, _ in route.conditions] + [*route.leaving, *route.entering, *route.after]
    if not all(isinstance(name, str) for name in names):
        raise ValueError(f"phase callbacks name model methods; {t} has another kind")
    return route


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
