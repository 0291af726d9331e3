"""Turning points: the biggest escalations, the widest gaps between belief and
reality, and the off-ramps: moments when a way down was open and not taken.

An off-ramp is counted when an actor escalated on a turn the ladder went up
while de-escalatory moves were open to it, or when it rejected or let lapse a proposal or counter
offered to it (accepting would have made an agreement).
"""

from __future__ import annotations

from wargame.debrief.model import OffRamp, TurnEntry, TurningPoint
from wargame.debrief.trace import Trace
from wargame.debrief.words import possessive
from wargame.engine import Game
from wargame.engine.clarity import clarity_words

TOP = 3
PERCEPTION_GAP = 1.0  # rungs between belief and reality worth a mention
NAMED_OPTIONS = 3


def off_ramps(game: Game, record, watched: Trace) -> tuple[OffRamp, ...]:
    escalating = []
    for actor, order in record.orders.items():
        calm = sorted(watched.calm_options.get((record.turn, actor), ()), key=lambda m: game.scenario.moves[m].escalation)
        weight = record.escalation.get(actor, 0.0)
        if weight > 0 and calm and record.rung_after > record.rung_before:
            names = ", ".join(game.scenario.moves[m].name.lower() for m in calm[:NAMED_OPTIONS])
            more = f" and {len(calm) - NAMED_OPTIONS} more" if len(calm) > NAMED_OPTIONS else ""
            escalating.append((-weight, OffRamp(record.turn, actor, "move",
                               f"{_name(game, actor)} chose {game.scenario.moves[order.move].name.lower()} "
                               f"(escalation {weight:+g}) while it could have played {names}{more}")))
    found = [ramp for _, ramp in sorted(escalating, key=lambda item: item[0])]  # the hardest push first
    for envelope in game.envelopes:
        m = envelope.message
        if m.kind not in ("proposal", "counter") or envelope.deliver_on != record.turn:
            continue
        if envelope.status == "rejected":
            verb = "rejected"
        elif envelope.status == "expired" or (envelope.status == "pending" and not _ended(game, record.turn)):
            verb = "let lapse"
        else:
            continue
        terms = "; ".join(_term(game, t) for t in (*m.offer, *m.ask))
        found.append(OffRamp(record.turn, m.recipient, "offer",
                             f"{_name(game, m.recipient)} {verb} {possessive(_name(game, m.sender))} {m.kind} ({terms})"))
    return tuple(found)


def turning_points(game: Game, timeline: tuple[TurnEntry, ...]) -> tuple[TurningPoint, ...]:
    return (*_escalations(game, timeline), *_perception_gaps(game), *_best_off_ramps(timeline))


def _escalations(game: Game, timeline) -> list[TurningPoint]:
    rising = sorted((t for t in timeline if t.rung_after > t.rung_before), key=lambda t: (t.rung_before - t.rung_after, t.turn))
    points = []
    for entry in rising[:TOP]:
        pushes = sorted((m for m in entry.moves if m.escalation > 0), key=lambda m: -m.escalation)
        who = ", ".join(f"{possessive(_name(game, m.actor))} {m.move.lower()} ({m.escalation:+g})" for m in pushes)
        change = entry.rung_after - entry.rung_before
        points.append(TurningPoint(
            "escalation", entry.turn, entry.label,
            f"The ladder climbed {change} rung{'s' * (change > 1)}, from {entry.rung_before} to {entry.rung_after} "
            f"({game.rung_names[entry.rung_after]})" + (f", pushed by {who}." if who else "."),
        ))
    return sorted(points, key=lambda p: p.turn)


def _perception_gaps(game: Game) -> list[TurningPoint]:
    gaps = []
    for record in game.history:
        for actor, believed in record.perceived_rung.items():
            gap = believed - record.rung_after
            if abs(gap) >= PERCEPTION_GAP:
                side = "over" if gap > 0 else "under"
                gaps.append((abs(gap), record.turn, TurningPoint(
                    "perception", record.turn, record.label,
                    f"{_name(game, actor)} believed the crisis stood at rung {believed:.1f} when it was at "
                    f"{record.rung_after}: it {side}estimated it by {abs(gap):.1f}.",
                )))
        for p in record.perceptions:
            if p.misread:
                gaps.append((abs(p.perceived - p.actual), record.turn, TurningPoint(
                    "perception", record.turn, record.label,
                    f"{_name(game, p.observer)} read {possessive(_name(game, p.actor))} {game.scenario.moves[p.move].name.lower()} "
                    f"as {p.perceived:+.1f} on the ladder when it was {p.actual:+g} ({clarity_words(p.noise, p.causes)}).",
                )))
    gaps.sort(key=lambda item: (-item[0], item[1]))
    return sorted((point for _, _, point in gaps[:TOP]), key=lambda p: p.turn)


def _best_off_ramps(timeline) -> list[TurningPoint]:
    """One off-ramp per turn (a refused offer before an escalating move), from the turns the ladder rose most."""
    ranked = sorted(
        (entry for entry in timeline if entry.off_ramps),
        key=lambda entry: (-(entry.rung_after - entry.rung_before), entry.turn),
    )
    points = []
    for entry in sorted(ranked[:TOP + 1], key=lambda e: e.turn):
        ramp = next((r for r in entry.off_ramps if r.kind == "offer"), entry.off_ramps[0])
        points.append(TurningPoint("off-ramp", entry.turn, entry.label, ramp.text + "."))
    return points


def _ended(game: Game, turn: int) -> bool:
    return game.outcome is not None and game.outcome.turn == turn


def _name(game: Game, actor: str) -> str:
    return game.scenario.actor(actor).name


def _term(game: Game, term_id: str) -> str:
    return next((t.text for t in game.scenario.spec.terms if t.id == term_id), term_id)
