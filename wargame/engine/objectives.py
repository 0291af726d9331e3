"""How a side's objectives stand now, judged only from what that side may know.

The Briefing tab tells a player, for each objective, whether it holds now.
The scorer asks the whole game; a player sees only its view, so an
objective is judged for a side only when everything its condition reads is
public to that side, and then it is evaluated over the side's ``ActorView``
(``ViewEnv``), never over the game. The rule, name by name:

- ``turn`` and ``turns``: public. ``rung``, ``peak`` and ``rung_change``
  read the true rung, which is the white cell's until the end: hidden.
- ``X.stat``: public when X is the side, or when the stat is one of
  ``PUBLIC_STATS`` (credibility, support, readiness: the Actors tab shows
  them); another actor's other stats are hidden. ``X.perceived_rung`` and
  ``X.trust.Y`` are public only when X is the side.
- ``played(A, M)`` and ``played(M)``: public when A is the side or M is a
  public move (everyone sees a public move; a covert one may go unseen).
- ``crossed(L)``: public when L is one of the side's own red lines or a
  declared one; another actor's secret line is hidden.
- ``agreed(T)`` and ``agreed(T, P)``: the side sees only the agreements it
  is party to, so public when any agreement holding T must include it: P
  is the side, only the side may commit to T, or the scenario has two actors.
- ``channel(A, B)``: public when the side is A or B.
- ``fired(T)``: scripted events are the scenario's: hidden.

docs/classroom.md ("What each team sees") gives the same rule to players.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from wargame.engine.views import PUBLIC_STATS
from wargame.scenario.condition_syntax import Call, Chain, Compare, Name, Unary, syntax_tree

if TYPE_CHECKING:
    from wargame.engine.views import ActorView
    from wargame.scenario.loader import LoadedScenario
    from wargame.scenario.model import Objective

PUBLIC_VARIABLES = frozenset({"turn", "turns"})


class Standing(NamedTuple):
    """One objective as its side can judge it now: ``state`` is "met", "not yet" or "hidden"."""

    objective: Objective
    state: str
    hidden: tuple[str, ...] = ()  # when hidden: what the condition reads that the side cannot see, in words


def standings(view: ActorView) -> tuple[Standing, ...]:
    """Each of the view's side's objectives, met now or not, or why it cannot be judged from the view."""
    scenario, side = view.scenario, view.actor
    result = []
    for objective in scenario.actor(side).objectives:
        condition = scenario.condition("objective", side, objective.id)
        if condition is None:
            continue
        tree = condition.tree if condition.tree is not None else syntax_tree(condition.text)
        hidden = hidden_reads(tree, scenario, side)
        if hidden:
            result.append(Standing(objective, "hidden", hidden))
        else:
            result.append(Standing(objective, "met" if condition.evaluate(ViewEnv(view)) else "not yet"))
    return tuple(result)


def hidden_reads(tree: object, scenario: LoadedScenario, side: str) -> tuple[str, ...]:
    """What the condition ``tree`` reads that ``side`` may not know, in words (empty: it can be judged)."""
    found: dict[str, None] = {}
    _walk(tree, _Rule(scenario, side), found)
    return tuple(found)


class _Rule:
    """The module's rule for one side of one scenario."""

    def __init__(self, scenario: LoadedScenario, side: str):
        self.scenario, self.side = scenario, side
        self.names = {actor.id: actor.name for actor in scenario.spec.actors}
        self.two_sides = len(scenario.spec.actors) == 2

    def name(self, actor: str) -> str:
        return self.names.get(actor, actor)

    def variable(self, parts: list[str]) -> str | None:
        """Why a name (``rung``, ``usa.resolve``, ``usa.trust.cuba``) is hidden, or None when it is public."""
        if len(parts) == 1:
            return None if parts[0] in PUBLIC_VARIABLES else "the true rung"
        actor, stat = (self.side if parts[0] == "self" else parts[0]), parts[1]
        if actor == self.side:
            return None
        if stat == "trust":
            return f"{self.name(actor)}'s trust"
        if stat == "perceived_rung":
            return f"{self.name(actor)}'s reading of the rung"
        return None if stat in PUBLIC_STATS else f"{self.name(actor)}'s {stat}"

    def call(self, name: str, args: list[str]) -> str | None:
        """Why a function call is hidden from the side, or None when it is public."""
        spec, side = self.scenario.spec, self.side
        if name == "played":
            move = self.scenario.moves.get(args[-1] if len(args) == 1 else args[1])
            if (len(args) > 1 and args[0] == side) or (move is not None and move.visibility != "covert"):
                return None
            return "whether a covert move was played"
        if name == "crossed":
            owner, declared = next(((actor.id, line.declared) for actor in spec.actors for line in actor.red_lines
                                    if line.id == args[0]), (None, False))
            return None if owner == side or declared else "another side's secret red line"
        if name == "agreed":
            term = next((term for term in spec.terms if term.id == args[0]), None)
            only_me = term is not None and term.by == [side]
            if self.two_sides or only_me or (len(args) == 2 and args[1] == side):
                return None
            return "agreements between other sides"
        if name == "channel":
            return None if side in args else f"the line between {self.name(args[0])} and {self.name(args[1])}"
        return "scripted events"  # fired()


