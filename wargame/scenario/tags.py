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

    means: str  # what it does, for the format document
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
        "Preventive diplomacy: its de-escalation (a negative weight) counts ×1.5 at rungs 0–3, ×1 at rungs 4–8 "
        "and ×0.5 above, so it works early and cheaply. Give the cheapest ones a `max_rung`.",
        preventive=True, likings={"hawk": -0.5, "dove": 1.2}),
    Tag.PREEMPTIVE: Meaning(
        "Striking first: fast and strong (give it effects that cut the target's readiness), but it provokes: the "
        "target's resolve +5 and its trust toward the mover -10 on top of the move's effects, and +1 escalation "
        "if the target did not escalate on the previous turn.",
        preemptive=True),
    Tag.CBM: Meaning(
        "Confidence-building measure: misperception between the pair is cut for 3 turns.",
        needs_channel=True, transparency=True, metric="confidence_measures",
        likings={"hawk": -0.8, "dove": 1.5, "tit_for_tat": 0.3}),
    Tag.TRANSPARENCY: Meaning(
        "Transparency measure: misperception between the pair is cut for 3 turns.",
        needs_channel=True, transparency=True, metric="confidence_measures", likings={"dove": 1.0}),
    Tag.MEDIATION: Meaning(
        "Needs a third party: an actor with `role: mediator`, other than the mover and the target, whose channels "
        "to both are not severed (otherwise the move is greyed out with that reason). Through a mediator the move "
        "de-escalates one step further than its weight.",
        needs_mediator=True, goes_further=True, metric="mediation", likings={"hawk": -1.5, "dove": 1.0}),
    Tag.SUMMIT: Meaning(
        "A summit; one held by a mediator counts as mediation in the debrief.",
        needs_channel=True, talks=True, metric="summits", likings={"hawk": -1.0, "dove": 1.5}),
    Tag.ENGAGEMENT: Meaning(
        "Talks and dialogue; those held by a mediator count as mediation in the debrief.",
        needs_channel=True, talks=True, metric="meetings",
        likings={"hawk": -1.0, "dove": 1.0, "tit_for_tat": 0.3}),
    Tag.SANCTION: Meaning(
        "Economic leverage, a stick; counted in the debrief.",
        metric="sanctions", likings={"hawk": 0.8, "dove": -1.0}),
    Tag.INCENTIVE: Meaning(
        "Economic leverage, a carrot.",
        likings={"hawk": -1.0, "dove": 0.6}),
    Tag.BUILDUP: Meaning(
        "Military build-up: feeds the rapid military build-up indicator (weight 3 or more counts double).",
        indicator="build_up", metric="escalation_incidents", likings={"hawk": 1.0, "dove": -1.5}),
    Tag.RHETORIC: Meaning(
        "Feeds the inflammatory rhetoric indicator.",
        indicator="rhetoric", likings={"hawk": 0.6, "dove": -1.0}),
    Tag.PROXY: Meaning(
        "Feeds the proxy involvement indicator.",
        indicator="proxy", likings={"hawk": 0.3, "dove": -4.0}),
    Tag.STRIKE: Meaning(
        "An armed attack: feeds the rapid military build-up indicator; a computer hawk is loath to strike an actor "
        "that has not provoked it.",
        first_blow=True, indicator="build_up", metric="escalation_incidents", likings={"hawk": 0.2, "dove": -6.0}),
    Tag.HOTLINE: Meaning(
        "With `effects.channel: hotline`, establishes a hotline: messages on it are never garbled and "
        "misperception is at its lowest.",
        needs_channel=True, likings={"hawk": -0.5, "dove": 3.0}),
    Tag.SEVER: Meaning(
        "Severs the channel (use with `effects.channel: severed`); feeds the broken communications indicator.",
        indicator="communications", likings={"dove": -4.0}),
    Tag.COALITION: Meaning(
        "Coalition building.",
        likings={"hawk": 0.3}),
    Tag.SPENDING: Meaning(
        "Defence spending (the debrief counts military spending from the cost of military moves, tagged or not)."),
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


_FLAG_WORDS = (
    ("needs_channel", "needs a channel that is not severed"),
    ("needs_mediator", "needs a mediator"),
    ("preventive", "preventive weighing"),
    ("goes_further", "one step further"),
    ("preemptive", "provokes"),
    ("transparency", "less misperception for 3 turns"),
    ("first_blow", "a first blow"),
    ("talks", "a mediator's talks"),
)
"""Each yes/no part of a meaning, in the words of the format document."""


def _rules(meaning: Meaning) -> str:
    """The rules a meaning feeds, in the words of the format document."""
    said = [words for flag, words in _FLAG_WORDS if getattr(meaning, flag)]
    if meaning.indicator:
        said.append(f"indicator `{meaning.indicator}`")
    if meaning.metric:
        said.append(f"debrief `{meaning.metric}`")
    if meaning.likings:
        said.append("liked by " + ", ".join(f"{name} {value:+g}" for name, value in meaning.likings.items()))
    return "; ".join(said) or "none"


def vocabulary_table() -> str:
    """The Markdown table of every tag that ``docs/scenario-format.md`` holds (a test keeps the two equal)."""
    rows = ["| tag | effect | rules it feeds |", "|---|---|---|"]
    rows += [f"| `{tag}` | {meaning.means} | {_rules(meaning)} |" for tag, meaning in MEANINGS.items()]
    return "\n".join(rows) + "\n"
