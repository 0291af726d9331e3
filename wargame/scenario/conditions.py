"""The condition language of scenario files, e.g. ``rung >= 6 and ussr.resolve < 30``.

Scenario files come from strangers, so their conditions are never handed to
``eval``: a hand-written tokenizer and recursive-descent parser accept only the
grammar below, every name is checked against the scenario's :class:`Namespace`
and every operand is type-checked at load time. A bad condition is therefore a
:class:`~wargame.errors.ConditionError` with a 1-based column, never a crash in
turn 12. The checked tree is compiled once into nested closures, because the
engine and the computer players evaluate conditions thousands of times a game.

Grammar, lowest precedence first::

    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?   # never chained
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | primary
    primary := NUMBER | STRING | "true" | "false" | "(" or ")"
             | NAME | NAME "." NAME | NAME ".trust." NAME | NAME "(" args ")"
"""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import methodcaller
from typing import NamedTuple, Protocol

from wargame.errors import ConditionError

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_NUMBER = 1e15  # far beyond any stat; keeps literals finite and arithmetic exception-free
VARIABLES = frozenset({"rung", "turn", "turns", "peak", "rung_change"})
FUNCTIONS = frozenset({"played", "crossed", "fired", "agreed", "channel"})
CHANNEL_STATES = frozenset({"open", "strained", "severed", "hotline"})
KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
PERCEIVED_RUNG = "perceived_rung"

NUM, BOOL, STR = "number", "bool", "str"
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


@dataclass(frozen=True)
class Condition:
    """A checked condition. Equal and hashed by its text; build it with :func:`parse_condition`.

    ``tree`` is its syntax tree (see "syntax tree" below), for tools that
    reason about a condition without evaluating it, such as static warnings.
    """

    text: str
    _fn: Fn = field(compare=False, hash=False, repr=False)
    _references: References = field(compare=False, hash=False, repr=False)
    tree: Node | None = field(default=None, compare=False, hash=False, repr=False)

    def evaluate(self, env: Env) -> bool:
        """Evaluate against the current game; cannot raise for a well-behaved ``env``."""
        return self._fn(env)  # type: ignore[return-value]

    @property
    def references(self) -> References:
        return self._references


def parse_condition(text: str, namespace: Namespace) -> Condition:
    """Parse, name-check and type-check ``text``; raise the leftmost problem."""
    if isinstance(text, str):
        return _checked(text, namespace)
    return _check(text, namespace)


@lru_cache(maxsize=4096)
def _checked(text: str, namespace: Namespace) -> Condition:
    """A checked condition depends only on its text and the namespace (both immutable), so a scenario loaded
    again (by each simulation worker, on every validation of a file being edited) reuses its conditions.

    Removing it: loading the Cuban scenario again takes 27 -> 32 ms (median of 15 loads, three rounds).
    """
    return _check(text, namespace)


def forget_parsed() -> None:
    """Empty this process's cache of checked conditions (a benchmark's first load)."""
    _checked.cache_clear()


def _check(text: str, namespace: Namespace) -> Condition:
    errors, fn, refs, tree = _analyse(text, namespace)
    if errors:
        raise errors[0]
    return Condition(text, fn, refs, tree)


def check_condition(text: str, namespace: Namespace) -> list[ConditionError]:
    """Every problem found (a syntax error stops the search), sorted by column; ``[]`` if fine."""
    try:
        return _analyse(text, namespace)[0]
    except ConditionError as error:
        return [error]


def _analyse(text: str, namespace: Namespace) -> tuple[list[ConditionError], Fn, References, Node]:
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


# ---------------------------------------------------------------- tokenizer

class Token(NamedTuple):
    kind: str  # "num", "str", "id", "kw", "op" or "end"
    text: str
    col: int


# Character classes are spelled out: \d and \w would also admit '٣' or 'é'.
# The last alternative takes any other character, so one scan covers the text
# and a character no token starts with arrives as a "bad" match to report.
_TOKEN = re.compile(r"""
    (?P<space>[ \t\r\n]+)
  | (?P<num>[0-9]+(?:\.[0-9]+)?)
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<op><=|>=|==|!=|[<>+\-*/(),.])
  | (?P<bad>.)
""", re.VERBOSE | re.DOTALL)
_WRONG_OPERATORS = (("&&", "and"), ("||", "or"), ("=>", ">="), ("=<", "<="),
                    ("&", "and"), ("|", "or"), ("!", "not"), ("=", "=="))


