"""Helpers the tests share: where the checkout is, driving a game to a phase, random games, the CLI."""

from __future__ import annotations

import random
from pathlib import Path

from wargame.ai import doctrine_names
from wargame.ai.autoplay import play_computers
from wargame.cli import main
from wargame.engine import Game, Inject, Message, Order, Override, actor_view
from wargame.errors import IllegalDecision
from wargame.scenario.model import STATS

ROOT = Path(__file__).resolve().parent.parent
MESSAGE_KINDS = ("statement", "proposal", "threat", "assurance", "ultimatum", "accept", "reject", "counter")
KIND_WEIGHTS = (3, 2, 2, 1, 1, 1, 2, 1)


def to_orders(game: Game) -> None:
    """Proceed until the turn waits for orders."""
    while game.turn_phase != "orders":
        game.proceed()


def play_turn(game: Game, **moves: str | tuple[str, str]) -> None:
    """Order every actor's move (default: hold position) and resolve the turn."""
    to_orders(game)
    for actor in game.actor_ids:
        choice = moves.get(actor, "hold_position")
        move, target = choice if isinstance(choice, tuple) else (choice, None)
        game.order(actor, move, target)
    game.proceed()


def play_computer_turn(game: Game) -> None:
    """Let the computer play every side until the turn after this one starts (or the game ends)."""
    start = game.turn
    while game.turn == start and not game.is_over():
        if game.turn_phase in ("hotline", "orders"):
            play_computers(game, game.actor_ids)
        game.proceed()


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """Run ``wargame ARGV...`` in process: exit status, standard output, standard error."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def random_game(scenario, seed: int) -> Game:
    """A full game from a seeded generator, in one of four styles by ``seed % 4``:
    doctrines with random messages, random orders alone (long games), doctrines
    alone, random orders with random messages; injects and overrides throughout."""
    rng = random.Random(seed * 7919 + 1)
    actors = scenario.actor_ids
    doctrines = {actor: rng.choice(doctrine_names()) for actor in actors}
    random_orders, messages, computer_talk = seed % 2 == 1, seed % 4 in (0, 3), seed % 2 == 0
    game = Game(scenario, seed)
    while not game.is_over():
        if game.turn_phase == "briefing":
            _facilitate(game, rng)
        elif game.turn_phase == "hotline":
            if computer_talk:
                play_computers(game, actors, doctrines)
            for _ in range(rng.randint(0, 3) if messages else 0):
                _try(game, _random_message(game, rng))
        elif game.turn_phase == "orders" and random_orders:
            for actor in actors:
                game.apply(random_order(game, actor, rng))
        elif game.turn_phase == "orders":
            play_computers(game, actors, doctrines)
        if not game.is_over():  # an inject can end the game in a briefing
            game.proceed()
    return game


def random_order(game: Game, actor: str, rng: random.Random) -> Order:
    option = rng.choice([o for o in actor_view(game, actor).options if o.available])
    return Order(actor, option.move.id, rng.choice(option.targets) if option.move.targeted else None)


def _facilitate(game: Game, rng: random.Random) -> None:
    injects = [i.id for i in game.scenario.spec.injects if i.id not in game.fired]
    if injects and rng.random() < 0.15:
        _try(game, Inject(rng.choice(injects)))
    if rng.random() < 0.05:
        _try(game, Override(rng.choice(game.actor_ids), rng.choice(STATS), rng.randint(20, 80)))


def _random_message(game: Game, rng: random.Random) -> Message:
    sender, recipient = rng.sample(game.actor_ids, 2)
    kind = rng.choices(MESSAGE_KINDS, KIND_WEIGHTS)[0]
    terms = [t.id for t in game.scenario.spec.terms]
    moves = list(game.scenario.moves)
    open_to_me = [e.id for e in game.envelopes if e.message.recipient == sender and e.status == "pending"]
    if kind in ("accept", "reject", "counter") and open_to_me:
        envelope = game.envelopes[rng.choice(open_to_me)]
        recipient = envelope.message.sender
        return Message(sender, recipient, kind, "answer", offer=tuple(rng.sample(terms, min(1, len(terms)))),
                       reply_to=envelope.id)
    return Message(
        sender, recipient, kind, f"message {rng.random():.3f}",
        offer=tuple(rng.sample(terms, min(len(terms), rng.randint(0, 2)))) if kind != "ultimatum" else (),
        ask=tuple(rng.sample(terms, min(len(terms), rng.randint(1, 2)))) if terms else (),
        move=rng.choice(moves), trigger_move=rng.choice(moves),
        deadline=min(game.turn + 1, game.scenario.spec.turns),
    )


def _try(game: Game, decision) -> None:
    try:
        game.apply(decision)
    except IllegalDecision:
        pass


def full_state(game: Game) -> dict:
    """Everything a game holds, for comparing a replay with the original."""
    return {
        "turn": game.turn, "rung": game.rung, "peak": game.peak, "phases": (game.turn_phase, game.crisis_phase),
        "calm": game.calm_turns, "change": game.rung_change, "outcome": game.outcome,
        "actors": {a: vars(s) for a, s in game.actors.items()}, "channels": game.channels,
        "transparency": game.transparency_until, "played": game.played, "last_played": game.last_played,
        "unlocked": game.unlocked,
        "fired": game.fired, "envelopes": game.envelopes, "agreements": game.agreements,
        "red_lines": game.red_lines, "reveals": game.pending_reveals, "events": game.events,
        "history": game.history, "snapshots": game.stat_snapshots, "decisions": game.decisions,
        "rng": game.rng.getstate(),
    }
