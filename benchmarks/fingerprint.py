"""Fingerprint of every decision and result in seeded computer games, to prove a refactor changed no game.

    python benchmarks/fingerprint.py > before.txt      # on the old tree
    python benchmarks/fingerprint.py > after.txt       # on the new tree
    diff before.txt after.txt                          # one line per game; a changed line names the game

Each line is ``scenario seed digest`` where the digest covers the decision
log, every event's text, each turn's rung and stats, the end state of every
actor (stats, trust, perceived rung), agreements, red lines and the outcome.
Only public fields are read, so internal rewrites do not show up as changes.
``--no-wording`` leaves the events' texts out (their turns and kinds stay):
a change of wording alone then shows no difference, a change of play does.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wargame.ai.autoplay import play_to_end
from wargame.engine import Game
from wargame.scenario.loader import load_scenario
from wargame.simulation import game_seed


def plain(value):
    """Dataclasses, enums, tuples and sets as plain JSON-ready values."""
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    return value


def game_record(game: Game, wording: bool = True) -> dict:
    return {
        "decisions": [[type(d).__name__, plain(d)] for d in game.decisions],
        "events": [[e.turn, str(e.kind), e.text if wording else ""] for e in game.events],
        "turns": [[r.turn, r.rung_before, r.rung_after] for r in game.history],
        "snapshots": plain(game.stat_snapshots),
        "actors": {
            a: [dict(s.stats), dict(s.trust), round(float(s.perceived_rung), 9)] for a, s in game.actors.items()
        },
        "agreements": [[a.in_force] for a in game.agreements],
        "red_lines": [[r.id, str(r.status)] for r in game.red_lines],
        "outcome": [str(game.outcome.kind), game.outcome.turn, plain(game.outcome.scores)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-wording", action="store_true", help="leave the events' texts out of the digest")
    args = parser.parse_args()
    for path in sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml")):
        scenario = load_scenario(path)
        for index in range(args.games):
            seed = game_seed(args.seed, index)
            game = play_to_end(Game(scenario, seed))
            text = json.dumps(game_record(game, not args.no_wording), sort_keys=True, default=str)
            print(scenario.spec.id, seed, hashlib.sha256(text.encode()).hexdigest()[:16], flush=True)


if __name__ == "__main__":
    main()
