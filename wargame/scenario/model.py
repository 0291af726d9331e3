"""The typed declaration of the scenario format.

This module is the single source of truth for loading, error messages, the
JSON Schema (``wargame schema``) and the format document. Every model
forbids unknown keys and is frozen: a loaded scenario never changes.

Conditions are kept as their source text here; the loader parses each one
with the condition language once names are known (``scenario.loader``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from wargame.scenario.tags import Tag

STATS = ("resolve", "credibility", "support", "economy", "readiness")
"""Every actor carries these five stats, each from 0 to 100."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$"),
    Field(description="Identifier: lower-case letters, digits and _, starting with a letter."),
]
Text = Annotated[str, StringConstraints(max_length=4000)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]
StatValue = Annotated[int, Field(ge=0, le=100)]
Delta = Annotated[int, Field(ge=-100, le=100)]
ConditionText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000),
    Field(description="An expression in the condition language, e.g. `rung >= 6 and ussr.resolve < 30`."),
]


class Category(StrEnum):
    """The kind of a move, spelled as in scenario files."""

    DIPLOMATIC = "diplomatic"
    ECONOMIC = "economic"
    MILITARY = "military"


class ChannelState(StrEnum):
    """The state of the channel between two actors, spelled as in scenario files and saves."""

    OPEN = "open"
    STRAINED = "strained"
    SEVERED = "severed"
    HOTLINE = "hotline"


# Enum fields accept their spellings (the model is strict, which would ask for members).
CategoryName = Annotated[Category, Field(strict=False)]
ChannelName = Annotated[ChannelState, Field(strict=False)]
TagName = Annotated[Tag, Field(strict=False)]
Doctrine = Literal["hawk", "dove", "tit_for_tat", "calculator", "careful", "careless"]


