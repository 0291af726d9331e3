"""Tokenizer, syntax tree and parser of the condition language (see :mod:`wargame.scenario.conditions`).

Kept apart from name checking so that tools which only need the shape of a
condition (the loader's syntax pass, interval reasoning) read a grammar and
nothing else. Only the grammar is accepted: a character or token outside it
is a :class:`~wargame.errors.ConditionError` with a 1-based column.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import NamedTuple

from wargame.errors import ConditionError

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_NUMBER = 1e15  # far beyond any stat; keeps literals finite and arithmetic exception-free
KEYWORDS = frozenset({"and", "or", "not", "true", "false"})

NUM, BOOL, STR = "number", "bool", "str"


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

COMPARISONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
                "==": operator.eq, "!=": operator.ne}


def describe_token(token: Token) -> str:
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
        return ConditionError(f"expected {what} but found {describe_token(token)}", token.col)

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
        if not self.at("op", *COMPARISONS):
            return left
        op = self.take()
        right = self.sum()
        if self.at("op", *COMPARISONS):
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