def _tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "space":
            continue
        pos = match.start()
        col = pos + 1
        if kind == "bad":
            _refuse_character(text, pos)
        if value == "*" and text.startswith("**", pos):
            raise ConditionError("'**' (power) is not part of the condition language; use * and +", col)
        if kind == "id":
            if value.startswith("_"):  # closes the door on __import__, __class__ and friends
                raise ConditionError(f"'{value}' is not allowed: names cannot start with '_'", col)
            if value in KEYWORDS:
                kind = "kw"
        tokens.append(Token(kind, value[1:-1] if kind == "str" else value, col))
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


def _refuse_character(text: str, pos: int) -> None:
    """Raise the error for a character at ``pos`` that starts no token."""
    char, col = text[pos], pos + 1
    if char in "'\"":
        raise ConditionError(f"unterminated string: add a closing {char}", col)
    for wrong, right in _WRONG_OPERATORS:
        if text.startswith(wrong, pos):
            raise ConditionError(f"'{wrong}' is not part of the condition language; write '{right}'", col)
    raise ConditionError(f"unexpected character {char!r}", col)


# ---------------------------------------------------------------- syntax tree
#
# Public and read-only: ``Condition.tree`` and ``syntax_tree`` hand these out,
# shared between every condition of the same text, so never change one. Tokens
# and nodes are named tuples: a scenario's first load builds thousands of them,
# and a frozen dataclass costs several times more to create.

class Literal(NamedTuple):
    value: float | bool | str
    kind: str  # NUM, BOOL or STR
    col: int


class Name(NamedTuple):
    """A bare name (``rung``) or a dotted one (``usa.resolve``, ``usa.trust.ussr``)."""

    parts: tuple[tuple[str, int], ...]  # (name, column) pairs
    col: int




class Call(NamedTuple):
    name: str
    args: tuple[Token, ...]  # bare names or numbers, checked by the builder
    col: int


class Unary(NamedTuple):
    op: str  # "not" or "-"
    operand: object
    col: int


class Chain(NamedTuple):
    """``a and b and c`` or ``a + b - c``: n-ary, so long chains neither recurse nor nest closures."""

    first: object
    rest: tuple[tuple[str, int, object], ...]  # (operator, column, operand)
    col: int


class Compare(NamedTuple):
    op: str
    left: object
    right: object
    col: int
    op_col: int


Node = Literal | Name | Call | Unary | Chain | Compare


# ---------------------------------------------------------------- parser

_COMPARISONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
                "==": operator.eq, "!=": operator.ne}


def _describe(token: Token) -> str:
    if token.kind == "end":
        return "the end of the condition"
    if token.kind == "str":
        return repr(token.text)
    if token.kind == "id" and token.text.lower() in KEYWORDS:
        return f"'{token.text}' (keywords are lowercase: '{token.text.lower()}')"
    return f"'{token.text}'"


def syntax_tree(text: str) -> Node:
    """The syntax tree of ``text``, names unchecked; raises ``ConditionError`` for a syntax error."""
    if not isinstance(text, str):
        raise ConditionError(f"a condition must be text, not {type(text).__name__} (quote it in YAML)", 1)
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition is too long ({len(text)} characters, at most {MAX_LENGTH})", MAX_LENGTH + 1)
    tokens = _tokenize(text)
    if tokens[0].kind == "end":
        raise ConditionError("condition is empty", 1)
    return _Parser(tokens).parse()


