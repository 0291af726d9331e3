"""What each move tag means: the one table every rule reads.

A move's tags are how a scenario tells the rules what kind of move it is.
Each tag's meaning is plain data here, and the engine, the computer players
and the debrief read the sets and numbers derived below instead of naming
tags. Adding a tag touches this module, the scenario model (only if the
format changes) and ``docs/scenario-format.md``, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Tag(StrEnum):
    """A move tag, spelled as in scenario files and saves."""

    PREVENTIVE = "preventive"
    PREEMPTIVE = "preemptive"
    CBM = "cbm"
    TRANSPARENCY = "transparency"
    MEDIATION = "mediation"
    SUMMIT = "summit"
    ENGAGEMENT = "engagement"
    SANCTION = "sanction"
    INCENTIVE = "incentive"
    BUILDUP = "buildup"
    RHETORIC = "rhetoric"
    PROXY = "proxy"
    STRIKE = "strike"
    HOTLINE = "hotline"
    SEVER = "sever"
    COALITION = "coalition"
    SPENDING = "spending"


@dataclass(frozen=True)
class Meaning:
    """What one tag does to each rule; a flag left False means the rule ignores the tag."""

    means: str  # one line for the format document
    needs_channel: bool = False  # legality: refused at a target whose channel is severed
    needs_mediator: bool = False  # legality: needs a mediator who can talk to both sides
    preventive: bool = False  # weighing: de-escalation counts x1.5 low on the ladder, x0.5 high
    goes_further: bool = False  # weighing: a calming gesture at a target counts one step more
    preemptive: bool = False  # weighing: an unprovoked blow counts one step more; adjudication: hardens the target
    transparency: bool = False  # adjudication: the pair is open to inspection for 3 turns (perception: less noise)
    first_blow: bool = False  # computer players: an attack, which a hawk is loath to strike unprovoked
    talks: bool = False  # debrief: held by a mediator, it counts as mediation
    indicator: str | None = None  # the warning indicator it feeds (engine/indicators.py)
    metric: str | None = None  # the debrief metric it counts toward (debrief/metrics.py)
    likings: Mapping[str, float] = field(default_factory=dict)  # doctrine -> liking for a move per tag


MEANINGS: Mapping[Tag, Meaning] = MappingProxyType({
    Tag.PREVENTIVE: Meaning(
        "Preventive diplomacy: worth most low on the ladder.",
        preventive=True, likings={"hawk": -0.5, "dove": 1.2}),
    Tag.PREEMPTIVE: Meaning(
        "Striking first: unprovoked, it counts one rung more and hardens the target.",
        preemptive=True),
    Tag.CBM: Meaning(
        "Confidence-building measure: needs a channel; opens the pair to inspection (less misperception).",
        needs_channel=True, transparency=True, metric="confidence_measures",
        likings={"hawk": -0.8, "dove": 1.5, "tit_for_tat": 0.3}),
    Tag.TRANSPARENCY: Meaning(
        "Transparency: needs a channel; opens the pair to inspection (less misperception).",
        needs_channel=True, transparency=True, metric="confidence_measures", likings={"dove": 1.0}),
    Tag.MEDIATION: Meaning(
        "Mediation: needs a mediator who can talk to both sides; carries a calming gesture one rung further.",
        needs_mediator=True, goes_further=True, metric="mediation", likings={"hawk": -1.5, "dove": 1.0}),
    Tag.SUMMIT: Meaning(
        "Summit: needs a channel; a mediator's summit counts as mediation.",
        needs_channel=True, talks=True, metric="summits", likings={"hawk": -1.0, "dove": 1.5}),
    Tag.ENGAGEMENT: Meaning(
        "Talks and dialogue: need a channel; a mediator's talks count as mediation.",
        needs_channel=True, talks=True, metric="meetings",
        likings={"hawk": -1.0, "dove": 1.0, "tit_for_tat": 0.3}),
    Tag.SANCTION: Meaning(
        "Economic sanction.",
        metric="sanctions", likings={"hawk": 0.8, "dove": -1.0}),
    Tag.INCENTIVE: Meaning(
        "Incentive or aid.",
        likings={"hawk": -1.0, "dove": 0.6}),
    Tag.BUILDUP: Meaning(
        "Military build-up: feeds the build-up indicator.",
        indicator="build_up", metric="escalation_incidents", likings={"hawk": 1.0, "dove": -1.5}),
    Tag.RHETORIC: Meaning(
        "Inflammatory rhetoric: feeds the rhetoric indicator.",
        indicator="rhetoric", likings={"hawk": 0.6, "dove": -1.0}),
    Tag.PROXY: Meaning(
        "Proxy involvement: feeds the proxy indicator.",
        indicator="proxy", likings={"hawk": 0.3, "dove": -4.0}),
    Tag.STRIKE: Meaning(
        "Armed attack: feeds the build-up indicator; computer hawks are loath to strike first.",
        first_blow=True, indicator="build_up", metric="escalation_incidents", likings={"hawk": 0.2, "dove": -6.0}),
    Tag.HOTLINE: Meaning(
        "The hotline: needs a channel.",
        needs_channel=True, likings={"hawk": -0.5, "dove": 3.0}),
    Tag.SEVER: Meaning(
        "Breaking off communications: feeds the communications indicator.",
        indicator="communications", likings={"dove": -4.0}),
    Tag.COALITION: Meaning(
        "Coalition building.",
        likings={"hawk": 0.3}),
    Tag.SPENDING: Meaning(
        "Military spending."),
})


def having(trait: Callable[[Meaning], object]) -> frozenset[Tag]:
    """The tags whose meaning has ``trait`` (a predicate on a meaning)."""
    return frozenset(tag for tag, meaning in MEANINGS.items() if trait(meaning))


NEEDS_CHANNEL = having(lambda m: m.needs_channel)
NEEDS_MEDIATOR = having(lambda m: m.needs_mediator)
PREVENTIVE = having(lambda m: m.preventive)
GOES_FURTHER = having(lambda m: m.goes_further)
PREEMPTIVE = having(lambda m: m.preemptive)
TRANSPARENCY = having(lambda m: m.transparency)
FIRST_BLOW = having(lambda m: m.first_blow)
TALKS = having(lambda m: m.talks)


def feeding(indicator: str) -> frozenset[Tag]:
    """The tags that feed a warning indicator."""
    return having(lambda m: m.indicator == indicator)


def counted_as(metric: str) -> frozenset[Tag]:
    """The tags that count toward a debrief metric."""
    return having(lambda m: m.metric == metric)


def likings(doctrine: str) -> Mapping[str, float]:
    """Tag -> how much a computer doctrine likes a move for carrying it (tags it ignores are left out)."""
    return MappingProxyType({tag: meaning.likings[doctrine] for tag, meaning in MEANINGS.items()
                             if doctrine in meaning.likings})
