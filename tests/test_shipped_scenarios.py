"""Every shipped scenario: clean validation, complete briefings, a secret red line, and real play.

Play is checked by the computer doctrines in every pairing on the two main
antagonists (the first two actors with role ``party``; any other actor
keeps its scenario doctrine), over a fixed range of seeds, so the result is
deterministic: every game must end within the turn limit, and across the
games a scenario must reach at least three different outcomes. The
scenario as shipped (every actor with its own doctrine, as a player meets
it) must not end the same way almost every time.
"""

from __future__ import annotations

import itertools
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from tests.support import ROOT
from wargame.ai import doctrine_names
from wargame.ai.autoplay import play_to_end
from wargame.engine import Game
from wargame.scenario.loader import check_scenario, load_scenario

SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
SEEDS = range(2)  # per pairing; 16 pairings x 2 seeds = 32 games a scenario
DEFAULT_SEEDS = range(40)  # games of each scenario with its own doctrines
MOST_COMMON_SHARE = 0.8  # no outcome may end more than this share of them
NEW_SCENARIOS = ("able-archer-1983", "corvane-shoal", "kargil-1999", "amber-river")
SCHEMA_LINE = "# yaml-language-server: $schema=../docs/scenario.schema.json"


def _ids(paths):
    return [p.stem for p in paths]


@cache
def _loaded(path: Path):
    return load_scenario(path)


def _antagonists(scenario) -> tuple[str, str]:
    parties = [a.id for a in scenario.spec.actors if a.role == "party"]
    assert len(parties) >= 2, "a scenario needs two actors with role 'party' to pit against each other"
    return parties[0], parties[1]


@cache
def _games(path: Path) -> tuple:
    """(pairing, seed, outcome kind, outcome turn) for every pairing and seed; played once per scenario."""
    scenario = _loaded(path)
    first, second = _antagonists(scenario)
    results = []
    for a, b in itertools.product(doctrine_names(), repeat=2):
        for seed in SEEDS:
            game = play_to_end(Game(scenario, seed), doctrines={first: a, second: b})
            results.append(((a, b), seed, game.outcome.kind, game.outcome.turn))
    return tuple(results)


@cache
def _default_outcomes(path: Path) -> tuple[str, ...]:
    """The outcome of every game in ``DEFAULT_SEEDS`` with the scenario's own doctrines; played once."""
    scenario = _loaded(path)
    return tuple(play_to_end(Game(scenario, seed)).outcome.kind for seed in DEFAULT_SEEDS)


def test_the_library_ships_the_promised_scenarios():
    names = {p.stem for p in SHIPPED}
    assert {"tutorial", "cuban-missile-crisis", *NEW_SCENARIOS} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_validates_without_errors_or_warnings(path):
    loaded, diagnostics = check_scenario(path)
    assert loaded is not None
    assert [str(d) for d in diagnostics] == []


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_starts_with_the_schema_line(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_every_actor_has_public_and_private_briefings(path):
    for actor in _loaded(path).spec.actors:
        assert actor.briefing.public.strip(), f"{actor.id} has no public briefing"
        assert actor.briefing.private.strip(), f"{actor.id} has no private briefing"


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_has_a_secret_red_line(path):
    secret = [line.id for actor in _loaded(path).spec.actors for line in actor.red_lines if not line.declared]
    assert secret


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_has_room_for_a_settlement(path):
    """Terms to bargain with, a settlement condition, and at least one term each party can commit to."""
    spec = _loaded(path).spec
    assert spec.outcomes.settlement
    assert len(spec.terms) >= 5
    for actor in spec.actors:
        if actor.role == "party":
            assert any(not t.by or actor.id in t.by for t in spec.terms), f"{actor.id} can commit to nothing"


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_every_doctrine_pairing_plays_to_an_end(path):
    turns = _loaded(path).spec.turns
    games = _games(path)
    assert len(games) == len(doctrine_names()) ** 2 * len(SEEDS)
    for pairing, seed, kind, turn in games:
        assert kind in ("settled", "defused", "stalemate", "capitulation", "war"), (pairing, seed)
        assert 1 <= turn <= turns, (pairing, seed, turn)


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_reaches_at_least_three_outcomes(path):
    kinds = {kind for _, _, kind, _ in _games(path)}
    assert len(kinds) >= 3, kinds


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_war_is_possible_but_not_the_rule(path):
    """Sensible play (no hawk on either side) rarely ends in war, and no outcome takes everything."""
    games = _games(path)
    sensible = [kind for pairing, _, kind, _ in games if "hawk" not in pairing]
    assert sensible.count("war") <= len(sensible) // 4
    for kind in {k for _, _, k, _ in games}:
        assert sum(1 for _, _, k, _ in games if k == kind) < len(games)


@pytest.mark.parametrize("path", SHIPPED, ids=_ids(SHIPPED))
def test_as_shipped_no_outcome_takes_over(path):
    """A player meets the scenario's own doctrines: the crisis must not end the same way nearly every time."""
    kinds = _default_outcomes(path)
    kind, count = Counter(kinds).most_common(1)[0]
    assert count <= MOST_COMMON_SHARE * len(kinds), (
        f"{kind} ends {count} of {len(kinds)} games (seeds {DEFAULT_SEEDS.start}-{DEFAULT_SEEDS.stop - 1}): {Counter(kinds)}")


def test_the_cuban_crisis_has_the_un_secretary_general_as_mediator():
    spec = load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml").spec
    mediators = [a for a in spec.actors if a.role == "mediator"]
    assert [a.id for a in mediators] == ["un"]
    assert "U Thant" in mediators[0].leader
    assert all(mediators[0].channels.get(a.id, "open") != "severed" for a in spec.actors if a.id != "un")


def test_the_multi_party_crisis_has_a_mediator_and_an_ally_on_each_side():
    spec = load_scenario(ROOT / "scenarios" / "corvane-shoal.yaml").spec
    roles = {a.id: a.role for a in spec.actors}
    assert len(roles) >= 4
    assert list(roles.values()).count("mediator") >= 1
    allies = [a for a in spec.actors if a.role == "ally"]
    parties = [a.id for a in spec.actors if a.role == "party"]
    # each ally trusts one party far more than the other: one ally behind each side
    backed = {max(parties, key=lambda p: ally.trust.get(p, 50)) for ally in allies}
    assert backed == set(parties)


def test_the_preventive_scenario_starts_low_and_punishes_late_preemption():
    loaded = load_scenario(ROOT / "scenarios" / "amber-river.yaml")
    assert loaded.ladder.start <= 3
    preemptive = [m for m in loaded.moves.values() if "preemptive" in m.tags]
    assert preemptive and all(m.min_rung >= 6 for m in preemptive)
    preventive = [m for m in loaded.moves.values() if "preventive" in m.tags]
    assert len(preventive) >= 5
