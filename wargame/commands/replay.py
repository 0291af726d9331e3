"""``wargame replay SAVE [--verify]``: re-run a save's decisions and tell the story briefly."""

from __future__ import annotations

import argparse


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "replay",
        help="re-run a save's decisions; --verify checks the result against the save",
        description="Replay a save through the rules and print a short account of the game. "
        "With --verify, exit 1 naming the first turn whose replayed state differs from the one saved.",
    )
    parser.add_argument("save", metavar="SAVE", help="a save file, or its name in the saves folder")
    parser.add_argument("--verify", action="store_true", help="compare every turn with the checkpoints in the save")
    parser.add_argument("--saves-dir", metavar="DIR", help="the saves folder (default: ./saves or the user data folder)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from wargame.saves import find_save, read_save, replay, verify

    save = read_save(find_save(args.save, args.saves_dir))
    game = replay(save)
    for line in account(game, save):
        print(line)
    if args.verify:
        verify(save, game)
        print(f"verified: {len(game.history)} turns match the save's checkpoints")
    return 0


def account(game, save) -> list[str]:
    """A few lines per game: one per turn (rung and orders), then the ending."""
    spec = game.scenario.spec
    lines = [f"{spec.title} — seed {game.seed}, {len(game.decisions)} decisions, saved by wargame {save.game_version}"]
    if save.branch:
        lines.append(f"A counterfactual branch of game {save.branch.get('parent')} from turn {save.branch.get('from_turn')}.")
    for record in game.history:
        orders = "; ".join(
            f"{actor} {game.scenario.moves[o.move].name.lower()}" + (f" → {o.target}" if o.target else "")
            for actor, o in record.orders.items()
        )
        lines.append(f"  {record.label}: rung {record.rung_before} → {record.rung_after}. {orders}")
    if game.outcome:
        o = game.outcome
        lines.append(f"Outcome: {o.kind} on turn {o.turn}: {o.reason}.")
        lines.append("Scores: " + ", ".join(f"{actor} {score:+d}" for actor, score in o.scores))
    else:
        lines.append(f"In progress: {game.turn_label()}, {game.turn_phase} phase, rung {game.rung} ({game.rung_names[game.rung]}).")
    return lines