class Strict(BaseModel):
    """Base of every format model: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Stats(Strict):
    """Starting stats of an actor, each from 0 to 100."""

    resolve: StatValue = Field(50, description="Willingness to stand firm; at 10 or below the actor capitulates.")
    credibility: StatValue = Field(50, description="How far others believe its threats and promises.")
    support: StatValue = Field(50, description="Domestic political support.")
    economy: StatValue = Field(50, description="Economic strength; pays for sanctions, aid and deployments.")
    readiness: StatValue = Field(50, description="Military readiness; the capability behind deterrence.")


class StatChanges(Strict):
    """Changes to some stats; each key is a stat name and each value a signed change."""

    resolve: Delta = 0
    credibility: Delta = 0
    support: Delta = 0
    economy: Delta = 0
    readiness: Delta = 0

    def items(self) -> list[tuple[str, int]]:
        return [(name, value) for name in STATS if (value := getattr(self, name))]


class Band(Strict):
    """A group of rungs; ``threshold`` names the line at its top, crossed when leaving it upward."""

    id: Id
    name: Line
    color: Literal["green", "yellow", "orange", "red", "magenta", "purple"] = "yellow"
    threshold: Line | None = None
    rungs: Annotated[list[Line], Field(min_length=1, max_length=20)]


class Ladder(Strict):
    """The escalation ladder; the last band is war: reaching it ends the game."""

    bands: Annotated[list[Band], Field(min_length=3, max_length=10)]
    start: Annotated[int, Field(ge=0, description="Starting rung (0 is the bottom).")] = 2
    defused_at: Annotated[int, Field(ge=0, description="At or below this rung the crisis counts as calm.")] = 1
    fighting_at: Annotated[int, Field(ge=0)] | None = Field(
        None, description="The rung of large-scale fighting below the war band: a crisis that ends two turns "
                          "running at or above it ends in war (sustained conventional war is war).")


class Briefing(Strict):
    public: Text = ""
    private: Text = ""


class Objective(Strict):
    """A goal scored at the end of the game when its condition holds."""

    id: Id
    description: Line
    when: ConditionText
    weight: Annotated[int, Field(ge=-20, le=20)] = 5


class RedLine(Strict):
    """A condition the owner will not tolerate, with a committed response."""

    id: Id
    description: Line
    against: Id = Field(description="The actor the red line is drawn for.")
    when: ConditionText = Field(description="Crossed when this condition becomes true.")
    declared: bool = Field(True, description="Declared red lines deter; secret ones cannot.")
    response: Annotated[list[Id], Field(min_length=1)] = Field(
        description="Moves any of which, played by the owner against `against`, honours the commitment."
    )
    window: Annotated[int, Field(ge=1, le=5)] = 2


class Actor(Strict):
    id: Id
    name: Line
    leader: Line = "Leader"
    role: Literal["party", "ally", "mediator"] = Field(
        "party", description="A mediator (an international organisation, a neutral state) makes mediation possible."
    )
    player: Literal["human", "computer"] = "computer"
    doctrine: Doctrine = "calculator"
    stats: Stats = Stats()
    trust: dict[Id, StatValue] = Field(default_factory=dict, description="Trust toward other actors (default 50).")
    channels: dict[Id, ChannelName] = Field(default_factory=dict, description="Channel toward others (default open).")
    briefing: Briefing = Briefing()
    objectives: list[Objective] = Field(default_factory=list)
    red_lines: list[RedLine] = Field(default_factory=list)
    withhold: list[Id] = Field(default_factory=list, description="Standard or scenario moves this actor may not play.")


class Effects(Strict):
    """What a move does when it resolves."""

    self_: StatChanges = Field(StatChanges(), alias="self")
    target: StatChanges = StatChanges()
    trust: Delta = Field(0, description="Change of the target's trust toward the mover.")
    channel: ChannelName | None = Field(None, description="New state of the channel between mover and target.")


class Move(Strict):
    """A diplomatic, economic or military move an actor can order."""

    model_config = ConfigDict(populate_by_name=True)

    id: Id
    name: Line
    category: CategoryName
    description: Text = ""
    escalation: Annotated[int, Field(ge=-3, le=4)] = 0
    targeted: bool = Field(True, description="Whether the move is aimed at another actor.")
    visibility: Literal["public", "covert"] = "public"
    effects: Effects = Effects()
    cost: StatChanges = Field(StatChanges(), description="Paid by the mover (positive numbers are subtracted).")
    requires: ConditionText | None = Field(None, description="Prerequisite; `self` and `target` name the actors.")
    min_rung: Annotated[int, Field(ge=0)] = 0
    max_rung: Annotated[int, Field(ge=0)] = 99
    tags: list[TagName] = Field(default_factory=list)


class MoveAdjustment(Strict):
    """Changes to a standard move for this scenario; unset fields keep their value."""

    name: Line | None = None
    description: Text | None = None
    escalation: Annotated[int, Field(ge=-3, le=4)] | None = None
    visibility: Literal["public", "covert"] | None = None
    effects: Effects | None = None
    cost: StatChanges | None = None
    requires: ConditionText | None = None
    min_rung: Annotated[int, Field(ge=0)] | None = None
    max_rung: Annotated[int, Field(ge=0)] | None = None


MAX_MOVES = 100
"""Moves a scenario may add (and adjust, and withhold); the shipped ones add at most 11."""
MAX_TERMS = 100
"""Terms a scenario may offer; the shipped ones have at most 12."""
MAX_TRIGGERS = 200
"""Triggers (and injects) a scenario may script; the shipped ones have at most 19."""


class MoveSet(Strict):
    add: list[Move] = Field(default_factory=list, max_length=MAX_MOVES, description="Moves only this scenario has.")
    adjust: dict[Id, MoveAdjustment] = Field(
        default_factory=dict, max_length=MAX_MOVES, description="Changes to standard moves."
    )
    withhold: list[Id] = Field(
        default_factory=list, max_length=MAX_MOVES, description="Standard moves nobody may play here."
    )


class TermRequirement(Strict):
    move: Id
    within: Annotated[int, Field(ge=1, le=6)] = 2


class Term(Strict):
    """Something a party can commit to in a proposal, and what keeping it means."""

    id: Id
    text: Line
    by: list[Id] = Field(default_factory=list, description="Actors who can commit to it (empty: anyone).")
    forbids: list[Id] = Field(default_factory=list, description="Moves the committed party may no longer play.")
    requires: TermRequirement | None = Field(None, description="A move the party must play within some turns.")
    value: dict[Id, Annotated[int, Field(ge=-10, le=10)]] = Field(
        default_factory=dict, description="How much each actor gains (+) or loses (-) when this term is agreed."
    )


Audience = Annotated[
    Literal["everyone"] | Annotated[list[Id], Field(min_length=1)],
    Field(description="Who may know it: `everyone`, or a list of actor ids (the white cell always knows)."),
]


class HotlineText(Strict):
    sender: Id = Field(alias="from")
    to: Id
    text: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    audience: Audience | None = Field(
        None, description="Who reads it: its sender and recipient when omitted; `everyone` for an open letter."
    )


class TriggerEffects(Strict):
    rung: Annotated[int, Field(ge=-4, le=4)] = 0
    stats: dict[Id, StatChanges] = Field(default_factory=dict)
    trust: dict[Id, dict[Id, Delta]] = Field(default_factory=dict)
    channels: list[Annotated[list[str], Field(min_length=3, max_length=3)]] = Field(
        default_factory=list, description="Channel changes as [actor, actor, state]."
    )
    unlock: list[Id] = Field(default_factory=list, description="Moves that become available to all actors.")


class Trigger(Strict):
    """A scripted event: when its condition holds it fires with some chance."""

    id: Id
    when: ConditionText | None = Field(None, description="Condition; always true when omitted.")
    chance: Annotated[float, Field(ge=0, le=1)] = 1.0
    repeat: bool = False
    effects: TriggerEffects = TriggerEffects()
    news: Text = ""
    audience: Audience = "everyone"
    message: HotlineText | None = None


class Inject(Strict):
    """A trigger that only a facilitator fires, by hand."""

    id: Id
    title: Line
    effects: TriggerEffects = TriggerEffects()
    news: Text = ""
    audience: Audience = "everyone"
    message: HotlineText | None = None


class Outcomes(Strict):
    settlement: ConditionText | None = Field(
        None, description="The crisis is settled when this holds (default: any agreement is in force)."
    )
    defused_after: Annotated[int, Field(ge=1, le=10)] = Field(
        2, description="Turns at or below the ladder's defused_at rung that defuse the crisis."
    )
    capitulation_below: Annotated[int, Field(ge=0, le=50)] | None = Field(
        10, description="An actor whose resolve or support falls to this capitulates; null: nobody can "
                        "capitulate in this crisis (the outcome is removed)."
    )


class TurnLabel(Strict):
    template: Line = Field("Turn {turn}", description="Placeholders: {turn}, {date}.")
    start_date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    days_per_turn: Annotated[int, Field(ge=1, le=365)] = 1


class Scenario(Strict):
    """A whole crisis: who is in it, what they can do, and how it can end."""

    model_config = ConfigDict(title="wargame scenario")

    format: Literal[1] = 1
    id: Id
    title: Line
    summary: Text
    setting: Line | None = None
    author: Line = "anonymous"
    difficulty: Literal["tutorial", "beginner", "intermediate", "advanced"] = "intermediate"
    turns: Annotated[int, Field(ge=3, le=60)] = 12
    turn_label: TurnLabel = TurnLabel()
    recommended_sides: list[Id] = Field(default_factory=list)
    ladder: Literal["default"] | Ladder = "default"
    start_rung: Annotated[int, Field(ge=0)] | None = Field(None, description="Overrides the ladder's starting rung.")
    defused_rung: Annotated[int, Field(ge=0)] | None = Field(None, description="Overrides the ladder's defused_at.")
    actors: Annotated[list[Actor], Field(min_length=2, max_length=8)]
    moves: MoveSet = MoveSet()
    terms: list[Term] = Field(default_factory=list, max_length=MAX_TERMS)
    triggers: list[Trigger] = Field(default_factory=list, max_length=MAX_TRIGGERS)
    injects: list[Inject] = Field(default_factory=list, max_length=MAX_TRIGGERS)
    outcomes: Outcomes = Outcomes()
    perception_noise: Annotated[float, Field(ge=0, le=2)] = Field(
        1.0, description="Scales the noise through which actors read each other's moves "
                         "(0: every move seen is read exactly; 1: as the rules set it).")