class _Parser:
    """Recursive descent over the token list; depth is counted so nesting fails cleanly."""

    def __init__(self, tokens: list[Token]):
        self.tokens, self.pos, self.depth = tokens, 0, 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        if token.kind != "end":
            self.pos += 1
        return token

    def at(self, kind: str, *texts: str) -> bool:
        token = self.tokens[self.pos]
        return token.kind == kind and (not texts or token.text in texts)

    def expected(self, what: str) -> ConditionError:
        token = self.peek()
        return ConditionError(f"expected {what} but found {_describe(token)}", token.col)

    def close(self, what: str = "')'") -> None:
        if not self.at("op", ")"):
            raise self.expected(what)
        self.take()

    def enter(self, token: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(f"condition is nested too deeply (more than {MAX_DEPTH} levels)", token.col)

    def parse(self) -> object:
        node = self.or_()
        if not self.at("end"):
            raise self.expected("an operator or the end of the condition")
        return node

    def chain(self, kind: str, ops: tuple[str, ...], operand: Callable[[], object]) -> object:
        first, rest = operand(), []
        while self.at(kind, *ops):
            token = self.take()
            rest.append((token.text, token.col, operand()))
        return Chain(first, tuple(rest), first.col) if rest else first

    def or_(self) -> object:
        return self.chain("kw", ("or",), self.and_)

    def and_(self) -> object:
        return self.chain("kw", ("and",), self.not_)

    def prefix(self, operand: Callable[[], object]) -> Unary:
        token = self.take()
        self.enter(token)
        node = Unary(token.text, operand(), token.col)
        self.depth -= 1
        return node

    def not_(self) -> object:
        return self.prefix(self.not_) if self.at("kw", "not") else self.compare()

    def compare(self) -> object:
        left = self.sum()
        if not self.at("op", *_COMPARISONS):
            return left
        op = self.take()
        right = self.sum()
        if self.at("op", *_COMPARISONS):
            raise ConditionError("comparisons cannot be chained; write 'a < b and b < c'", self.peek().col)
        return Compare(op.text, left, right, left.col, op.col)

    def sum(self) -> object:
        return self.chain("op", ("+", "-"), self.product)

    def product(self) -> object:
        return self.chain("op", ("*", "/"), self.unary)

    def unary(self) -> object:
        return self.prefix(self.unary) if self.at("op", "-") else self.primary()

    def primary(self) -> object:
        token = self.peek()
        if token.kind == "num":
            self.take()
            value = float(token.text)
            if value > MAX_NUMBER:
                raise ConditionError(f"number {token.text[:20]} is too large (at most {MAX_NUMBER:.0e})", token.col)
            return Literal(value, NUM, token.col)
        if token.kind == "str":
            self.take()
            return Literal(token.text, STR, token.col)
        if self.at("kw", "true", "false"):
            self.take()
            return Literal(token.text == "true", BOOL, token.col)
        if self.at("op", "("):
            self.take()
            self.enter(token)
            node = self.or_()
            self.close()
            self.depth -= 1
            return node
        if token.kind != "id":
            raise self.expected("a value")
        self.take()
        if self.at("op", "("):
            return self.call(token)
        parts = [(token.text, token.col)]
        while self.at("op", "."):
            dot = self.take()
            if len(parts) == 3:
                raise ConditionError("too many dots: write ACTOR.STAT or ACTOR.trust.OTHER", dot.col)
            if not self.at("id"):
                raise self.expected("a name after '.'")
            part = self.take()
            parts.append((part.text, part.col))
        return Name(tuple(parts), token.col)

    def call(self, name: Token) -> Call:
        self.take()  # "("
        args: list[Token] = []
        if not self.at("op", ")"):
            while True:
                if self.peek().kind not in ("id", "num", "str"):
                    raise self.expected(f"an argument to {name.text}()")
                args.append(self.take())
                if not self.at("op", ","):
                    break
                self.take()
        self.close("',' or ')'")
        return Call(name.text, tuple(args), name.col)


# ---------------------------------------------------------------- checking and compiling

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
        compare = _COMPARISONS[node.op]
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
            self.fail(f"expected a {what} name but found {_describe(arg)}; arguments are bare names", arg.col)
        elif arg.text not in known:
            self.fail(_unknown(what, arg.text, known), arg.col)
        else:
            self.refs[ref].add(arg.text)
        return arg.text

    def actor_arg(self, arg: Token) -> _Actor:
        if arg.kind != "id":
            self.fail(f"expected an actor name but found {_describe(arg)}; arguments are bare names", arg.col)
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
                              f"not {_describe(turns)}", turns.col)
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
