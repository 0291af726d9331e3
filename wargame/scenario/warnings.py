"""Static warnings: things that load fine but cannot work as the author meant.

Warnings never stop a scenario from loading; ``wargame validate`` prints
them with the errors. Every warning here is *sound*: it is only given when
the thing can provably never happen in any game, a facilitator's injects
included, so a warning-free scenario is the goal, not a compromise. (The
one thing left out is a facilitator overriding the rung into the war band,
which ends the game at the end of that turn anyway.)

How: a condition is checked by interval reasoning over its syntax tree
(each variable has a range, comparisons with constants in an ``and`` chain
narrow it, ``or`` needs one possible branch), and "what can ever happen"
is a least fixpoint: a move is playable, a trigger can fire, a red line
can be crossed only if its condition can hold given the things found
possible so far. Starting from nothing and growing is what makes circular
conditions (trigger A needs ``fired(B)``, B needs ``fired(A)``) come out
impossible, as they are: in a real game something has to happen first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wargame.scenario.conditions import BOOL, NUM, STR, Call, Chain, Compare, Literal, Name, Unary
from wargame.scenario.diagnostics import Diagnostic
from wargame.scenario.model import Move

if TYPE_CHECKING:
    from wargame.scenario.loader import LoadedScenario
    from wargame.scenario.yamlsafe import Document

INF = math.inf


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


# ================================================================ ranges


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
        return f"{_number(self.lo)} to {_number(self.hi)}"


def _number(value: float) -> str:
    if value in (INF, -INF):
        return "infinity" if value > 0 else "-infinity"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class Site:
    """Where a condition is evaluated: the rung range there, and who ``self``/``target`` are."""

    rung: Range
    aliases: dict = field(default_factory=dict)  # "self" -> actor id; "target" -> actor id or "target"


# ================================================================ what can ever happen


class Facts:
    """What can ever happen in a game of this scenario, computed once as a least fixpoint."""

    def __init__(self, loaded: LoadedScenario):
        self.loaded = loaded
        spec = loaded.spec
        ladder = loaded.ladder
        self.top = sum(len(band.rungs) for band in ladder.bands) - 1
        self.war = self.top + 1 - len(ladder.bands[-1].rungs)
        self.start = ladder.start
        self.turns = spec.turns
        self.actor_ids = loaded.actor_ids
        self.mediators = tuple(a.id for a in spec.actors if a.role == "mediator")
        self.inject_ids = frozenset(i.id for i in spec.injects)
        self.playable: set[tuple[str, str]] = set()  # (actor, move)
        self.firing: set[str] = set()  # triggers that can fire
        self.crossable: set[str] = set()  # red lines that can be crossed
        self._solve()

    # -- the fixpoint

    def _solve(self) -> None:
        spec = self.loaded.spec
        changed = True
        while changed:
            changed = False
            for actor in self.actor_ids:
                for move in self.loaded.moves_for(actor):
                    if (actor, move.id) not in self.playable and self.move_blocker(actor, move) is None:
                        self.playable.add((actor, move.id))
                        changed = True
            for trigger in spec.triggers:
                if trigger.id not in self.firing and self.trigger_blocker(trigger) is None:
                    self.firing.add(trigger.id)
                    changed = True
            for owner in spec.actors:
                for line in owner.red_lines:
                    if line.id not in self.crossable and self.red_line_blocker(line) is None:
                        self.crossable.add(line.id)
                        changed = True

    # -- sites

    def site(self, lo: int = 0, hi: int | None = None, aliases: dict | None = None) -> Site:
        return Site(Range(lo, self.top if hi is None else hi), aliases or {})

    def base_range(self, key: str, site: Site) -> Range:
        if key == "rung":
            return site.rung
        if key == "turn":
            return Range(1, self.turns)
        if key == "turns":
            return Range(self.turns, self.turns)
        if key == "peak":
            return Range(max(self.start, site.rung.lo), self.top)
        if key == "rung_change":
            return Range(-self.top, self.top)
        if key.endswith(".perceived_rung"):
            return Range(0, self.top, whole=False)
        return Range(0, 100)  # stats and trust

    # -- why something cannot happen (None: it can, as far as is provable)

    def move_blocker(self, actor: str, move: Move) -> str | None:
        if move.min_rung > move.max_rung:
            return f"its min_rung {move.min_rung} is above its max_rung {move.max_rung}"
        if move.min_rung > self.top:
            return f"it needs rung {move.min_rung} or higher, but the top rung is {self.top}"
        if move.min_rung >= self.war:
            return (f"it needs rung {move.min_rung} or higher, but rung {self.war} is war "
                    "and reaching it ends the game")
        if move.id in self.loaded.locked and not self._unlockable(move.id):
            sources = [t.id for t in self.loaded.spec.triggers if move.id in t.effects.unlock]
            return "it is locked, and no trigger that unlocks it can ever fire (" + ", ".join(sources) + ")"
        if move.targeted and "mediation" in move.tags:
            why = self._mediation_blocker(actor)
            if why:
                return why
        condition = self.loaded.condition("move", move.id)
        if condition is not None:
            why = self._requirement_blocker(actor, move, condition)
            if why:
                return f"its requirement never holds: {why}"
        return None

    def _mediation_blocker(self, actor: str) -> str | None:
        """Why ``actor`` never finds a go-between (as ``legality.mediators``: a mediator may mediate itself)."""
        if actor in self.mediators:
            if all(other in self.mediators for other in self.actor_ids if other != actor):
                return "a mediator mediates only with a party, and every other actor is a mediator"
            return None
        if not self.mediators:
            return "it needs a mediator (an actor with role: mediator) and the scenario has none"
        if len(self.actor_ids) < 3:
            return "mediation needs a third actor besides the two sides"
        return None

    def _requirement_blocker(self, actor: str, move: Move, condition) -> str | None:
        """Why a move's prerequisite never holds when ``actor`` plays it, or None."""
        target = "target" if move.targeted else actor
        site = self.site(move.min_rung, min(move.max_rung, self.war - 1), {"self": actor, "target": target})
        return self.never_of(("move", move.id), site, during_orders=True)

    def _unlockable(self, move_id: str) -> bool:
        spec = self.loaded.spec
        return any(move_id in i.effects.unlock for i in spec.injects) or any(
            move_id in t.effects.unlock and t.id in self.firing for t in spec.triggers
        )

    def trigger_blocker(self, trigger) -> str | None:
        if trigger.chance == 0:
            return "its chance is 0"
        if trigger.when is None:
            return None
        return self.never_of(("trigger", trigger.id), self.site())

    def red_line_blocker(self, line) -> str | None:
        return self.never_of(("red_line", line.id), self.site())

    def keepers(self, term) -> tuple[str, ...]:
        """Actors who may commit to ``term``."""
        return tuple(term.by) if term.by else self.actor_ids

    def term_breaks(self, term) -> str | None:
        """Why every agreement containing ``term`` breaks, or None."""
        if term.requires is None:
            return None
        move = term.requires.move
        if move in term.forbids:
            return f"it both requires and forbids move '{move}'"
        if not any((actor, move) in self.playable for actor in self.keepers(term)):
            return f"it requires move '{move}', which {_nobody(term.by)}"
        return None

    def agreed_at_turn_end(self, term_id: str) -> bool:
        """Whether an agreement with the term can still be in force when a turn has been resolved.

        A commitment due on the agreement's own turn (``within: 1``) that can
        never be kept breaks before triggers, red lines and outcomes look.
        """
        term = next(t for t in self.loaded.spec.terms if t.id == term_id)
        return not (term.requires and term.requires.within == 1 and self.term_breaks(term))

    def can_play(self, actor: str | None, move: str) -> bool:
        if actor is None:
            return any((a, move) in self.playable for a in self.actor_ids)
        return (actor, move) in self.playable

    # -- conditions

    def never(self, tree: object, site: Site, *, during_orders: bool = False) -> str | None:
        """Why the condition can never hold at ``site``, or None when it might."""
        return _Analysis(self, site, during_orders).never(tree)

    def never_of(self, key: tuple, site: Site, *, during_orders: bool = False) -> str | None:
        """``never`` for the scenario's condition ``key``, remembered across loads when that is sound.

        A condition that asks nothing of the fixpoint (no played, fired,
        crossed or agreed) gets an answer that depends only on its text, the
        site's rung range, the ladder's top and, if it reads them, the
        starting rung and the number of turns; and on the site's actors only
        through which names coincide, which is fixed when it names aliases
        (``self``, ``target``) but no actor id: ``self`` is ``target`` or is
        not. Most prerequisites, triggers on the turn or the rung, and stat
        objectives are such, and the standard moves' prerequisites are the
        same text in every scenario.
        """
        condition = self.loaded.conditions[key]
        refs = condition.references
        if refs.moves or refs.red_lines or refs.triggers or refs.terms or (site.aliases and refs.actors):
            return self.never(condition.tree, site, during_orders=during_orders)
        reads = refs.variables
        memo_key = (condition.text, site.rung.lo, site.rung.hi, during_orders, site.aliases.get("self") == site.aliases.get("target"),
                    self.top, self.start if "peak" in reads else None,
                    self.turns if not reads.isdisjoint({"turn", "turns"}) else None)
        if memo_key not in _SETTLED:
            if len(_SETTLED) >= _SETTLED_LIMIT:
                _SETTLED.clear()
            _SETTLED[memo_key] = self.never(condition.tree, site, during_orders=during_orders)
        return _SETTLED[memo_key]


_SETTLED: dict[tuple, str | None] = {}  # see Facts.never_of
_SETTLED_LIMIT = 4096


def forget_analyses() -> None:
    """Empty this process's memory of condition analyses (a benchmark's first load)."""
    _SETTLED.clear()


def _nobody(actors: list[str]) -> str:
    """``"no actor can ever play"`` and its variants for the actors who may commit to a term."""
    if not actors:
        return "no actor can ever play"
    if len(actors) == 1:
        return f"{actors[0]} can never play"
    if len(actors) == 2:
        return f"neither {actors[0]} nor {actors[1]} can ever play"
    return "none of " + ", ".join(actors) + " can ever play"


# ================================================================ interval reasoning


class _Analysis:
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
            return f"the scenario has {_number(base.lo)} turns"
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
                return _number(value)
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


# ================================================================ the warnings, kind by kind

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
