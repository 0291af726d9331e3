"""From a game to the report data: the one place where the debrief decides what to say."""

from __future__ import annotations

from dataclasses import replace

from wargame.debrief import metrics, questions, turning
from wargame.debrief.model import (
    ActorInfo,
    ActorLedger,
    BandInfo,
    Chart,
    ChartPoint,
    Happening,
    IndicatorRow,
    MessageLine,
    MoveLine,
    OutcomeInfo,
    PromiseEntry,
    Reading,
    RedLineEntry,
    Report,
    ScoreLine,
    TurnEntry,
)
from wargame.debrief.trace import Trace, trace
from wargame.engine import Game
from wargame.engine.indicators import INDICATORS

# Event kinds shown in the timeline, and under which heading; the others are
# shown elsewhere (moves, messages, the rung) or are only bookkeeping.
HAPPENING_KINDS = {
    "trigger": "event", "hotline": "event", "inject": "inject", "override": "inject",
    "facilitator_news": "inject", "third_party": "inject", "seat": "inject", "timeout": "inject",
    "red_line": "red line", "red_line_honoured": "red line", "red_line_ignored": "red line",
    "agreement": "agreement", "agreement_broken": "agreement", "assurance": "agreement",
    "threshold": "news", "revealed": "news", "provocation": "news", "outcome": "news",
}


def build_report(game: Game) -> Report:
    """Everything the after-action report shows, computed once from the game."""
    watched = trace(game)
    spec = game.scenario.spec
    timeline = tuple(_turn_entry(game, record, watched) for record in game.history)
    ledgers = tuple(_ledger(game, actor, watched) for actor in game.actor_ids)
    crisis_metrics = metrics.crisis_metrics(game)
    points = turning.turning_points(game, timeline)
    report = Report(
        title=spec.title,
        scenario_id=spec.id,
        setting=spec.setting,
        seed=game.seed,
        turns_played=len(game.history),
        turn_limit=spec.turns,
        status="ended" if game.is_over() else f"in progress: {game.turn_label()}, {game.turn_phase} phase",
        outcome=_outcome(game),
        peak=game.peak,
        actors=tuple(ActorInfo(a.id, a.name, a.leader, a.role == "mediator") for a in spec.actors),
        chart=_chart(game),
        timeline=timeline,
        ledgers=ledgers,
        indicator_names=tuple(INDICATORS.values()),
        indicators=tuple(
            IndicatorRow(r.turn, r.label, tuple(r.indicators.get(key, 0) for key in INDICATORS)) for r in game.history
        ),
        metrics=crisis_metrics,
        turning_points=points,
        questions=(),
    )
    return _with_questions(report)


def _with_questions(report: Report) -> Report:
    return replace(report, questions=questions.discussion_questions(report))


# ------------------------------------------------------------------ parts


def _outcome(game: Game) -> OutcomeInfo | None:
    o = game.outcome
    if o is None:
        return None
    notes = dict(o.score_notes)
    return OutcomeInfo(o.kind, o.turn, o.reason, o.actor, tuple(ScoreLine(a, s, notes.get(a, "")) for a, s in o.scores))


def _chart(game: Game) -> Chart:
    bands, low = [], 0
    for band in game.ladder.bands:
        bands.append(BandInfo(band.id, band.name, band.color, low, low + len(band.rungs) - 1, band.threshold))
        low += len(band.rungs)
    points = tuple(
        ChartPoint(r.turn, r.label, r.rung_after, tuple((a, r.perceived_rung[a]) for a in game.actor_ids))
        for r in game.history
    )
    start = game.history[0].rung_before if game.history else game.rung
    return Chart(start, game.top_rung, game.war_rung, tuple(game.rung_names), tuple(bands), points)


