"""Two branches of the same crisis side by side, from the turn where they part.

Branches are usually a game and its counterfactual fork (``wargame play
--load SAVE --from-turn N``): same scenario, same seed, the same decisions
up to a point. The comparison finds that point in the decision logs and
lays the two reports next to each other from there.
"""

from __future__ import annotations

from wargame.debrief.build import build_report, move_name
from wargame.debrief.model import Branch, CompareRow, Comparison
from wargame.engine import Game, Inject, Message, Order, Override, Proceed
from wargame.errors import WargameError


class CompareError(WargameError):
    """The two games cannot be compared (different scenarios)."""


def build_comparison(a: Game, b: Game, label_a: str = "A", label_b: str = "B") -> Comparison:
    if a.scenario.digest != b.scenario.digest:
        if a.scenario.id != b.scenario.id:
            why = f"they are games of different scenarios ({a.scenario.id} and {b.scenario.id})"
        else:
            why = f"they were played on different versions of the scenario '{a.scenario.id}'"
        raise CompareError(f"cannot compare {label_a} and {label_b}: {why}")
    shared = _shared_prefix(a.decisions, b.decisions)
    report_a, report_b = build_report(a), build_report(b)
    title = a.scenario.spec.title
    if shared == len(a.decisions) == len(b.decisions) and a.seed == b.seed:
        turn, text = None, "The two saves hold the same game: the same seed and the same decisions."
    else:
        turn = _turn_at(a.decisions, shared)
        text = (f"Both branches share their first {shared} decisions; on turn {turn} "
                f"{label_a} {_describe(a, shared)} where {label_b} {_describe(b, shared)}.")
        if a.seed != b.seed:
            turn = 1
            text += f" The seeds differ ({a.seed} and {b.seed}), so chance parts them from the first turn."
    rows: tuple[CompareRow, ...] = ()
    if turn is not None:
        last = max(len(report_a.timeline), len(report_b.timeline))
        rows = tuple(
            CompareRow(t, _entry(report_a, t), _entry(report_b, t)) for t in range(turn, last + 1)
        )
    return Comparison(
        title=title,
        a=Branch(label_a, report_a, len(a.decisions)),
        b=Branch(label_b, report_b, len(b.decisions)),
        shared_decisions=shared,
        divergence_turn=turn,
        divergence=text,
        rows=rows,
    )


def _shared_prefix(first: list, second: list) -> int:
    count = 0
    for x, y in zip(first, second):
        if x != y:
            break
        count += 1
    return count


def _turn_at(decisions: list, index: int) -> int:
    """The turn a decision log is in before its ``index``-th decision (each closed aftermath starts a turn)."""
    return 1 + sum(1 for d in decisions[:index] if isinstance(d, Proceed) and d.phase == "aftermath")


def _entry(report, turn: int):
    return next((entry for entry in report.timeline if entry.turn == turn), None)


def _describe(game: Game, index: int) -> str:
    """The decision at ``index`` in words, as the branch's next step."""
    if index >= len(game.decisions):
        return "stops (its save ends here)"
    d = game.decisions[index]
    name = lambda actor: game.scenario.actor(actor).name  # noqa: E731
    if isinstance(d, Order):
        target = f" against {name(d.target)}" if d.target else ""
        return f"has {name(d.actor)} order {move_name(game, d.move).lower()}{target}"
    if isinstance(d, Message):
        return f"has {name(d.sender)} send a {d.kind} to {name(d.recipient)}"
    if isinstance(d, Proceed):
        return f"closes the {d.phase} phase"
    if isinstance(d, Inject):
        return f"fires the inject {d.inject}"
    if isinstance(d, Override):
        return f"sets {d.actor or 'the ladder'} {d.stat} to {d.value}"
    return f"has the facilitator decide: {type(d).__name__.lower()}"
