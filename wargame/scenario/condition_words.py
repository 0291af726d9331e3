"""A condition in plain words: what a player reads instead of ``self.trust.target >= 40``.

The orders panel says why a move is refused, the debrief says why a red
line was crossed, the validator's warnings quote conditions: all of them
read better as "your trust in Cuba at 40 or more and a channel to Cuba that
is not severed" than as the condition's source text. This module walks a
checked condition's syntax tree (:mod:`~wargame.scenario.condition_syntax`)
and names every actor, move, red line, trigger and term the way the
scenario does. ``not`` is pushed inward (``not played(...)`` reads "has not
played"), so a negation never has to be read around a parenthesis.

Only checked trees are worded: every name in them is known, so the
wording cannot fail on a scenario that loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from wargame.scenario.condition_syntax import (
    BOOL,
    NUM,
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

if TYPE_CHECKING:
    from wargame.scenario.loader import LoadedScenario

# A comparison "X op n" as a phrase after X, and the operator that negates it.
_PHRASES = {">=": "at {} or more", ">": "above {}", "<=": "at {} or less", "<": "below {}", "==": "at {}",
            "!=": "not at {}"}
_TURNS = {">=": "from turn {}", ">": "after turn {}", "<=": "up to turn {}", "<": "before turn {}", "==": "on turn {}",
          "!=": "on any turn but {}"}
_NEGATED = {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "=="}
_MIRRORED = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}
_VARIABLES = {"rung": "the rung", "turn": "the turn", "turns": "the number of turns",
              "peak": "the highest rung reached", "rung_change": "the rung's change this turn"}
_CHANNELS = {"open": "open", "strained": "strained", "severed": "severed", "hotline": "a hotline"}


class Names(NamedTuple):
    """How the scenario names what a condition can mention, and who ``self`` and ``target`` are."""

    actors: Mapping[str, str]
    moves: Mapping[str, str]
    red_lines: Mapping[str, str]
    terms: Mapping[str, str]
    me: str = "you"  # how ``self`` reads
    target: str = "the target"  # how ``target`` reads; the target's name when it is known

    @classmethod
    def of(cls, scenario: LoadedScenario) -> Names:
        spec = scenario.spec
        return cls(
            actors={actor.id: actor.name for actor in spec.actors},
            moves={move_id: move.name for move_id, move in scenario.moves.items()},
            red_lines={line.id: line.description for actor in spec.actors for line in actor.red_lines},
            terms={term.id: term.text for term in spec.terms},
        )

    def aiming_at(self, target: str | None) -> Names:
        """These names with ``target`` read as that actor's name (unchanged for ``None``)."""
        return self if target is None else self._replace(target=self.actors.get(target, target))


def in_words(condition: str | Node, names: Names) -> str:
    """The condition (its text or its checked tree) as one plain phrase, e.g. for "needs ...".

    >>> names = Names(actors={"cuba": "Cuba"}, moves={}, red_lines={}, terms={})
    >>> in_words("self.trust.target >= 40 and channel(self, target) != 'severed'", names.aiming_at("cuba"))
    'your trust in Cuba at 40 or more and a channel to Cuba that is not severed'
    """
    tree = syntax_tree(condition) if isinstance(condition, str) else condition
    return _Wording(names).phrase(tree, negated=False)


