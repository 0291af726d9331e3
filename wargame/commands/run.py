"""``wargame run SCENARIO [--seed N] [--save FILE]``: one headless game, the computer on every side.

The account is the facilitator's: for every turn the messages sent, each
actor's actual move next to how every other actor read it (misreads
flagged), triggers, the ladder with rung names, red lines and agreements;
then the outcome and each actor's score with its reasons. It is printed
turn by turn as the game is played, so a long game shows progress.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections.abc import Iterator

WIDTH = 100
SHOWN_ELSEWHERE = {"briefing", "ladder", "misread", "outcome", "trigger", "inject"}  # events with their own line
EVENT_LABELS = {
    "red_line": "red line",
    "red_line_honoured": "red line",
    "red_line_ignored": "red line",
    "agreement": "agreement",
    "agreement_broken": "agreement",
    "assurance": "assurance",
    "threat": "threat",
    "ultimatum": "ultimatum",
    "band": "band",
    "threshold": "threshold",
    "provocation": "provocation",
    "revealed": "revealed",
    "hotline": "hotline",
}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "run",
        help="play one full game headless, the computer on every side",
        description="Play one full game with the computer on every side and print a turn-by-turn account: "
        "moves actual and perceived, messages, triggers, the ladder, red lines, agreements and the outcome.",
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario name (see 'wargame list') or file")
    parser.add_argument("--seed", type=int, help="random seed (default: a random one, printed so it can be replayed)")
    parser.add_argument("--save", metavar="FILE", help="write the finished game to FILE (a save, for replay and debrief)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from wargame.ai.autoplay import play_to_end
    from wargame.catalog import resolve
    from wargame.engine import Game
    from wargame.scenario.loader import load_scenario

    save_game = _saver() if args.save else None  # fail before playing, not after
    scenario = load_scenario(resolve(args.scenario))
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
    game = Game(scenario, seed)
    _print(header(game, chosen=args.seed is not None))
    play_to_end(game, on_turn=lambda g: _print(turn_account(g, g.history[-1])))
    _print(ending(game))
    if save_game:
        _save(save_game, game, args.save)
    return 0


def _print(lines) -> None:
    for line in lines:
        print(line)


def _saver():
    from wargame.errors import WargameError

    try:
        from wargame.saves import save_game
    except ImportError:
        raise WargameError("--save needs the saves module (wargame.saves), which this installation lacks") from None
    return save_game


def _save(save_game, game, target: str) -> None:
    from pathlib import Path

    from wargame.errors import WargameError

    path = Path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        written = save_game(game, path)
    except OSError as exc:
        raise WargameError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(f"\nsaved to {written or path} (replay with 'wargame replay {written or path}')")


# ------------------------------------------------------------------ the account


def header(game, chosen: bool = True) -> Iterator[str]:
    spec = game.scenario.spec
    seed = f"seed {game.seed}" if chosen else f"seed {game.seed} (repeat with --seed {game.seed})"
    yield f"{spec.title} — {seed}"
    for actor in spec.actors:
        yield f"  {actor.name} ({actor.id}), {actor.leader}: computer, {actor.doctrine}"
    yield f"  The crisis starts on rung {game.rung}, {_rung(game, game.rung)}; war begins at rung {game.war_rung}."
    yield f"  At most {spec.turns} turns."


def turn_account(game, record) -> Iterator[str]:
    """Everything that happened in the turn just resolved (the game is in its aftermath)."""
    turn = record.turn
    yield ""
    yield f"── {record.label} (turn {turn} of {game.scenario.spec.turns}) " + "─" * 20
    messages = [e for e in game.envelopes if e.turn == turn]
    if messages:
        yield "  hotline:"
        for envelope in messages:
            yield from _indent(_message(game, envelope), 4)
    yield "  moves:"
    for actor, order in record.orders.items():
        yield from _indent([_order(game, actor, order, record.escalation.get(actor, 0.0))], 4)
        for reading in record.perceptions:
            if reading.actor == actor:
                yield f"      {_perception(game, reading)}"
    for trigger_id in (t for t, fired_on in game.fired.items() if fired_on == turn):
        yield from _indent([f"trigger {trigger_id}: {_trigger_news(game, trigger_id)}"], 2)
    yield f"  ladder: {_ladder(game, record)}"
    believed = ", ".join(f"{a} {value:.1f}" for a, value in record.perceived_rung.items())
    yield f"  perceived rung: {believed}"
    for event in game.events:
        if event.turn == turn and event.kind not in SHOWN_ELSEWHERE:
            yield from _indent([f"{EVENT_LABELS.get(event.kind, event.kind)}: {event.text}"], 2)


def ending(game) -> Iterator[str]:
    outcome = game.outcome
    yield ""
    yield f"Outcome: {outcome.kind.upper()} on turn {outcome.turn} — {outcome.reason}."
    yield f"  peak rung {game.peak}, {_rung(game, game.peak)}; final rung {game.rung}, {_rung(game, game.rung)}"
    if game.red_lines:
        summary = "; ".join(f"{line.id} ({line.owner}) {line.status}" for line in game.red_lines)
        yield from _indent([f"red lines: {summary}"], 2)
    if game.agreements:
        yield from _indent(["agreements: " + "; ".join(_agreement(a) for a in game.agreements)], 2)
    yield "Scores:"
    notes = dict(outcome.score_notes)
    width = max(len(actor) for actor, _ in outcome.scores)
    for actor, score in outcome.scores:
        yield from _indent([f"{actor.ljust(width)}  {score:+4d}  {notes.get(actor, '')}"], 2, hang=width + 8)


# ------------------------------------------------------------------ pieces


def _rung(game, rung: int) -> str:
    return f"“{game.rung_names[rung]}” ({game.band(rung).name})"


def _ladder(game, record) -> str:
    before, after = record.rung_before, record.rung_after
    if before == after:
        return f"holds at rung {after}, “{game.rung_names[after]}”"
    band = f"; now in {game.band(after).name}" if game.band(before).id != game.band(after).id else ""
    return (f"rung {before} → {after} ({after - before:+d}): “{game.rung_names[before]}” → "
            f"“{game.rung_names[after]}”{band}")


def _order(game, actor: str, order, escalation: float) -> str:
    move = game.scenario.moves[order.move]
    target = f" → {order.target}" if order.target else ""
    covert = " (covert)" if move.visibility == "covert" else ""
    return f"{actor}: {move.name}{target}{covert}, escalation {escalation:+.1f}"


def _perception(game, reading) -> str:
    if reading.seen is None:
        return f"{reading.observer} did not notice it"
    seen = "" if reading.seen == reading.move else f" as {game.scenario.moves[reading.seen].name}"
    flag = "  ⚠ misread" if reading.misread else ""
    return f"{reading.observer} read it{seen} at {reading.perceived:+.1f}{flag}"


def _message(game, envelope) -> list[str]:
    m = envelope.message
    parts = [f"#{envelope.id} {m.sender} → {m.recipient} {m.kind}"]
    if m.reply_to is not None:
        parts.append(f"to #{m.reply_to}")
    if m.offer:
        parts.append("offers " + ", ".join(m.offer))
    if m.ask:
        parts.append(("demands " if m.kind == "ultimatum" else "asks ") + ", ".join(m.ask))
    if m.kind == "threat":
        parts.append(f"if {m.recipient} plays {m.trigger_move}, answer {m.move}")
    elif m.kind == "assurance":
        parts.append(f"will not play {m.move}")
    elif m.kind == "ultimatum":
        parts.append(f"by turn {m.deadline}, or {m.move}")
    if envelope.status:
        parts.append(f"[{envelope.status}]")
    if not envelope.delivered:
        parts.append("(held up on a strained line)")
    elif envelope.deliver_on > envelope.turn:
        parts.append(f"(held up, arrived turn {envelope.deliver_on})")
    if envelope.garbled:
        parts.append("(garbled in transit)")
    line = " ".join(parts)
    if m.text:
        line += f": “{_short(m.text, 160)}”"
    return [line]


def _trigger_news(game, trigger_id: str) -> str:
    spec = next((t for t in game.scenario.spec.triggers if t.id == trigger_id), None)
    if spec and spec.news:
        return " ".join(spec.news.split())
    if spec and spec.message:
        return f"(a message from {spec.message.sender} to {spec.message.to}, below)"
    return "(no news)"


def _agreement(agreement) -> str:
    terms = ", ".join(agreement.terms) or "assurance"
    state = agreement.status if agreement.in_force else f"broken by {agreement.broken_by} on turn {agreement.broken_turn}"
    return f"#{agreement.id} {'+'.join(agreement.parties)} ({terms}) {state}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _indent(lines, spaces: int, hang: int = 2) -> Iterator[str]:
    """Wrap each line at WIDTH, continuation lines indented a little further."""
    for line in lines:
        yield from textwrap.wrap(line, WIDTH, initial_indent=" " * spaces,
                                 subsequent_indent=" " * (spaces + hang), break_on_hyphens=False) or [""]
