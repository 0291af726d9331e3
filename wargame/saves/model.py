"""The typed declaration of the save format: what reading a save checks, and its JSON Schema.

A save is untrusted input, so every model forbids unknown keys and takes
JSON's types as they are (no "3" for 3, no true for 1). The decisions are
the engine's ``DecisionRecord`` union, told apart by ``type``.
``docs/save.schema.json`` is generated from ``SaveFile`` (``wargame schema
--save``). Migrations (``saves.migrate``) run on the parsed JSON before
these models see it, so the models describe the current format only.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, Strict, StringConstraints, with_config
from typing_extensions import TypedDict

from wargame.engine.decisions import DecisionRecord, Name, Whole
from wargame.saves.names import SAFE_PATTERN

MAX_PLAYERS = 64
"""Most human sides a save may list (scenarios have far fewer actors)."""

Number = Annotated[float, Strict()]  # a whole number is a number too
ActorId = Annotated[str, Strict(), StringConstraints(min_length=1, max_length=40)]
GameId = Annotated[str, Strict(), StringConstraints(pattern=SAFE_PATTERN)]  # written back into every later save


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScenarioCopy(_Part):
    """The scenario the game was played on, embedded whole so later edits of its file change nothing."""

    id: Name
    source: Name = Field(description="The file it was loaded from, for messages.")
    sha256: Name = Field(description="Hex digest of `text` (UTF-8); a mismatch means the save was tampered with.")
    text: Name


@with_config(ConfigDict(extra="forbid"))
class Branch(TypedDict):
    """Where a counterfactual fork comes from (a plain dict, as the game's provenance keeps it)."""

    parent: Annotated[GameId, Field(description="The id of the game it was forked from.")]
    from_turn: Whole


class TurnCheckpoint(_Part):
    """One resolved turn; `stats` are those the turn's orders were resolved with."""

    turn: Whole
    rung_before: Whole
    rung_after: Whole
    stats: dict[str, dict[str, Whole]]
    perceived_rung: dict[str, Number]


class StateCheckpoint(_Part):
    """The state when saved."""

    turn: Whole
    phase: Name
    rung: Whole
    peak: Whole
    stats: dict[str, dict[str, Whole]]
    perceived_rung: dict[str, Number]


class Summary(_Part):
    """Derived from the decisions: enough to list saves without replaying, and to verify a replay."""

    scenario_title: Name
    actors: dict[ActorId, Name] | None = Field(
        default=None,
        max_length=MAX_PLAYERS,
        description="Each actor's name by id, in the scenario's order, so a list of saves can say who played "
        "(absent in older saves).",
    )
    turn: Whole
    turn_label: Name
    phase: Name
    rung: Whole
    rung_name: Name
    outcome: Name | None
    outcome_reason: Name | None
    scores: dict[str, Whole]
    saved_at: Name = Field(description="When the game last changed and was saved (ISO 8601, UTC).")
    state: StateCheckpoint
    checkpoints: list[TurnCheckpoint]


class SaveHeader(_Part):
    """A save with its decisions unchecked one by one: what a list of saves reads (see ``SaveFile``)."""

    format_version: Whole = Field(ge=0, description="The save format; older ones are migrated on load.")
    game_version: Name = Field(description="The wargame version that wrote the save.")
    id: GameId = Field(description="The game's short id, kept across saves of the same game (a plain name).")
    branch: Branch | None
    scenario: ScenarioCopy
    seed: Whole
    players: tuple[ActorId, ...] | None = Field(
        default=None,
        max_length=MAX_PLAYERS,
        strict=False,  # a JSON list; its items stay strict
        description="The actors people played (absent: the save does not say).",
    )
    decisions: list[Any]
    summary: Summary

    _name: str = PrivateAttr(default="save")

    def model_post_init(self, context: Any) -> None:
        """Keep the file's name, given as ``context={"name": ...}``: it is not part of the file."""
        if isinstance(context, dict) and isinstance(context.get("name"), str):
            self._name = context["name"]

    @property
    def name(self) -> str:
        """How messages refer to the file."""
        return self._name


class SaveFile(SaveHeader):
    """A wargame save: the scenario, the seed and every decision; replaying them rebuilds the game."""

    decisions: list[DecisionRecord] = Field(description="Every decision, in the order the game took them.")