def _walk(node: object, rule: _Rule, found: dict[str, None]) -> None:
    """Every hidden read under ``node``, in the order the condition reads them."""
    reason: str | None = None
    if isinstance(node, Name):
        reason = rule.variable([part for part, _ in node.parts])
    elif isinstance(node, Call):
        reason = rule.call(node.name, [arg.text for arg in node.args])
    elif isinstance(node, Unary):
        _walk(node.operand, rule, found)
    elif isinstance(node, Compare):
        _walk(node.left, rule, found)
        _walk(node.right, rule, found)
    elif isinstance(node, Chain):
        _walk(node.first, rule, found)
        for _, _, operand in node.rest:
            _walk(operand, rule, found)
    if reason:
        found[reason] = None


class ViewEnv:
    """The condition language's questions answered from one side's view, for conditions ``hidden_reads`` passed.

    Asked anything the view does not hold, it raises ``LookupError``: the
    rule above keeps such conditions away, so that would be a bug here.
    """

    __slots__ = ("view",)

    def __init__(self, view: ActorView):
        self.view = view

    def var(self, name: str) -> float:
        if name == "turn":
            return self.view.turn
        if name == "turns":
            return self.view.turns
        raise LookupError(f"{name} is not in a side's view")

    def actor(self, name: str) -> str:
        return self.view.actor if name == "self" else name

    def stat(self, actor: str, stat: str) -> float:
        view = self.view
        if actor == view.actor:
            if stat == "perceived_rung":
                return view.perceived_rungs[-1] if view.perceived_rungs else view.perceived_rung
            return view.stats[stat]
        other = next(o for o in view.others if o.id == actor)
        return other.public_stats[stat]

    def trust(self, actor: str, other: str) -> float:
        if actor != self.view.actor:
            raise LookupError(f"{actor}'s trust is not in {self.view.actor}'s view")
        return self.view.trust_in.get(other, 100)

    def played(self, actor: str | None, move: str, within: int | None) -> bool:
        view = self.view
        since = view.turn - within if within else 0
        turns = [turn for turn, order in view.my_orders if order.move == move and actor in (None, view.actor)]
        turns += [turn for turn, readings in view.perceived_history for r in readings
                  if r.seen == move and actor in (None, r.actor)]
        return any(turn > since for turn in turns)

    def crossed(self, red_line: str) -> bool:
        lines = (*self.view.my_red_lines, *self.view.their_red_lines)
        return any(line.id == red_line and line.crossed_turn is not None for line in lines)

    def fired(self, trigger: str) -> bool:
        raise LookupError("scripted events are not in a side's view")

    def agreed(self, term: str, party: str | None = None) -> bool:
        return any(c.term == term and party in (None, c.party)
                   for agreement in self.view.agreements if agreement.in_force for c in agreement.commitments)

    def channel(self, actor: str, other: str) -> str:
        mine, theirs = (actor, other) if actor == self.view.actor else (other, actor)
        if mine != self.view.actor:
            raise LookupError(f"the line between {actor} and {other} is not in {self.view.actor}'s view")
        return next((o.channel for o in self.view.others if o.id == theirs), "open")
