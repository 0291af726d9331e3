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

This module is the public face: :class:`Condition` and the functions that make
one. The grammar lives in :mod:`~wargame.scenario.condition_syntax`, name and
type checking with compiling in :mod:`~wargame.scenario.condition_check`; their
public names are importable from here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from wargame.errors import ConditionError
from wargame.scenario.condition_check import (
    CHANNEL_STATES,
    FUNCTIONS,
    PERCEIVED_RUNG,
    VARIABLES,
    Env,
    Fn,
    Namespace,
    References,
    analyse,
)
from wargame.scenario.condition_syntax import (
    BOOL,
    KEYWORDS,
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NUMBER,
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
    syntax_tree,
)

__all__ = [
    "BOOL", "CHANNEL_STATES", "FUNCTIONS", "KEYWORDS", "MAX_DEPTH", "MAX_LENGTH", "MAX_NUMBER", "NUM",
    "PERCEIVED_RUNG", "STR", "VARIABLES", "Call", "Chain", "Compare", "Condition", "Env", "Literal", "Name",
    "Namespace", "Node", "References", "Token", "Unary", "check_condition", "forget_parsed", "parse_condition",
    "syntax_tree",
]


@dataclass(frozen=True)
class Condition:
    """A checked condition. Equal and hashed by its text; build it with :func:`parse_condition`.

    ``tree`` is its syntax tree (see :mod:`~wargame.scenario.condition_syntax`), for tools that
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
    errors, fn, refs, tree = analyse(text, namespace)
    if errors:
        raise errors[0]
    return Condition(text, fn, refs, tree)


def check_condition(text: str, namespace: Namespace) -> list[ConditionError]:
    """Every problem found (a syntax error stops the search), sorted by column; ``[]`` if fine."""
    try:
        return analyse(text, namespace)[0]
    except ConditionError as error:
        return [error]