class _Wording:
    def __init__(self, names: Names):
        self.names = names

    def phrase(self, node: object, negated: bool) -> str:
        if isinstance(node, Unary) and node.op == "not":
            return self.phrase(node.operand, not negated)
        if isinstance(node, Chain) and node.rest[0][0] in ("and", "or"):
            return self.chain(node, negated)
        if isinstance(node, Compare):
            return self.compare(node, negated)
        if isinstance(node, Call):
            return self.call(node, negated)
        if isinstance(node, Literal) and node.kind == BOOL:
            return "always" if bool(node.value) != negated else "never"
        return ("not " if negated else "") + self.value(node)

    def chain(self, node: Chain, negated: bool) -> str:
        """``a and b``; negated, ``not a or not b`` (and the other way round)."""
        joiner = node.rest[0][0]
        if negated:
            joiner = "or" if joiner == "and" else "and"
        operands = [node.first, *(operand for _, _, operand in node.rest)]
        parts = [self.grouped(operand, negated, joiner) for operand in operands]
        worded = f" {joiner} ".join(parts)
        return f"either {worded}" if joiner == "or" and len(parts) == 2 else worded

    def grouped(self, operand: object, negated: bool, joiner: str) -> str:
        """An operand that is itself a chain of the other kind, set off in parentheses so the reading stays clear."""
        phrase = self.phrase(operand, negated)
        inner = _joiner(operand, negated)
        return f"({phrase})" if inner is not None and inner != joiner else phrase

    def compare(self, node: Compare, negated: bool) -> str:
        op, left, right = node.op, node.left, node.right
        if negated:
            op = _NEGATED[op]
        if _is_channel(left) or _is_channel(right):
            return self.channel(left if _is_channel(left) else right, right if _is_channel(left) else left, op)
        if isinstance(left, Literal) and not isinstance(right, Literal):  # "40 <= x" reads as "x at 40 or more"
            left, right, op = right, left, _MIRRORED[op]
        amount = self.value(right)
        if isinstance(left, Name) and left.parts[0][0] == "turn" and len(left.parts) == 1:
            return _TURNS[op].format(amount)
        return f"{self.value(left)} {_PHRASES[op].format(amount)}"

    def channel(self, call: object, state: object, op: str) -> str:
        assert isinstance(call, Call)
        a, b = (self.actor(arg) for arg in call.args)
        what = _CHANNELS.get(str(getattr(state, "value", "")), self.value(state))
        whose = f"a channel to {b}" if a == self.names.me else f"the channel between {a} and {b}"
        return f"{whose} that is {'' if op == '==' else 'not '}{what}"

    def call(self, node: Call, negated: bool) -> str:
        names, args = self.names, node.args
        if node.name == "played":
            if len(args) == 1:
                move = names.moves.get(args[0].text, args[0].text)
                return f"{'nobody has' if negated else 'someone has'} played {move}"
            move = names.moves.get(args[1].text, args[1].text)
            who = self.actor(args[0])
            has = "have" if who == names.me else "has"
            within = ""
            if len(args) == 3:
                turns = int(float(args[2].text))
                within = " this turn or last" if turns == 2 else (" this turn" if turns == 1 else f" in the last {turns} turns")
            return f"{who} {has}{' not' if negated else ''} played {move}{within}"
        if node.name == "crossed":
            line = names.red_lines.get(args[0].text, args[0].text)
            return f"the red line “{line}” {'is not' if negated else 'is'} crossed"
        if node.name == "fired":
            event = args[0].text.replace("_", " ")
            return f"“{event}” {'has not happened' if negated else 'has happened'}"
        if node.name == "agreed":
            term = names.terms.get(args[0].text, args[0].text)
            if len(args) == 2:
                who = self.actor(args[1])
                has = "have" if who == names.me else "has"
                return f"{who} {has}{' not' if negated else ''} agreed to “{term}”"
            return f"{'no' if negated else 'an'} agreement in force holds “{term}”"
        return ("not " if negated else "") + f"{node.name}(...)"

    def value(self, node: object) -> str:
        """A number-valued expression as a noun phrase: ``self.readiness`` reads "your readiness"."""
        if isinstance(node, Literal):
            if node.kind == NUM:
                number = float(node.value)
                return str(int(number)) if number.is_integer() else str(number)
            return str(node.value)
        if isinstance(node, Name):
            return self.name(node)
        if isinstance(node, Unary):
            return f"minus {self.value(node.operand)}"
        if isinstance(node, Chain):
            words = {"+": "plus", "-": "minus", "*": "times", "/": "divided by"}
            parts = [self.value(node.first)] + [f"{words.get(op, op)} {self.value(x)}" for op, _, x in node.rest]
            return " ".join(parts)
        return self.phrase(node, negated=False)

    def name(self, node: Name) -> str:
        (first, _), *rest = node.parts
        if not rest:
            return _VARIABLES.get(first, first)
        owner = self.actor_name(first)
        stat = rest[0][0]
        if stat == "trust":
            other = self.actor_name(rest[1][0])
            return f"{self.possessive(owner)} trust in {other}"
        if stat == "perceived_rung":
            return f"{self.possessive(owner)} reading of the rung"
        return f"{self.possessive(owner)} {stat}"

    def possessive(self, who: str) -> str:
        return "your" if who == self.names.me else f"{who}’s"

    def actor(self, token: Token) -> str:
        return self.actor_name(token.text)

    def actor_name(self, actor_id: str) -> str:
        if actor_id == "self":
            return self.names.me
        if actor_id == "target":
            return self.names.target
        return self.names.actors.get(actor_id, actor_id)


def _joiner(node: object, negated: bool) -> str | None:
    """The ``and``/``or`` a node reads with (after pushing ``not`` inward), or None when it is not a chain of them."""
    while isinstance(node, Unary) and node.op == "not":
        node, negated = node.operand, not negated
    if isinstance(node, Chain) and node.rest[0][0] in ("and", "or"):
        joiner = node.rest[0][0]
        return joiner if not negated else ("or" if joiner == "and" else "and")
    return None


def _is_channel(node: object) -> bool:
    return isinstance(node, Call) and node.name == "channel"
