"""Static warnings: things that load fine but cannot work as the author meant.

Warnings never stop a scenario from loading; ``wargame validate`` prints
them with the errors. Every warning here is *sound*: it is only given when
the thing can provably never happen in any game, a facilitator's injects
included, so a warning-free scenario is the goal, not a compromise. (The
one thing left out is a facilitator overriding the rung into the war band,
which ends the game at the end of that turn anyway.)

How: ``reachability`` works out what can ever happen (a least fixpoint),
``intervals`` whether a condition can ever hold and why not; this module
turns each dead end into a warning at the place the author can fix.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wargame.scenario.diagnostics import Diagnostic
from wargame.scenario.model import Move
from wargame.scenario.reachability import Facts

if TYPE_CHECKING:
    from wargame.scenario.loader import LoadedScenario
    from wargame.scenario.yamldocument import Document


def static_warnings(loaded: LoadedScenario, doc: Document) -> list[Diagnostic]:
    """Every provable dead end in ``loaded``, located in ``doc``."""
    found: list[Diagnostic] = []

    def warn(path: tuple, message: str, *, key: bool = False) -> None:
        where = doc.locate(path, key=key)
        found.append(Diagnostic(doc.source, where.line, where.column, "warning", message, path))

    facts = Facts(loaded)
    _trigger_warnings(loaded, facts, warn)
    _move_warnings(loaded, facts, warn)
    _red_line_warnings(loaded, facts, warn)
    _objective_warnings(loaded, facts, warn)
    _term_warnings(loaded, facts, warn)
    _outcome_warnings(loaded, facts, warn)
    return found


Warn = Callable[..., None]


def _trigger_warnings(loaded: LoadedScenario, facts: Facts, warn: Warn) -> None:
    for t, trigger in enumerate(loaded.spec.triggers):
        if trigger.chance == 0:
            warn(("triggers", t, "chance"), f"trigger '{trigger.id}' has chance 0 and can never fire")
        elif trigger.id not in facts.firing:
            warn(("triggers", t, "when"), f"trigger '{trigger.id}' can never fire: {facts.trigger_blocker(trigger)}")
        elif trigger.when:
            _unplayable_names(loaded, facts, ("trigger", trigger.id), ("triggers", t, "when"), warn)


def _unplayable_names(loaded, facts: Facts, key: tuple, path: tuple, warn: Warn) -> None:
    """A condition that can hold, but names a move nobody can play: a typo or a leftover."""
    for move in sorted(loaded.conditions[key].references.moves):
        if not facts.can_play(None, move):
            warn(path, f"condition names move '{move}', which no actor can play")


def _move_warnings(loaded: LoadedScenario, facts: Facts, warn: Warn) -> None:
    spec = loaded.spec
    added = {move.id: i for i, move in enumerate(spec.moves.add)}
    standard: dict[str, list[str]] = {}  # reason -> unchanged standard moves it blocks
    for move in loaded.moves.values():
        if move.min_rung > move.max_rung or facts.can_play(None, move.id):
            continue  # the loader already says min_rung is above max_rung
        reason = _move_reason(loaded, facts, move)
        if move.id in added:
            warn(("moves", "add", added[move.id], "id"), f"move '{move.id}' can never be played: {reason}")
        elif move.id in spec.moves.adjust:
            warn(("moves", "adjust", move.id), f"move '{move.id}' can never be played: {reason}", key=True)
        else:
            standard.setdefault(reason, []).append(move.id)
    for reason, moves in standard.items():
        names = ", ".join(f"'{m}'" for m in moves)
        subject = f"standard move {names}" if len(moves) == 1 else f"standard moves {names}"
        hint = "withhold it" if len(moves) == 1 else "withhold them"
        warn(_standard_move_place(loaded, moves[0], reason),
             f"{subject} can never be played: {reason} ({hint} under moves.withhold)")


def _move_reason(loaded: LoadedScenario, facts: Facts, move: Move) -> str:
    allowed = [a for a in facts.actor_ids if move.id not in loaded.actor(a).withhold]
    if not allowed:
        return "every actor withholds it"
    reasons = {actor: facts.move_blocker(actor, move) for actor in allowed}
    unique = list(dict.fromkeys(reasons.values()))
    if len(unique) == 1:
        return unique[0]
    return "; ".join(f"for {actor}, {reason}" for actor, reason in reasons.items())


def _standard_move_place(loaded: LoadedScenario, move_id: str, reason: str) -> tuple:
    """A standard move is not written in the file: point at what makes it unplayable."""
    spec = loaded.spec
    if reason == "every actor withholds it":
        a, actor = next((a, actor) for a, actor in enumerate(spec.actors) if move_id in actor.withhold)
        return ("actors", a, "withhold", actor.withhold.index(move_id))
    if "rung" in reason and spec.ladder != "default":
        return ("ladder", "bands")
    if "unlock" in reason:
        t = next(t for t, trigger in enumerate(spec.triggers) if move_id in trigger.effects.unlock)
        return ("triggers", t, "effects", "unlock", spec.triggers[t].effects.unlock.index(move_id))
    return ("moves", "withhold") if "moves" in spec.model_fields_set else ("actors",)


def _red_line_warnings(loaded: LoadedScenario, facts: Facts, warn: Warn) -> None:
    for a, owner in enumerate(loaded.spec.actors):
        for r, line in enumerate(owner.red_lines):
            path = ("actors", a, "red_lines", r)
            if line.id not in facts.crossable:
                warn(path + ("when",), f"red line '{line.id}' can never be crossed: {facts.red_line_blocker(line)}")
                continue
            _unplayable_names(loaded, facts, ("red_line", line.id), path + ("when",), warn)
            if not any(facts.can_play(owner.id, move) for move in line.response):
                warn(path + ("response",),
                     f"red line '{line.id}' can never be answered: {owner.id} can play none of its responses "
                     f"({', '.join(line.response)})")


def _objective_warnings(loaded: LoadedScenario, facts: Facts, warn: Warn) -> None:
    for a, actor in enumerate(loaded.spec.actors):
        for o, objective in enumerate(actor.objectives):
            key = ("objective", actor.id, objective.id)
            path = ("actors", a, "objectives", o, "when")
            why = facts.never_of(key, facts.site())
            if why:
                warn(path, f"objective '{objective.id}' of {actor.id} can never be met: {why}")
            else:
                _unplayable_names(loaded, facts, key, path, warn)


def _term_warnings(loaded: LoadedScenario, facts: Facts, warn: Warn) -> None:
    for t, term in enumerate(loaded.spec.terms):
        why = facts.term_breaks(term)
        if why:
            warn(("terms", t, "requires", "move"), f"term '{term.id}' can never be kept: {why}, "
                 "so any agreement with it breaks")


def _outcome_warnings(loaded: LoadedScenario, facts: Facts, warn: Warn) -> None:
    spec = loaded.spec
    if spec.outcomes.settlement:
        why = facts.never_of(("settlement",), facts.site(0, facts.war - 1))
        if why:
            warn(("outcomes", "settlement"), f"the crisis can never be settled: {why}")
        else:
            _unplayable_names(loaded, facts, ("settlement",), ("outcomes", "settlement"), warn)
    else:
        why = _default_settlement_blocker(loaded, facts)
        if why:
            warn(("terms",) if spec.terms else (), f"the crisis can never be settled: {why}")
    if spec.outcomes.defused_after > spec.turns:
        warn(("outcomes", "defused_after"),
             f"the crisis can never be defused: it needs {spec.outcomes.defused_after} calm turns "
             f"in a row, but the game lasts {spec.turns}")


def _default_settlement_blocker(loaded: LoadedScenario, facts: Facts) -> str | None:
    """Without a settlement condition, two parties must each commit to a term that survives its turn."""
    spec = loaded.spec
    if not spec.terms:
        return "the scenario has no terms to agree on"
    committed: set[str] = set()
    for term in spec.terms:
        if facts.agreed_at_turn_end(term.id):
            committed.update(facts.keepers(term))
    if len(committed) >= 2:
        return None
    if not committed:
        return "every term breaks on the turn it is agreed"
    return f"only {next(iter(committed))} can commit to a lasting term, and a settlement needs two parties"
