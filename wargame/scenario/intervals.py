"""Can a condition ever hold? Interval reasoning over its syntax tree.

Each variable has a range (a rung, a stat, trust, the turn); comparisons
with constants in an ``and`` chain narrow it, an ``or`` needs one possible
branch, and negations are pushed down to the leaves. What the calls
(``played``, ``fired``, ``crossed``, ``agreed``) may do is asked of the
scenario's ``Facts``. An answer of "never" comes with the reason, written
back in the author's terms, for the static warnings.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wargame.scenario.conditions import BOOL, NUM, STR, Call, Chain, Compare, Literal, Name, Unary

if TYPE_CHECKING:
    from wargame.scenario.reachability import Facts

INF = math.inf


@dataclass(frozen=True)
class Range:
    """The values a number can take: ``lo..hi``, whole numbers only when ``whole``."""

    lo: float
    hi: float
    whole: bool = True

    @property
    def empty(self) -> bool:
        return self.lo > self.hi

    @property
    def point(self) -> float | None:
        return self.lo if self.lo == self.hi else None

    def describe(self) -> str:
        return f"{number_text(self.lo)} to {number_text(self.hi)}"


def number_text(value: float) -> str:
    if value in (INF, -INF):
        return "infinity" if value > 0 else "-infinity"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class Site:
    """Where a condition is evaluated: the rung range there, and who ``self``/``target`` are."""

    rung: Range
    aliases: dict = field(default_factory=dict)  # "self" -> actor id; "target" -> actor id or "target"


class Analysis:
    """Can a condition tree be true? Negations are pushed down to the leaves as it goes."""

    def __init__(self, facts: Facts, site: Site, during_orders: bool):
        self.facts = facts
        self.site = site
        self.during_orders = during_orders

    def never(self, tree: object) -> str | None:
        return self.conjunction([(tree, False)], {}, {})

    # -- boolean structure

    def conjunction(self, parts: list, box: dict, why: dict) -> str | None:
        """All ``(node, negated)`` parts must hold together; ``box`` holds the ranges narrowed so far."""
        leaves: list[tuple[object, bool]] = []
        for node, negated in parts:
            leaves.extend(_flatten_and(node, negated))
        box, why = dict(box), {key: list(nodes) for key, nodes in why.items()}
        for node, negated in leaves:
            if isinstance(node, Compare):
                problem = self.narrow(node, negated, box, why)
                if problem:
                    return problem
        for node, negated in leaves:
            problem = self.leaf(node, negated, box, why)
            if problem:
                return problem
        return None

    def leaf(self, node: object, negated: bool, box: dict, why: dict) -> str | None:
        match node:
            case Literal(kind=kind, value=value) if kind == BOOL:
                return None if value != negated else f"'{_text(node, negated)}' never holds"
            case Chain(rest=rest) if rest[0][0] in ("and", "or"):  # an "or" (an "and" was flattened)
                branches = [(operand, negated) for operand in _operands(node)]
                reasons = [self.conjunction([branch], box, why) for branch in branches]
                if any(reason is None for reason in reasons):
                    return None
                unique = list(dict.fromkeys(reasons))
                return unique[0] if len(unique) == 1 else "none of its alternatives can hold (" + "; ".join(unique) + ")"
            case Compare():
                return self.compare(node, negated, box)
            case Call():
                return None if negated else self.call(node)
        return None

    def call(self, node: Call) -> str | None:
        facts, args = self.facts, [arg.text for arg in node.args]
        if node.name == "played":
            move = args[-1] if len(args) == 1 else args[1]
            if len(args) == 1:
                return None if facts.can_play(None, move) else f"no actor can ever play move '{move}'"
            actor = self.site.aliases.get(args[0], args[0])
            if actor == "target":  # any actor but the mover
                mover = self.site.aliases.get("self")
                if any(facts.can_play(a, move) for a in facts.actor_ids if a != mover):
                    return None
                return f"no possible target can ever play move '{move}'"
            return None if facts.can_play(actor, move) else f"{actor} can never play move '{move}'"
        if node.name == "fired":
            trigger = args[0]
            if trigger in facts.firing or trigger in facts.inject_ids:
                return None
            return f"trigger '{trigger}' can never fire"
        if node.name == "crossed":
            return None if args[0] in facts.crossable else f"red line '{args[0]}' can never be crossed"
        if node.name == "agreed":
            if self.during_orders or facts.agreed_at_turn_end(args[0]):
                return None
            return f"term '{args[0]}' breaks on the turn it is agreed"
        return None

    # -- comparisons

    def key(self, node: object) -> str | None:
        """The variable a bare name stands for, with ``self``/``target`` resolved where known."""
        if not isinstance(node, Name):
            return None
        names = [self.site.aliases.get(name, name) if i != 1 else name for i, (name, _) in enumerate(node.parts)]
        return ".".join(names)

    def range_of(self, node: object, box: dict) -> Range | None:
        """Interval of a numeric expression; None when it is not a number."""
        match node:
            case Literal(kind=kind, value=value):
                return Range(value, value, float(value).is_integer()) if kind == NUM else None
            case Name():
                key = self.key(node)
                return box.get(key) or self.facts.base_range(key, self.site)
            case Unary(op="-", operand=operand):
                inner = self.range_of(operand, box)
                return None if inner is None else Range(-inner.hi, -inner.lo, inner.whole)
            case Chain(first=first, rest=rest) if rest[0][0] in "+-*/":
                value = self.range_of(first, box)
                for op, _, operand in rest:
                    other = self.range_of(operand, box)
                    if value is None or other is None:
                        return None
                    value = _ARITHMETIC[op](value, other)
                return value
        return None

    def narrow(self, node: Compare, negated: bool, box: dict, why: dict) -> str | None:
        """Narrow a variable compared with a constant; explain when its range becomes empty."""
        op = _NEGATE[node.op] if negated else node.op
        for var, const, flip in ((node.left, node.right, False), (node.right, node.left, True)):
            key = self.key(var)
            if key is None:
                continue
            value = self.range_of(const, box)
            if value is None or value.point is None:
                continue
            base = self.facts.base_range(key, self.site)
            current = box.get(key) or base
            side_op = _FLIP[op] if flip else op
            narrowed = _narrowed(current, side_op, value.point)
            if narrowed == current:
                return None
            box[key] = narrowed
            why.setdefault(key, []).append((node, negated))
            if narrowed.empty:
                alone = _narrowed(base, side_op, value.point).empty
                return self.explain_empty(key, [(node, negated)] if alone else why[key])
            return None
        return None

    def explain_empty(self, key: str, nodes: list) -> str:
        texts = [f"'{_text(node, negated)}'" for node, negated in nodes]
        if len(texts) == 1:
            return f"{texts[0]} never holds ({self.variable_range(key)})"
        return " and ".join(texts) + " cannot both hold" if len(texts) == 2 else (
            ", ".join(texts[:-1]) + " and " + texts[-1] + " cannot all hold")

    def variable_range(self, key: str) -> str:
        base = self.facts.base_range(key, self.site)
        name = key.split(".")[-1] if "." in key else key
        if "." in key and ".trust." in key:
            return f"trust goes from {base.describe()}"
        if key == "rung" and base.hi < self.facts.top:
            return f"rung goes from {base.describe()} here"
        if key == "peak":
            return f"peak goes from {base.describe()}: the crisis starts at rung {self.facts.start}"
        if key == "turns":
            return f"the scenario has {number_text(base.lo)} turns"
        return f"{name} goes from {base.describe()}"

    def compare(self, node: Compare, negated: bool, box: dict) -> str | None:
        op = _NEGATE[node.op] if negated else node.op
        left, right = self.range_of(node.left, box), self.range_of(node.right, box)
        if left is None or right is None:
            both = (node.left, node.right)
            if all(isinstance(side, Literal) and side.kind in (STR, BOOL) for side in both):
                equal = node.left.value == node.right.value
                if equal != (op == "=="):
                    return f"'{_text(node, negated)}' never holds"
            return None
        if _may_hold(left, op, right):
            return None
        key = self.key(node.left) or self.key(node.right)
        detail = f" ({self.variable_range(key)})" if key else ""
        return f"'{_text(node, negated)}' never holds{detail}"


def _flatten_and(node: object, negated: bool) -> list[tuple[object, bool]]:
    """The conjuncts of ``node`` (or of its negation), through ``not``, ``and`` and De Morgan."""
    if isinstance(node, Unary) and node.op == "not":
        return _flatten_and(node.operand, not negated)
    if isinstance(node, Chain) and node.rest[0][0] == ("or" if negated else "and"):
        return [leaf for operand in _operands(node) for leaf in _flatten_and(operand, negated)]
    return [(node, negated)]


def _operands(node: Chain) -> list[object]:
    return [node.first] + [operand for _, _, operand in node.rest]


_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def _narrowed(current: Range, op: str, c: float) -> Range:
    lo, hi, whole = current.lo, current.hi, current.whole
    if op == "<":
        hi = min(hi, math.ceil(c) - 1 if whole else c)
    elif op == "<=":
        hi = min(hi, math.floor(c) if whole else c)
    elif op == ">":
        lo = max(lo, math.floor(c) + 1 if whole else c)
    elif op == ">=":
        lo = max(lo, math.ceil(c) if whole else c)
    elif op == "==":
        if whole and not float(c).is_integer():
            return Range(1, 0, whole)
        lo, hi = max(lo, c), min(hi, c)
    elif whole:  # "!=" trims an end
        if lo == c:
            lo += 1
        if hi == c:
            hi -= 1
    return Range(lo, hi, whole)


def _may_hold(left: Range, op: str, right: Range) -> bool:
    if left.empty or right.empty:
        return False
    if op == "<":
        return left.lo < right.hi
    if op == "<=":
        return left.lo <= right.hi
    if op == ">":
        return left.hi > right.lo
    if op == ">=":
        return left.hi >= right.lo
    if op == "==":
        point = left.point if right.point is None else right.point
        other = right if right.point is None else left
        if point is not None and other.whole and not float(point).is_integer():
            return False
        return left.lo <= right.hi and right.lo <= left.hi
    return not (left.point is not None and left.point == right.point)


def _times(a: float, b: float) -> float:
    return 0.0 if a == 0 or b == 0 else a * b  # 0 x infinity is 0 here, not nan


def _mul(a: Range, b: Range) -> Range:
    products = [_times(x, y) for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
    return Range(min(products), max(products), a.whole and b.whole)


def _div(a: Range, b: Range) -> Range:
    """The language divides by zero as 0, so a divisor range holding 0 gives up to everything."""
    if b.point == 0:
        return Range(0, 0)
    if b.lo <= 0 <= b.hi:
        return Range(-INF, INF, False)
    quotients = [x / y for x in (a.lo, a.hi) for y in (b.lo, b.hi) if abs(x) != INF or abs(y) != INF]
    if len(quotients) < 4:
        return Range(-INF, INF, False)
    return Range(min(quotients), max(quotients), False)


_ARITHMETIC: dict[str, Callable[[Range, Range], Range]] = {
    "+": lambda a, b: Range(a.lo + b.lo, a.hi + b.hi, a.whole and b.whole),
    "-": lambda a, b: Range(a.lo - b.hi, a.hi - b.lo, a.whole and b.whole),
    "*": _mul,
    "/": _div,
}


def _text(node: object, negated: bool = False) -> str:
    """A condition (sub)tree written back as text, for messages."""
    if negated and isinstance(node, Compare):  # "not (a < b)" reads best as "a >= b"
        return f"{_unparse(node.left)} {_NEGATE[node.op]} {_unparse(node.right)}"
    text = _unparse(node)
    if not negated:
        return text
    return f"not {text}" if isinstance(node, (Call, Literal, Name)) else f"not ({text})"


def _unparse(node: object) -> str:
    match node:
        case Literal(kind=kind, value=value):
            if kind == NUM:
                return number_text(value)
            return f"'{value}'" if kind == STR else str(value).lower()
        case Name(parts=parts):
            return ".".join(name for name, _ in parts)
        case Call(name=name, args=args):
            return f"{name}({', '.join(arg.text for arg in args)})"
        case Unary(op=op, operand=operand):
            inner = _unparse(operand)
            wrapped = f"({inner})" if isinstance(operand, (Chain, Compare)) else inner
            return f"not {wrapped}" if op == "not" else f"-{wrapped}"
        case Compare(op=op, left=left, right=right):
            return f"{_unparse(left)} {op} {_unparse(right)}"
        case Chain():
            parts = [_unparse(node.first) if not isinstance(node.first, Chain) else f"({_unparse(node.first)})"]
            for op, _, operand in node.rest:
                inner = _unparse(operand)
                parts.append(f"{op} ({inner})" if isinstance(operand, Chain) else f"{op} {inner}")
            return " ".join(parts)
    return "?"

