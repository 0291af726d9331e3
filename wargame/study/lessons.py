"""The lessons of crisis diplomacy, each an experiment with the direction the literature expects.

A lesson compares a reference version of each scenario with a variant (each
"as shipped" or one edit of ``edits``) and names the measures it is judged
on (``expected``: measure -> +1 if the variant should be higher, -1 lower).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wargame.study import edits
from wargame.study.edits import Edit


@dataclass(frozen=True)
class Arm:
    """One version of every scenario: as shipped (no edit) or with one edit."""

    label: str
    edit: Edit | None = None


@dataclass(frozen=True)
class Lesson:
    name: str
    title: str
    expectation: str  # the literature's claim, in words
    reference: Arm = Arm("as shipped")
    variant: Arm = Arm("as shipped")
    expected: dict[str, int] = field(default_factory=dict)  # measure -> +1 higher / -1 lower in the variant


def lessons() -> tuple[Lesson, ...]:
    """Every lesson, in the order of the issue's goals."""
    shipped = Arm("as shipped")
    return (
        Lesson("hotline", "An open hotline lowers the chance of war",
               "communication lets a side clarify and the reader discount a misreading, so accidental escalation "
               "falls (hotline vs severed channels)",
               Arm("channels severed", edits.set_channels("severed")),
               Arm("hotline", edits.set_channels("hotline")),
               {"war": -1, "peak": -1}),
        Lesson("cbm", "Confidence-building measures reduce escalation",
               "confidence-building and transparency measures lower misperception and with it escalation",
               Arm("CBM and transparency moves withheld", edits.withhold_tagged("cbm", "transparency")),
               shipped, {"war": -1, "peak": -1}),
        Lesson("noise", "Misperception raises escalation",
               "misread signals escalate by accident (noise on vs off)",
               Arm("no misperception", edits.set_noise(0)), shipped,
               {"war": +1, "peak": +1}),
        Lesson("red_lines", "Declared red lines deter",
               "a declared, credible red line is crossed less, and war is rarer, than a secret one",
               Arm("red lines secret", edits.declare_red_lines(False)),
               Arm("red lines declared", edits.declare_red_lines(True)),
               {"crossings": -1, "war": -1, "peak": -1}),
        Lesson("bluffing", "A side that ignores its crossed lines is probed more",
               "ignoring a crossed line costs credibility and invites the next probe",
               shipped, Arm("red lines never answered", edits.never_answer()),
               {"probes": +1, "crossings": +1}),
        Lesson("prevention", "Early prevention beats late preemption",
               "preventive diplomacy works early and cheaply; preemption raises the peak and provokes",
               Arm("preemption only (preventive moves withheld)", edits.withhold_tagged("preventive")),
               Arm("prevention only (preemptive moves withheld)", edits.withhold_tagged("preemptive")),
               {"peak": -1, "score": +1}),
        Lesson("sanctions", "Sanctions move the target toward concession",
               "economic leverage works short of war: sanctions cost the target and bring concessions",
               Arm("sanctions withheld", edits.withhold_tagged("sanction")), shipped,
               {"concessions": +1}),
        Lesson("mediation", "A reachable mediator raises settlement",
               "a third party changes what can be agreed and lowers the threshold to settle",
               Arm("mediators cut off", edits.cut_off_mediators()), shipped,
               {"settled": +1}),
        Lesson("skill", "Skill matters: a careful player does better than a careless one",
               "a careful player (talks, clarifies, answers proportionately, prevents early) has fewer wars and a "
               "higher score than a careless one",
               Arm("careless player", edits.scripted_side("careless")),
               Arm("careful player", edits.scripted_side("careful")),
               {"war": -1, "side_score": +1}),
    )


def lesson_names() -> tuple[str, ...]:
    return tuple(lesson.name for lesson in lessons())
