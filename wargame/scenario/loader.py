"""From a YAML file to a checked, ready-to-play scenario.

Loading runs in three stages and collects every problem of a stage before
giving up: bounded YAML (``yamlsafe``), the typed declaration (``model``)
and the cross-references and conditions (here). Each problem becomes a
``Diagnostic`` at ``path:line:col``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import pydantic

from wargame.errors import ConditionError, ScenarioError
from wargame.scenario.condition_sites import condition_problem, rough_condition_problems
from wargame.scenario.conditions import Condition, Namespace, forget_parsed, parse_condition, syntax_tree
from wargame.scenario.diagnostics import Diagnostic, did_you_mean, pydantic_diagnostics
from wargame.scenario.model import STATS, Actor, ChannelState, Ladder, Move, Scenario
from wargame.scenario.warnings import static_warnings
from wargame.scenario.yamlsafe import Document, YamlProblem, load_yaml_file, load_yaml_text


@dataclass(frozen=True, eq=False)
class LoadedScenario:
    """A validated scenario with its ladder and move list resolved and conditions parsed.

    Compared and hashed by identity (two loads of one file are two scenarios; ``digest`` tells equal text).
    """

    spec: Scenario
    ladder: Ladder
    moves: Mapping[str, Move]
    conditions: Mapping[tuple[str, ...], Condition]
    source: str
    text: str
    warnings: tuple[Diagnostic, ...] = ()
    locked: frozenset[str] = frozenset()

    @cached_property
    def digest(self) -> str:
        """The sha256 of the text, worked out when first asked (validating a file never needs it)."""
        return hashlib.sha256(self.text.encode()).hexdigest()

    @property
    def id(self) -> str:
        return self.spec.id

    @cached_property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(self._actors)

    def actor(self, actor_id: str):
        return self._actors[actor_id]

    @cached_property
    def _actors(self) -> dict[str, Actor]:
        """Actors by id, in scenario order (the engine looks actors up hundreds of times a game)."""
        return {actor.id: actor for actor in self.spec.actors}

    def moves_for(self, actor_id: str) -> list[Move]:
        """The moves an actor may ever play here, in library order."""
        withheld = set(self.actor(actor_id).withhold)
        return [move for move in self.moves.values() if move.id not in withheld]

    def condition(self, *key: str) -> Condition | None:
        return self.conditions.get(key)

    @cached_property
    def move_tags(self) -> dict[str, frozenset[str]]:
        return {move_id: frozenset(move.tags) for move_id, move in self.moves.items()}

    @cached_property
    def move_costs(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """Each move's non-zero costs, computed once: legality asks for them thousands of times."""
        return {move_id: tuple(move.cost.items()) for move_id, move in self.moves.items()}


# ---------------------------------------------------------------- library


@lru_cache(maxsize=1)
def default_ladder() -> Ladder:
    """The shipped ladder, read once per process (see ``standard_moves``)."""
    doc = _bundled("default_ladder.yaml")
    return Ladder.model_validate(doc.data)


@lru_cache(maxsize=1)
def standard_moves() -> dict[str, Move]:
    """The shipped library of moves, read once per process: every load starts from it, and reading it
    again for each of the six shipped scenarios would add about 70 ms (30%) to the title screen's
    loading and about 6% to its start (CPU time, fresh processes, median of 10; with the ladder)."""
    doc = _bundled("standard_moves.yaml")
    return {move.id: move for move in (Move.model_validate(entry) for entry in doc.data["moves"])}


def _bundled(name: str) -> Document:
    text = resources.files("wargame.data").joinpath(name).read_text(encoding="utf-8")
    return load_yaml_text(text, f"wargame/data/{name}")


# ---------------------------------------------------------------- loading


def load_scenario(path: str | Path) -> LoadedScenario:
    """Load a scenario file or raise ``ScenarioError`` listing every problem."""
    loaded, diagnostics = check_scenario(path)
    if loaded is None:
        raise ScenarioError(_summary(str(path), diagnostics), diagnostics)
    return loaded


def load_scenario_text(text: str, source: str = "<scenario>") -> LoadedScenario:
    """Load a scenario held in memory (embedded in a save, written by a test)."""
    loaded, diagnostics = _check(lambda: load_yaml_text(text, source), source)
    if loaded is None:
        raise ScenarioError(_summary(source, diagnostics), diagnostics)
    return loaded


def check_scenario(path: str | Path) -> tuple[LoadedScenario | None, list[Diagnostic]]:
    """Every problem in a scenario file, errors and warnings, sorted by place."""
    return _check(lambda: load_yaml_file(path), str(path))


