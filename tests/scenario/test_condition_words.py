"""Conditions in plain words: every shipped condition reads without ids or operators, and each form reads right."""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT
from wargame.scenario.condition_words import Names, in_words
from wargame.scenario.loader import load_scenario

NAMES = Names(
    actors={"usa": "United States", "cuba": "Cuba"},
    moves={"quarantine": "Naval quarantine", "limited_strike": "Limited strike"},
    red_lines={"no_strike": "No strike on Cuba"},
    terms={"pledge": "No invasion of Cuba"},
)


@pytest.mark.parametrize(("text", "words"), [
    ("self.readiness >= 40", "your readiness at 40 or more"),
    ("40 <= self.readiness", "your readiness at 40 or more"),
    ("not self.readiness >= 40", "your readiness below 40"),
    ("usa.trust.cuba < 30", "United States’s trust in Cuba below 30"),
    ("target.trust.self >= 45", "the target’s trust in you at 45 or more"),
    ("channel(self, target) != 'severed'", "a channel to the target that is not severed"),
    ("channel(usa, cuba) == 'hotline'", "the channel between United States and Cuba that is a hotline"),
    ("played(quarantine)", "someone has played Naval quarantine"),
    ("not played(usa, limited_strike, 2)", "United States has not played Limited strike this turn or last"),
    ("played(self, quarantine, 3)", "you have played Naval quarantine in the last 3 turns"),
    ("crossed(no_strike)", "the red line “No strike on Cuba” is crossed"),
    ("not fired(u_thant_appeal)", "“u thant appeal” has not happened"),
    ("agreed(pledge)", "an agreement in force holds “No invasion of Cuba”"),
    ("agreed(pledge, usa)", "United States has agreed to “No invasion of Cuba”"),
    ("turn >= 10", "from turn 10"),
    ("turn == 3", "on turn 3"),
    ("rung + 2 > peak", "the rung plus 2 above the highest rung reached"),
    ("played(quarantine) or crossed(no_strike)",
     "either someone has played Naval quarantine or the red line “No strike on Cuba” is crossed"),
])
def test_each_form_reads_in_words(text, words):
    assert in_words(text, NAMES) == words


def test_not_is_pushed_inward_through_and_and_or():
    assert in_words("not (turn >= 3 and played(quarantine))", NAMES) == "either before turn 3 or nobody has played Naval quarantine"
    assert in_words("not (turn >= 3 or crossed(no_strike))", NAMES) == (
        "before turn 3 and the red line “No strike on Cuba” is not crossed")


def test_a_chain_inside_a_chain_of_the_other_kind_is_set_off():
    words = in_words("turn >= 2 and (played(quarantine) or played(limited_strike))", NAMES)
    assert words == "from turn 2 and (either someone has played Naval quarantine or someone has played Limited strike)"


def test_the_target_reads_as_its_name_once_known():
    assert in_words("self.trust.target >= 40", NAMES.aiming_at("cuba")) == "your trust in Cuba at 40 or more"


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_condition_reads_without_code(path):
    """No operator, parenthesised call or quoted channel state is left for a player to decode."""
    scenario = load_scenario(path)
    names = Names.of(scenario)
    for condition in scenario.conditions.values():
        words = in_words(condition.tree, names)
        assert not re.search(r">=|<=|==|!=|[<>]|\w\(|'(open|strained|severed|hotline)'", words), (condition.text, words)
        assert not re.search(r"\b(self|target)\.", words), (condition.text, words)
