"""Discussion questions for a class, drawn from what happened in this game.

Each rule looks for one kind of moment (a preemptive blow, a red line let
pass, a misreading, a broken agreement, an off-ramp not taken, the way the
crisis ended) and asks about the first or largest instance, naming the
turn and the actors, so the class talks about its own game.
"""

from __future__ import annotations

from collections.abc import Callable

from wargame.debrief.model import Report
from wargame.debrief.words import possessive
from wargame.engine.phases import OutcomeKind
from wargame.scenario.tags import PREEMPTIVE, PREVENTIVE

MAX_QUESTIONS = 8
CHEAP_TALK = 0.5  # a side whose calming moves counted less than this share of their worth is asked why
CHEAP_TALK_WEIGHT = 4  # ... if they were worth at least this much at face value


def discussion_questions(report: Report) -> tuple[str, ...]:
    asked = [question for rule in RULES if (question := rule(report))]
    return tuple(asked[:MAX_QUESTIONS])


def _prevention(report: Report) -> str | None:
    for entry in report.timeline:
        for move in entry.moves:
            if not PREEMPTIVE.isdisjoint(move.tags):
                target = f" against {report.actor_name(move.target)}" if move.target else ""
                believed = _believed(report, move.actor, entry.turn - 1)
                return (
                    f"On {entry.label}, {report.actor_name(move.actor)} struck first with {move.move.lower()}{target}, "
                    f"believing the crisis stood at rung {believed:.0f}. Was this preemption (an attack was imminent) "
                    f"or a preventive war of choice? What would it have needed to know to tell the difference?"
                )
    for entry in report.timeline:
        for move in entry.moves:
            if not PREVENTIVE.isdisjoint(move.tags):
                return (
                    f"On {entry.label}, at rung {entry.rung_before}, {report.actor_name(move.actor)} tried preventive "
                    f"diplomacy ({move.move.lower()}). Preventive moves are cheapest low on the ladder: did it change "
                    f"the course of the crisis, and why do leaders so rarely invest in them early?"
                )
    return (
        "Nobody used preventive diplomacy (quiet dialogue, confidence-building, mediation) in this game. "
        "Which move on the first turn would have cost least and helped most, and why was it not chosen?"
    )


def _credibility(report: Report) -> str | None:
    lines = [line for ledger in report.ledgers for line in ledger.own_lines if line.crossed_turn is not None]
    ignored = [line for line in lines if line.status == "ignored"]
    if ignored:
        line = min(ignored, key=lambda l: l.crossed_turn)
        ledger = next(l for l in report.ledgers if l.actor == line.owner)
        return (
            f"{report.actor_name(line.owner)} let its red line “{line.description}” pass unanswered after "
            f"{report.actor_name(line.against)} crossed it on turn {line.crossed_turn}; its credibility went from "
            f"{ledger.credibility[0]} to {ledger.credibility[-1]}. Was restraint wiser than keeping its word?"
        )
    honoured = [line for line in lines if line.status == "honoured"]
    if honoured:
        line = min(honoured, key=lambda l: l.crossed_turn)
        return (
            f"{report.actor_name(line.owner)} answered the crossing of its red line “{line.description}” on turn "
            f"{line.answered_turn}. Did keeping the commitment restore deterrence, or did it push the ladder higher?"
        )
    if lines:
        line = lines[0]
        return (
            f"{report.actor_name(line.against)} crossed {possessive(report.actor_name(line.owner))} red line "
            f"“{line.description}” on turn {line.crossed_turn}. Why did the warning fail to deter?"
        )
    if any(ledger.own_lines for ledger in report.ledgers):
        return "No red line was crossed. Did the red lines deter, or were they simply never tested? How can you tell?"
    return None


def _miscommunication(report: Report) -> str | None:
    for entry in report.timeline:
        for message in entry.messages:
            if message.garbled or message.delayed:
                what = "arrived garbled" if message.garbled else "was held up on a strained line"
                return (
                    f"On {entry.label}, {possessive(report.actor_name(message.sender))} {message.kind} to "
                    f"{report.actor_name(message.recipient)} {what}. How do leaders communicate when channels "
                    f"are unreliable, and what is the cost of having no hotline?"
                )
    gaps = [p for p in report.turning_points if p.kind == "perception"]
    if gaps:
        return (
            f"{gaps[0].text} What signals, channels or transparency measures could have closed the gap "
            f"between what was done and what was seen?"
        )
    return None


