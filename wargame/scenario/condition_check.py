"""Name checking, type checking and compiling of a condition's syntax tree into closures.

Every name is checked against the scenario's :class:`Namespace` and every
operand is type-checked at load time, collecting every problem, so an author
sees them all at once. The checked tree is compiled once into nested closures,
because the engine and the computer players evaluate conditions thousands of
times a game.
"""

from __future__ import annotations

import difflib
import operator
from collections.abc import Callable
from dataclasses import dataclass
from operator import methodcaller
from typing import NamedTuple, Protocol

from wargame.errors import ConditionError
from wargame.scenario.condition_syntax import (
    BOOL,
    COMPARISONS,
    NUM,
    STR,
    Call,
    Chain,
    Compare,
    Literal,
    Name,
    Node,
    Token,
    Unary,
    describe_token,
    syntax_tree,
)

VARIABLES = frozenset({"rung", "turn", "turns", "peak", "rung_change"})
FUNCTIONS = frozenset({"played", "crossed", "fired", "agreed", "channel"})
CHANNEL_STATES = frozenset({"open", "strained", "severed", "hotline"})
PERCEIVED_RUNG = "perceived_rung"

_DESCRIBE = {NUM: "a number", BOOL: "true/false", STR: "a channel state"}

Fn = Callable[["Env"], object]


@dataclass(frozen=True)
class Namespace:
    """Every name a scenario declares; anything else in a condition is a load error."""

    actors: frozenset[str]
    stats: frozenset[str]
    moves: frozenset[str] = frozenset()
    red_lines: frozenset[str] = frozenset()
    triggers: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    actor_aliases: frozenset[str] = frozenset()  # e.g. {"self", "target"}: accepted wherever an actor id is


class Env(Protocol):
    """What evaluation needs from the game; the engine implements it."""

    def var(self, name: str) -> float: ...
    def stat(self, actor: str, stat: str) -> float: ...
    def trust(self, actor: str, other: str) -> float: ...
    def played(self, actor: str | None, move: str, within: int | None) -> bool: ...
    def crossed(self, red_line: str) -> bool: ...
    def fired(self, trigger: str) -> bool: ...
    def agreed(self, term: str, party: str | None = None) -> bool: ...
    def channel(self, actor: str, other: str) -> str: ...
    def actor(self, name: str) -> str: ...


@dataclass(frozen=True)
class References:
    """Names a condition mentions, for dependency graphs and static warnings.

    ``actors`` holds real actor ids only; aliases such as ``self`` are kept
    apart in ``aliases`` because they mean a different actor in each context.
    """

    actors: frozenset[str] = frozenset()
    stats: frozenset[str] = frozenset()
    moves: frozenset[str] = frozenset()
    red_lines: frozenset[str] = frozenset()
    triggers: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    variables: frozenset[str] = frozenset()  # of VARIABLES: what can change a condition besides names
    aliases: frozenset[str] = frozenset()  # the aliases it names (``self``, ``target``...)


def analyse(text: str, namespace: Namespace) -> tuple[list[ConditionError], Fn, References, Node]:
    """Parse and check ``text``: every problem sorted by column, the closure, the names it mentions, the tree."""
    tree = syntax_tree(text)
    builder = _Builder(namespace)
    kind, fn = builder.build(tree)
    if kind not in (BOOL, None) and not builder.errors:  # an inner error usually explains this one
        builder.fail(f"a condition must be true or false, but this is {_DESCRIBE[kind]}", tree.col)
    errors = sorted(builder.errors, key=lambda error: error.column)
    return errors, fn, References(**{key: frozenset(names) for key, names in builder.refs.items()}), tree


def _unknown(kind: str, name: str, known: frozenset[str] | set[str]) -> str:
    """The 'unknown X' message with a did-you-mean, so authors can fix typos without the docs."""
    close = difflib.get_close_matches(name, sorted(known), n=1)
    if close:
        hint = f" (did you mean '{close[0]}'?)"
    elif not known:
        hint = f" (the scenario defines no {kind}s)"
    elif len(known) <= 6:
        hint = f" (known: {', '.join(sorted(known))})"
    else:
        hint = ""
    return f"unknown {kind} '{name}'{hint}"


def _safe_div(a: float, b: float) -> float:
    """Division by zero yields 0: a scenario author's ratio must not crash a game."""
    return a / b if b else 0.0


_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": _safe_div}
_ONE_NAME_FUNCTIONS = {"crossed": ("red line", "red_lines"), "fired": ("trigger", "triggers"),
                       "agreed": ("term", "terms")}


class _Actor(NamedTuple):
    """An actor named in a condition: a fixed id, or an alias (``self``, ``target``) the env resolves."""

    name: str
    alias: bool


def _ask_two(method: str, first: _Actor, second: _Actor) -> Fn:
    """``env.<method>(first, second)`` with aliases resolved at each evaluation (fixed ids: no Python frame)."""
    if not (first.alias or second.alias):
        return methodcaller(method, first.name, second.name)
    a, b = first.name, second.name
    if first.alias and second.alias:
        return lambda env: getattr(env, method)(env.actor(a), env.actor(b))
    if first.alias:
        return lambda env: getattr(env, method)(env.actor(a), b)
    return lambda env: getattr(env, method)(a, env.actor(b))