def _turn_entry(game: Game, record, watched: Trace) -> TurnEntry:
    moves = []
    for actor, order in record.orders.items():
        move = game.scenario.moves[order.move]
        readings = tuple(
            Reading(p.observer, p.seen is not None, p.perceived, p.misread)
            for p in record.perceptions if p.actor == actor
        )
        moves.append(MoveLine(actor, move.id, move.name, order.target, record.escalation.get(actor, 0.0),
                              tuple(move.tags), move.visibility == "covert", readings, float(move.escalation)))
    messages = tuple(_message(game, e) for e in game.envelopes if e.turn == record.turn)
    happenings = tuple(
        Happening(HAPPENING_KINDS[e.kind], e.text) for e in game.events
        if e.turn == record.turn and e.kind in HAPPENING_KINDS
    )
    return TurnEntry(
        turn=record.turn,
        label=record.label,
        rung_before=record.rung_before,
        rung_after=record.rung_after,
        band=game.band(record.rung_after).name,
        moves=tuple(moves),
        messages=messages,
        happenings=happenings,
        off_ramps=turning.off_ramps(game, record, watched),
    )


def _message(game: Game, envelope) -> MessageLine:
    m = envelope.message
    return MessageLine(
        id=envelope.id, sender=m.sender, recipient=m.recipient, kind=m.kind, text=m.text,
        offer=tuple(term_text(game, t) for t in m.offer), ask=tuple(term_text(game, t) for t in m.ask),
        status=envelope.status, garbled=envelope.garbled, delayed=envelope.deliver_on != envelope.turn,
        reply_to=m.reply_to,
    )


def term_text(game: Game, term_id: str | None) -> str:
    return next((t.text for t in game.scenario.spec.terms if t.id == term_id), str(term_id))


def move_name(game: Game, move_id: str | None) -> str:
    move = game.scenario.moves.get(move_id or "")
    return move.name if move else str(move_id)


def _red_line(game: Game, line) -> RedLineEntry:
    return RedLineEntry(
        id=line.id, owner=line.owner, against=line.against, description=line.description, source=line.source,
        declared=line.declared, status=line.status, crossed_turn=line.crossed_turn,
        answered_turn=line.answered_turn, response=tuple(move_name(game, m) for m in line.response),
    )


def _ledger(game: Game, actor: str, watched: Trace) -> ActorLedger:
    start = game.scenario.actor(actor).stats.credibility
    credibility = (start, *(watched.stats_after[r.turn][actor]["credibility"] for r in game.history))
    own = tuple(_red_line(game, line) for line in game.red_lines if line.owner == actor)
    crossed = tuple(_red_line(game, line) for line in game.red_lines
                    if line.against == actor and line.crossed_turn is not None)
    promises = tuple(
        PromiseEntry(a.id, a.turn, a.parties, tuple(term_text(game, t) for t in a.terms) or
                     tuple(f"not to {move_name(game, m).lower()}" for c in a.commitments for m in c.forbids),
                     a.status, a.broken_by, a.broken_turn, a.kept_turns)
        for a in game.agreements if actor in a.parties
    )
    return ActorLedger(actor, credibility, own, crossed, promises, _verdict(game, actor, credibility, own, promises))


def _verdict(game: Game, actor: str, credibility, own, promises) -> str:
    parts = [f"Credibility {credibility[0]} → {credibility[-1]}"]
    tested = [line for line in own if line.crossed_turn is not None]
    if tested:
        honoured = sum(1 for line in tested if line.status == "honoured")
        ignored = sum(1 for line in tested if line.status == "ignored")
        text = f"answered {honoured} of {len(tested)} crossed red line{'s' * (len(tested) > 1)}"
        if ignored:
            text += f", let {ignored} pass"
        parts.append(text)
    elif own:
        parts.append(f"none of its {len(own)} red line{'s' * (len(own) > 1)} was tested")
    broken = sum(1 for p in promises if p.broken_by == actor)
    if promises:
        parts.append(f"broke {broken} of {len(promises)} commitment{'s' * (len(promises) > 1)}")
    return "; ".join(parts) + "."
