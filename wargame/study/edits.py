"""Experiments as edits of a scenario's data: what an author could write in the file.

An edit takes the scenario's data (its YAML read as plain values), returns
changed data, and the changed data is written back as YAML text and loaded
by the ordinary loader (``load_scenario_text``), so a variant is exactly a
scenario file and nothing in the engine can tell it from one. ``shown``
gives the changed parts as YAML, to copy into a file by hand. An edit that
makes no sense for a scenario (no mediator to cut off, no red line to hide)
raises ``NotApplicable`` with the reason.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from wargame.scenario.loader import LoadedScenario, load_scenario_text

UNANSWERED = "answer_never_given"
"""The move the 'never answers' edit names as every red line's response; nobody may play it."""


class NotApplicable(Exception):
    """This edit cannot be made to this scenario; the message says why."""


@dataclass(frozen=True)
class Edit:
    """One documented change to a scenario's data."""

    name: str
    words: str  # what it changes, in a sentence for the report
    change: Callable[[dict, LoadedScenario], None]  # edits the data in place; may raise NotApplicable

    def data(self, scenario: LoadedScenario) -> dict:
        """The scenario's data with this edit made."""
        data = copy.deepcopy(yaml.safe_load(scenario.text))
        self.change(data, scenario)
        return data

    def apply(self, scenario: LoadedScenario) -> LoadedScenario:
        """The edited scenario, loaded from its YAML text by the ordinary loader."""
        return load_scenario_text(dump(self.data(scenario)), f"{scenario.source} [{self.name}]")

    def shown(self, scenario: LoadedScenario) -> str:
        """The changed parts of the file as YAML (actors by id, with only their changed keys)."""
        return dump(changes(yaml.safe_load(scenario.text), self.data(scenario)))


def dump(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def changes(before: dict, after: dict) -> dict:
    """The parts of ``after`` that differ from ``before``: whole top-level keys, or actors' changed keys."""
    shown: dict = {}
    for key, value in after.items():
        if key == "actors":
            old = {actor["id"]: actor for actor in before.get("actors", [])}
            edited = [{"id": actor["id"], **{k: v for k, v in actor.items() if old[actor["id"]].get(k) != v}}
                      for actor in value]
            if any(len(actor) > 1 for actor in edited):
                shown["actors"] = [actor for actor in edited if len(actor) > 1]
        elif before.get(key) != value:
            shown[key] = value
    return shown


# ------------------------------------------------------------------ the edits


def set_channels(state: str) -> Edit:
    """Every channel between two actors that are not mediators set to ``state``."""

    def change(data: dict, scenario: LoadedScenario) -> None:
        sides = [a.id for a in scenario.spec.actors if a.role != "mediator"]
        for actor in data["actors"]:
            if actor["id"] in sides:
                channels = actor.setdefault("channels", {})
                channels.update({other: state for other in sides if other != actor["id"]})

    return Edit(f"channels_{state}", f"every channel between the sides (mediators apart) starts {state}", change)


def set_noise(scale: float) -> Edit:
    """The scenario's ``perception_noise`` set to ``scale`` (0: every move seen is read exactly)."""

    def change(data: dict, scenario: LoadedScenario) -> None:
        data["perception_noise"] = scale

    return Edit(f"noise_{scale:g}", f"perception_noise: {scale:g} (the noise of every reading times {scale:g})",
                change)


def scripted_side(player: str) -> Edit:
    """The scenario's first recommended side (else its first party) played by the scripted ``player``."""

    def change(data: dict, scenario: LoadedScenario) -> None:
        data_actor = next(a for a in data["actors"] if a["id"] == played_side(scenario))
        data_actor["doctrine"] = player
        data_actor["player"] = "computer"

    return Edit(f"scripted_{player}", f"the first recommended side (else the first party) is played by the "
                f"scripted {player} player (`doctrine: {player}`)", change)


def played_side(scenario: LoadedScenario) -> str:
    """The side a newcomer most likely plays: the first recommended side, else the first party."""
    spec = scenario.spec
    if spec.recommended_sides:
        return spec.recommended_sides[0]
    return next((a.id for a in spec.actors if a.role == "party"), spec.actors[0].id)


def withhold_tagged(*tags: str) -> Edit:
    """Every actor withholds every move carrying one of ``tags``."""

    def change(data: dict, scenario: LoadedScenario) -> None:
        tagged = [move_id for move_id, move in scenario.moves.items() if set(move.tags) & set(tags)]
        if not tagged:
            raise NotApplicable(f"no move is tagged {' or '.join(tags)}")
        for actor in data["actors"]:
            withheld = actor.setdefault("withhold", [])
            withheld.extend(move for move in tagged if move not in withheld)

    return Edit(f"withhold_{'_'.join(tags)}", f"every actor withholds the moves tagged {', '.join(tags)}", change)


def declare_red_lines(declared: bool) -> Edit:
    """Every red line of the scenario declared (or kept secret)."""

    def change(data: dict, scenario: LoadedScenario) -> None:
        lines = [line for actor in data["actors"] for line in actor.get("red_lines", [])]
        if not lines:
            raise NotApplicable("no red lines")
        for line in lines:
            line["declared"] = declared

    word = "declared" if declared else "secret"
    return Edit(f"red_lines_{word}", f"every red line {word}", change)


def never_answer() -> Edit:
    """Every red line answered only by a move nobody may play: crossing one is never answered."""

    def change(data: dict, scenario: LoadedScenario) -> None:
        lines = [line for actor in data["actors"] for line in actor.get("red_lines", [])]
        if not lines:
            raise NotApplicable("no red lines")
        moves = data.setdefault("moves", {})
        moves.setdefault("add", []).append({
            "id": UNANSWERED, "name": "Answer never given", "category": "diplomatic",
            "description": "The committed answer to a red line, which this side never gives."})
        for line in lines:
            line["response"] = [UNANSWERED]
        for actor in data["actors"]:
            actor.setdefault("withhold", []).append(UNANSWERED)

    return Edit("never_answer", f"every red line's only response is `{UNANSWERED}`, a move every actor withholds",
                change)


def cut_off_mediators() -> Edit:
    """Every mediator's channels severed, so no mediation can reach the sides."""

    def change(data: dict, scenario: LoadedScenario) -> None:
        mediators = [a.id for a in scenario.spec.actors if a.role == "mediator"]
        if not mediators:
            raise NotApplicable("no mediator")
        everyone = scenario.actor_ids
        for actor in data["actors"]:
            channels = actor.setdefault("channels", {})
            if actor["id"] in mediators:
                channels.update({other: "severed" for other in everyone if other != actor["id"]})
            else:
                channels.update({mediator: "severed" for mediator in mediators})

    return Edit("mediators_cut_off", "every channel to and from a mediator starts severed", change)