# A comparison with a constant on the right, written out: conditions run thousands of times a game.
_AGAINST_CONSTANT: dict[str, Callable[[Fn, object], Fn]] = {
    "<": lambda fn, value: lambda env: fn(env) < value,
    "<=": lambda fn, value: lambda env: fn(env) <= value,
    ">": lambda fn, value: lambda env: fn(env) > value,
    ">=": lambda fn, value: lambda env: fn(env) >= value,
    "==": lambda fn, value: lambda env: fn(env) == value,
    "!=": lambda fn, value: lambda env: fn(env) != value,
}


class _Builder:
    """One pass over the tree: checks names and types, collecting every error, and compiles closures.

    ``build`` returns ``(type, closure)``; the type is ``None`` after an unknown
    name so that one typo does not cascade into type errors. The closures are
    only used when no error was found.
    """

    def __init__(self, namespace: Namespace):
        self.ns = namespace
        self.errors: list[ConditionError] = []
        self.refs: dict[str, set[str]] = {key: set() for key in References.__dataclass_fields__}

    def fail(self, message: str, col: int) -> None:
        self.errors.append(ConditionError(message, col))

    def expect(self, kind: str | None, want: str, message: str, col: int) -> None:
        if kind is not None and kind != want:
            self.fail(f"{message}, but this is {_DESCRIBE[kind]}", col)

    def build(self, node: object) -> tuple[str | None, Fn]:
        match node:
            case Literal(value=value, kind=kind, col=col):
                if kind == STR and value not in CHANNEL_STATES:
                    self.fail(_unknown("channel state", value, CHANNEL_STATES), col)
                return kind, lambda env: value
            case Unary(op="not", operand=operand):
                kind, fn = self.build(operand)
                self.expect(kind, BOOL, "'not' needs true/false", operand.col)
                return BOOL, lambda env: not fn(env)
            case Unary(operand=operand):
                kind, fn = self.build(operand)
                self.expect(kind, NUM, "'-' needs a number", operand.col)
                return NUM, lambda env: -fn(env)
            case Chain():
                return self.chain(node)
            case Compare():
                return self.compare(node)
            case Name(parts=parts):
                return self.name(parts)
            case Call():
                return self.call(node)
        raise AssertionError(f"unknown node {node!r}")  # pragma: no cover

    def chain(self, node: Chain) -> tuple[str | None, Fn]:
        logical = node.rest[0][0] in ("and", "or")
        want = BOOL if logical else NUM
        operands = [(node.rest[0][0], node.first)] + [(op, operand) for op, _, operand in node.rest]
        fns = []
        for op, operand in operands:
            kind, fn = self.build(operand)
            self.expect(kind, want, f"'{op}' needs {_DESCRIBE[want]} on both sides", operand.col)
            fns.append(fn)
        first, *others = fns
        if logical:
            short_circuit = any if node.rest[0][0] == "or" else all
            if len(fns) == 2:
                second = others[0]
                if short_circuit is any:
                    return BOOL, lambda env: first(env) or second(env)
                return BOOL, lambda env: first(env) and second(env)
            every = tuple(fns)
            return BOOL, lambda env: short_circuit(fn(env) for fn in every)
        steps = tuple((_ARITHMETIC[op], fn) for (op, _, _), fn in zip(node.rest, others))
        if len(steps) == 1:
            (apply, second), = steps
            return NUM, lambda env: apply(first(env), second(env))

        def arithmetic(env: Env) -> float:
            value = first(env)
            for apply, fn in steps:
                value = apply(value, fn(env))
            return value
        return NUM, arithmetic

    def compare(self, node: Compare) -> tuple[str | None, Fn]:
        left_kind, left = self.build(node.left)
        right_kind, right = self.build(node.right)
        if node.op in ("==", "!="):
            if None not in (left_kind, right_kind) and left_kind != right_kind:
                self.fail(f"'{node.op}' compares {_DESCRIBE[left_kind]} with {_DESCRIBE[right_kind]}; "
                          "both sides must be the same kind", node.op_col)
        else:
            self.expect(left_kind, NUM, f"'{node.op}' needs numbers", node.left.col)
            self.expect(right_kind, NUM, f"'{node.op}' needs numbers", node.right.col)
        if isinstance(node.right, Literal):  # the usual shape: ``x >= 40``, ``channel(a, b) != 'severed'``
            return BOOL, _AGAINST_CONSTANT[node.op](left, node.right.value)
        compare = COMPARISONS[node.op]
        return BOOL, lambda env: compare(left(env), right(env))

    def actor(self, name: str, col: int) -> _Actor:
        """An actor reference; aliases such as ``self`` are asked of the env at each evaluation."""
        if name in self.ns.actor_aliases:
            self.refs["aliases"].add(name)
            return _Actor(name, True)
        if name in self.ns.actors:
            self.refs["actors"].add(name)
        else:
            self.fail(_unknown("actor", name, self.ns.actors | self.ns.actor_aliases), col)
        return _Actor(name, False)

    def name(self, parts: tuple[tuple[str, int], ...]) -> tuple[str | None, Fn]:
        (name, col), *rest = parts
        if not rest:
            if name in VARIABLES:
                self.refs["variables"].add(name)
                return NUM, methodcaller("var", name)
            self.fail(self.misplaced(name) or _unknown("variable", name, VARIABLES | {"true", "false"}), col)
            return None, None
        actor = self.actor(name, col)
        (stat, stat_col), *other = rest
        if stat == "trust" and other:
            (other_name, other_col), = other
            return NUM, _ask_two("trust", actor, self.actor(other_name, other_col))
        if other:
            self.fail(f"only trust takes a third part ({name}.trust.OTHER), not '{stat}'", stat_col)
        elif stat == "trust":
            self.fail(f"trust needs the other actor: write {name}.trust.OTHER", stat_col)
        elif stat not in self.ns.stats and stat != PERCEIVED_RUNG:
            self.fail(_unknown("stat", stat, self.ns.stats | {PERCEIVED_RUNG, "trust"}), stat_col)
        else:
            self.refs["stats"].add(stat)
        if actor.alias:
            return NUM, lambda env: env.stat(env.actor(name), stat)
        return NUM, methodcaller("stat", name, stat)

    def misplaced(self, name: str) -> str | None:
        """Explain a known name used as a bare value: 'usa' alone, 'played' without parentheses."""
        ns = self.ns
        if name in ns.actors or name in ns.actor_aliases:
            return f"'{name}' is an actor, not a value; write {name}.STAT, e.g. {name}.resolve"
        if name in FUNCTIONS:
            return f"'{name}' is a function; write {name}(...)"
        for names, function, what in ((ns.moves, "played", "move"), (ns.red_lines, "crossed", "red line"),
                                      (ns.triggers, "fired", "trigger"), (ns.terms, "agreed", "term")):
            if name in names:
                return f"'{name}' is a {what}; write {function}({name})"
        return None

    def bare_name(self, arg: Token, what: str, known: frozenset[str], ref: str) -> str:
        if arg.kind != "id":
            self.fail(f"expected a {what} name but found {describe_token(arg)}; arguments are bare names", arg.col)
        elif arg.text not in known:
            self.fail(_unknown(what, arg.text, known), arg.col)
        else:
            self.refs[ref].add(arg.text)
        return arg.text

    def actor_arg(self, arg: Token) -> _Actor:
        if arg.kind != "id":
            self.fail(f"expected an actor name but found {describe_token(arg)}; arguments are bare names", arg.col)
            return _Actor(arg.text, False)
        return self.actor(arg.text, arg.col)

    def call(self, node: Call) -> tuple[str | None, Fn]:
        name, args, col = node.name, node.args, node.col
        if name not in FUNCTIONS:
            self.fail(_unknown("function", name, FUNCTIONS), col)
            return None, None
        if name == "played":
            if not 1 <= len(args) <= 3:
                self.fail(f"played() takes (MOVE), (ACTOR, MOVE) or (ACTOR, MOVE, TURNS), "
                          f"not {len(args)} arguments", col)
                return BOOL, None
            if len(args) == 1:
                move = self.bare_name(args[0], "move", self.ns.moves, "moves")
                return BOOL, lambda env: env.played(None, move, None)
            actor = self.actor_arg(args[0])
            move = self.bare_name(args[1], "move", self.ns.moves, "moves")
            within = None
            if len(args) == 3:
                turns = args[2]
                if turns.kind != "num" or "." in turns.text or int(turns.text) < 1:
                    self.fail(f"the turns of played() must be a whole number of at least 1, "
                              f"not {describe_token(turns)}", turns.col)
                else:
                    within = int(turns.text)
            if actor.alias:
                who = actor.name
                return BOOL, lambda env: env.played(env.actor(who), move, within)
            return BOOL, methodcaller("played", actor.name, move, within)
        if name == "channel":
            if len(args) != 2:
                self.fail(f"channel() takes two actors, not {len(args)} arguments", col)
                return STR, None
            return STR, _ask_two("channel", self.actor_arg(args[0]), self.actor_arg(args[1]))
        if name == "agreed" and len(args) == 2:
            term = self.bare_name(args[0], "term", self.ns.terms, "terms")
            party = self.actor_arg(args[1])
            if party.alias:
                who = party.name
                return BOOL, lambda env: env.agreed(term, env.actor(who))
            return BOOL, methodcaller("agreed", term, party.name)
        what, ref = _ONE_NAME_FUNCTIONS[name]
        if len(args) != 1:
            self.fail(f"{name}() takes one {what}, not {len(args)} arguments", col)
            return BOOL, None
        return BOOL, methodcaller(name, self.bare_name(args[0], what, getattr(self.ns, ref), ref))
