"""Shared fixtures: the shipped scenarios and the rule-case scenario, loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wargame.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(scope="session")
def rules_scenario():
    return load_scenario(ROOT / "tests" / "scenarios" / "rules.yaml")


@pytest.fixture(scope="session")
def tutorial():
    return load_scenario(ROOT / "scenarios" / "tutorial.yaml")


@pytest.fixture(scope="session")
def cuban():
    return load_scenario(ROOT / "scenarios" / "cuban-missile-crisis.yaml")


@pytest.fixture(scope="session")
def shipped_scenarios():
    return [load_scenario(path) for path in sorted((ROOT / "scenarios").glob("*.yaml"))]