def _agreements(report: Report) -> str | None:
    promises = {p.id: p for ledger in report.ledgers for p in ledger.promises}.values()
    broken = sorted((p for p in promises if p.status == "broken"), key=lambda p: p.broken_turn)
    if broken:
        p = broken[0]
        return (
            f"{report.actor_name(p.broken_by)} broke the commitment made on turn {p.turn} "
            f"({'; '.join(p.terms)}) on turn {p.broken_turn}. Why are commitments hard to keep in a crisis, "
            f"and how could this one have been made easier to verify?"
        )
    signed = sorted((p for p in promises if len(set(p.parties)) >= 2), key=lambda p: p.turn)
    if signed:
        p = signed[0]
        return (
            f"On turn {p.turn}, {' and '.join(report.actor_name(a) for a in p.parties)} agreed: {'; '.join(p.terms)}. "
            f"What made agreement possible at that moment and not earlier?"
        )
    return None


def _cheap_talk(report: Report) -> str | None:
    """The party whose calming moves counted least, if it spent many on gestures that hardly counted.

    A mediator's moves always count half for the parties' quarrel, so mediators are not asked.
    """
    mediators = {a.id for a in report.actors if a.mediator}
    sides = [m for m in report.metrics if m.actor is not None and m.actor not in mediators
             and m.calming_weight >= CHEAP_TALK_WEIGHT and m.calming_share is not None and m.calming_share < CHEAP_TALK]
    if not sides:
        return None
    m = min(sides, key=lambda m: m.calming_share or 0.0)
    return (
        f"{possessive(report.actor_name(m.actor))} calming moves were worth ▼{m.calming_weight:g} at face value, "
        f"but the ladder counted only ▼{round(m.calming_counted, 1):g} ({m.calming_share:.0%}): gestures repeated, made to "
        f"those who already trusted it or through a go-between count for less. Where would the same effort have "
        f"reassured someone who needed it?"
    )


def _off_ramp(report: Report) -> str | None:
    ramps = [p for p in report.turning_points if p.kind == "off-ramp"]
    if not ramps:
        return None
    return f"On {ramps[0].label}, {ramps[0].text[:-1]}. Why was this off-ramp not taken?"


def _escalation(report: Report) -> str | None:
    jumps = [p for p in report.turning_points if p.kind == "escalation"]
    if not jumps:
        return None
    biggest = max(jumps, key=lambda p: next(t.rung_after - t.rung_before for t in report.timeline if t.turn == p.turn))
    return f"On {biggest.label}: {biggest.text} Was this a deliberate choice, or a spiral that nobody wanted?"


def _ending(report: Report) -> str | None:
    outcome = report.outcome
    if outcome is None:
        return "The game is not over. What do you expect each side to do next, and why?"
    if outcome.kind == OutcomeKind.WAR:
        return ("The crisis ended in war. Looking at the escalation chart, from which turn was war hard to avoid, "
                "and who could still have stopped it then?")
    if outcome.kind == OutcomeKind.CAPITULATION:
        return (f"{report.actor_name(outcome.actor)} could no longer hold its position. Was its collapse its own "
                f"doing or the result of pressure from the others, and is a humiliated adversary a lasting peace?")
    if outcome.kind == OutcomeKind.STALEMATE:
        return (f"The crisis was still unresolved after {report.turns_played} turns. Is a frozen crisis a success "
                f"or a failure, and for whom?")
    best = max(outcome.scores, key=lambda s: s.score, default=None)
    winner = f" {report.actor_name(best.actor)} scored highest." if best else ""
    return (f"The crisis was {outcome.kind}.{winner} Which single decision did most to bring it down, and "
            f"would it have worked earlier?")


RULES: tuple[Callable[[Report], str | None], ...] = (
    _prevention, _credibility, _miscommunication, _cheap_talk, _agreements, _off_ramp, _escalation, _ending,
)


def _believed(report: Report, actor: str, turn: int) -> float:
    """What ``actor`` believed the rung was at the end of ``turn`` (the start, before turn 1)."""
    for point in report.chart.points:
        if point.turn == turn:
            return dict(point.perceived)[actor]
    return float(report.chart.start_rung)