def _summary(source: str, diagnostics: list[Diagnostic]) -> str:
    errors = [d for d in diagnostics if d.severity == "error"]
    lines = [str(d) for d in errors[:20]]
    if len(errors) > 20:
        lines.append(f"... and {len(errors) - 20} more errors in {source}")
    return "\n".join(lines)


def _check(read, source: str) -> tuple[LoadedScenario | None, list[Diagnostic]]:
    try:
        doc = read()
    except YamlProblem as problem:
        where = problem.location
        return None, [Diagnostic(source, where.line, where.column, "error", problem.message)]
    except OSError as exc:
        return None, [Diagnostic(source, 1, 1, "error", f"cannot read file: {exc.strerror or exc}")]
    if not isinstance(doc.data, dict):
        where = doc.locate(())
        return None, [Diagnostic(doc.source, where.line, where.column, "error", "a scenario must be a mapping of keys to values")]
    try:
        spec = Scenario.model_validate(doc.data)
    except pydantic.ValidationError as error:
        problems = pydantic_diagnostics(error, doc, Scenario)
        return None, sorted(problems + rough_condition_problems(doc, standard_moves(), problems))
    checker = _Checker(spec, doc)
    loaded = checker.run()
    return loaded, sorted(checker.diagnostics)


class _Checker:
    """Cross-reference checks: every id named somewhere must exist somewhere."""

    def __init__(self, spec: Scenario, doc: Document):
        self.spec = spec
        self.doc = doc
        self.diagnostics: list[Diagnostic] = []
        self.actors = [actor.id for actor in spec.actors]
        self.ladder = default_ladder() if spec.ladder == "default" else spec.ladder
        overrides = {"start": spec.start_rung, "defused_at": spec.defused_rung}
        self.ladder = self.ladder.model_copy(update={k: v for k, v in overrides.items() if v is not None})
        self.standard = standard_moves()

    # -- reporting

    def error(self, path: tuple, message: str, *, key: bool = False) -> None:
        self._report("error", path, message, key=key)

    def warning(self, path: tuple, message: str) -> None:
        self._report("warning", path, message)

    def _report(self, severity, path, message, *, key=False) -> None:
        where = self.doc.locate(path, key=key)
        self.diagnostics.append(
            Diagnostic(self.doc.source, where.line, where.column, severity, message, path)
        )

    def expect(self, path: tuple, value: str, known, kind: str, *, key: bool = False) -> bool:
        if value in known:
            return True
        self.error(path, f"unknown {kind} '{value}'{did_you_mean(value, known)}", key=key)
        return False

    # -- the checks

    def run(self) -> LoadedScenario | None:
        self.check_unique_ids()
        moves = self.resolve_moves()
        self.check_actors(moves)
        self.check_ladder()
        self.check_terms(moves)
        self.check_triggers(moves)
        conditions = self.parse_conditions(moves)
        if any(d.severity == "error" for d in self.diagnostics):
            return None
        locked = frozenset(m for t in self.spec.triggers for m in t.effects.unlock) | frozenset(
            m for i in self.spec.injects for m in i.effects.unlock
        )
        loaded = LoadedScenario(
            spec=self.spec,
            ladder=self.ladder,
            moves=moves,
            conditions=conditions,
            source=self.doc.source,
            text=self.doc.text,
            locked=locked,
        )
        self.diagnostics.extend(static_warnings(loaded, self.doc))
        return replace(loaded, warnings=tuple(d for d in self.diagnostics if d.severity == "warning"))

    def check_unique_ids(self) -> None:
        spec = self.spec
        groups = {
            "actor": [("actors", i, "id") for i in range(len(spec.actors))],
            "term": [("terms", i, "id") for i in range(len(spec.terms))],
            "trigger or inject": [("triggers", i, "id") for i in range(len(spec.triggers))]
            + [("injects", i, "id") for i in range(len(spec.injects))],
            "red line": [
                ("actors", a, "red_lines", r, "id")
                for a, actor in enumerate(spec.actors)
                for r in range(len(actor.red_lines))
            ],
            "move": [("moves", "add", i, "id") for i in range(len(spec.moves.add))],
        }
        for kind, paths in groups.items():
            seen: dict[str, tuple] = {}
            for path in paths:
                value = self._get(path)
                if value in seen:
                    first = self.doc.locate(seen[value])
                    self.error(path, f"duplicate {kind} id '{value}' (first defined at line {first.line})")
                else:
                    seen[value] = path
        for a, actor in enumerate(spec.actors):
            seen_objectives: set[str] = set()
            for o, objective in enumerate(actor.objectives):
                if objective.id in seen_objectives:
                    self.error(("actors", a, "objectives", o, "id"), f"duplicate objective id '{objective.id}'")
                seen_objectives.add(objective.id)

    def _get(self, path: tuple):
        value = self.doc.data
        for part in path:
            value = value[part]
        return value

    def resolve_moves(self) -> dict[str, Move]:
        """Standard moves, minus withheld ones, with adjustments, plus the scenario's own."""
        spec = self.spec.moves
        moves = dict(self.standard)
        for i, move_id in enumerate(spec.withhold):
            if self.expect(("moves", "withhold", i), move_id, self.standard, "standard move"):
                moves.pop(move_id, None)
        for move_id, adjustment in spec.adjust.items():
            if not self.expect(("moves", "adjust", move_id), move_id, self.standard, "standard move", key=True):
                continue
            if move_id not in moves:
                self.error(("moves", "adjust", move_id), f"move '{move_id}' is both withheld and adjusted", key=True)
                continue
            changes = {k: v for k, v in adjustment.model_dump(by_alias=False).items() if v is not None}
            for name in ("effects", "cost"):
                if name in changes:
                    changes[name] = getattr(adjustment, name)
            moves[move_id] = moves[move_id].model_copy(update=changes)
        for i, move in enumerate(spec.add):
            if move.id in self.standard:
                self.error(
                    ("moves", "add", i, "id"),
                    f"'{move.id}' is already a standard move; change it under moves.adjust instead",
                )
            moves[move.id] = move
        for move_id, move in moves.items():
            if move.min_rung > move.max_rung:
                self.warning(("moves",), f"move '{move_id}' has min_rung above max_rung and can never be played")
        return moves

    def check_actors(self, moves: Mapping[str, Move]) -> None:
        for a, actor in enumerate(self.spec.actors):
            base = ("actors", a)
            for other in actor.trust:
                self._check_other(base + ("trust", other), other, actor.id)
            for other in actor.channels:
                self._check_other(base + ("channels", other), other, actor.id)
            for i, move_id in enumerate(actor.withhold):
                self.expect(base + ("withhold", i), move_id, moves, "move")
            for r, red_line in enumerate(actor.red_lines):
                path = base + ("red_lines", r)
                if self.expect(path + ("against",), red_line.against, self.actors, "actor") and (
                    red_line.against == actor.id
                ):
                    self.error(path + ("against",), "a red line must be drawn against another actor")
                for i, move_id in enumerate(red_line.response):
                    self.expect(path + ("response", i), move_id, moves, "move")
        for i, side in enumerate(self.spec.recommended_sides):
            self.expect(("recommended_sides", i), side, self.actors, "actor")

    def _check_other(self, path: tuple, other: str, owner: str) -> None:
        if self.expect(path, other, self.actors, "actor", key=True) and other == owner:
            self.error(path, "an actor has no trust or channel toward itself", key=True)

    def check_ladder(self) -> None:
        ladder = self.ladder
        rungs = sum(len(band.rungs) for band in ladder.bands)
        war_at = rungs - len(ladder.bands[-1].rungs)
        where = ("ladder",) if self.spec.ladder != "default" else ()
        if ladder.start >= war_at:
            where_start = ("start_rung",) if self.spec.start_rung is not None else where + ("start",)
            self.error(where_start, f"the ladder starts at rung {ladder.start}, inside the war band")
        if ladder.defused_at >= war_at:
            self.error(("defused_rung",) if self.spec.defused_rung is not None else where + ("defused_at",), f"defused_at {ladder.defused_at} is inside the war band")
        if ladder.fighting_at is not None and not ladder.start < ladder.fighting_at < war_at:
            self.error(where + ("fighting_at",), f"fighting_at {ladder.fighting_at} must lie above the start "
                       f"(rung {ladder.start}) and below the war band (rung {war_at})")
        ids = [band.id for band in ladder.bands]
        for i, band_id in enumerate(ids):
            if band_id in ids[:i]:
                self.error(where + ("bands", i, "id"), f"band id '{band_id}' is repeated")
            elif band_id in _OUTCOME_STATES and i < len(ids) - 1:
                self.error(where + ("bands", i, "id"), f"band id '{band_id}' is reserved for an outcome")

    def check_terms(self, moves: Mapping[str, Move]) -> None:
        for t, term in enumerate(self.spec.terms):
            path = ("terms", t)
            for i, actor in enumerate(term.by):
                self.expect(path + ("by", i), actor, self.actors, "actor")
            for i, move_id in enumerate(term.forbids):
                self.expect(path + ("forbids", i), move_id, moves, "move")
            if term.requires:
                self.expect(path + ("requires", "move"), term.requires.move, moves, "move")
            for actor in term.value:
                self.expect(path + ("value", actor), actor, self.actors, "actor", key=True)

    def check_triggers(self, moves: Mapping[str, Move]) -> None:
        for kind, items in (("triggers", self.spec.triggers), ("injects", self.spec.injects)):
            for t, trigger in enumerate(items):
                path = (kind, t)
                effects = trigger.effects
                for actor in effects.stats:
                    self.expect(path + ("effects", "stats", actor), actor, self.actors, "actor", key=True)
                for actor, row in effects.trust.items():
                    self.expect(path + ("effects", "trust", actor), actor, self.actors, "actor", key=True)
                    for other in row:
                        self.expect(path + ("effects", "trust", actor, other), other, self.actors, "actor", key=True)
                for c, (first, second, state) in enumerate(effects.channels):
                    cpath = path + ("effects", "channels", c)
                    self.expect(cpath + (0,), first, self.actors, "actor")
                    self.expect(cpath + (1,), second, self.actors, "actor")
                    self.expect(cpath + (2,), state, tuple(s.value for s in ChannelState), "channel state")
                for i, move_id in enumerate(effects.unlock):
                    self.expect(path + ("effects", "unlock", i), move_id, moves, "move")
                self.check_audience(path + ("audience",), trigger.audience)
                if trigger.message:
                    self.expect(path + ("message", "from"), trigger.message.sender, self.actors, "actor")
                    self.expect(path + ("message", "to"), trigger.message.to, self.actors, "actor")
                    self.check_audience(path + ("message", "audience"), trigger.message.audience)

    def check_audience(self, path: tuple, audience: str | list[str] | None) -> None:
        if isinstance(audience, list):
            for i, actor in enumerate(audience):
                self.expect(path + (i,), actor, self.actors, "actor")

    def parse_conditions(self, moves: Mapping[str, Move]) -> dict[tuple[str, ...], Condition]:
        spec = self.spec
        namespace = Namespace(
            actors=frozenset(self.actors),
            stats=frozenset(STATS),
            moves=frozenset(moves) | frozenset(self.standard),  # a withheld move is simply never played
            red_lines=frozenset(r.id for a in spec.actors for r in a.red_lines),
            triggers=frozenset(t.id for t in spec.triggers) | frozenset(i.id for i in spec.injects),
            terms=frozenset(t.id for t in spec.terms),
        )
        with_sides = Namespace(**{**namespace.__dict__, "actor_aliases": frozenset({"self", "target"})})
        conditions: dict[tuple[str, ...], Condition] = {}
        for key, path, text, names in self._condition_sites(moves, namespace, with_sides):
            try:
                conditions[key] = parse_condition(text, names)
            except ConditionError as problem:
                self.diagnostics.append(condition_problem(self.doc, path, problem))
        return conditions

    def _condition_sites(self, moves, namespace, with_sides) -> Iterator[tuple]:
        spec = self.spec
        for a, actor in enumerate(spec.actors):
            for o, objective in enumerate(actor.objectives):
                yield (
                    ("objective", actor.id, objective.id),
                    ("actors", a, "objectives", o, "when"),
                    objective.when,
                    namespace,
                )
            for r, red_line in enumerate(actor.red_lines):
                yield ("red_line", red_line.id), ("actors", a, "red_lines", r, "when"), red_line.when, namespace
        for t, trigger in enumerate(spec.triggers):
            if trigger.when:
                yield ("trigger", trigger.id), ("triggers", t, "when"), trigger.when, namespace
        if spec.outcomes.settlement:
            yield ("settlement",), ("outcomes", "settlement"), spec.outcomes.settlement, namespace
        added = {move.id: i for i, move in enumerate(spec.moves.add)}
        for move_id, move in moves.items():
            if not move.requires:
                continue
            if move_id in added:
                path = ("moves", "add", added[move_id], "requires")
            elif move_id in spec.moves.adjust and spec.moves.adjust[move_id].requires:
                path = ("moves", "adjust", move_id, "requires")
            else:
                path = ("moves",)
            yield ("move", move_id), path, move.requires, with_sides


_OUTCOME_STATES = ("settled", "defused", "stalemate", "capitulation", "war")


def forget_caches() -> None:
    """Make the next load a file's first load in this process: forget every parsed condition except the
    syntax of the standard moves' prerequisites, which any earlier load parsed already. For benchmarks."""
    forget_parsed()
    for move in standard_moves().values():
        if move.requires:
            syntax_tree(move.requires)
