"""One decision's reading of a view: the situation every candidate move is scored in.

A doctrine builds one ``Situation`` from its view per decision (threat per
opponent, ladder landmarks, what it saw last turn, what it owes under
agreements) and drops it with the decision: nothing here outlives it, so
two games, or two threads, never meet in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from wargame.ai.beliefs import ViewEnv
from wargame.ai.facts import Landmarks, Stakes, landmarks, stakes
from wargame.ai.threat import read_hostility, read_threats
from wargame.engine.decisions import MessageKind
from wargame.engine.records import RedLineSnapshot
from wargame.engine.views import ActorView
from wargame.engine.weighing import Weigher
from wargame.scenario.model import ChannelState, Move

CAPITULATION_MARGIN = 15  # stats this close to the capitulation line become precious
HOSTILE = 0.5  # threat (perceived intent plus standing quarrel) that makes an actor an adversary


@dataclass
class Situation:
    """One decision's reading of the view; built once, read by every candidate move."""

    view: ActorView
    marks: Landmarks
    stakes: Stakes
    rung: int
    threat: dict[str, float]  # per other actor: its hostility plus the standing quarrel
    adversary: str | None  # the most threatening other actor
    hostility: dict[str, float]  # per other actor: the escalation toward me I perceived, remembered
    last_seen: dict[str, float]  # per other actor: the escalation toward me I perceived last turn
    others_push: float = 0.0  # the escalation I expect from the others this turn, whoever it hits
    met_now: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    """Objective id -> whether it is met now, filled as ``objective_gain`` asks: many moves share an objective."""

    @property
    def me(self) -> str:
        return self.view.actor

    @cached_property
    def env(self) -> ViewEnv:
        """My view as a condition env, shared by every condition this decision asks."""
        return ViewEnv(self.view)

    @cached_property
    def stat_weight(self) -> dict[str, float]:
        """Points per point of each of my stats now: scoring credibility, capitulation risk, objective thresholds."""
        view, marks = self.view, self.marks
        weights = {"resolve": 0.03, "credibility": 0.1, "support": 0.03, "economy": 0.03, "readiness": 0.03}
        for stat in ("resolve", "support"):
            if marks.capitulation_below is not None and view.stats[stat] < marks.capitulation_below + CAPITULATION_MARGIN:
                weights[stat] += 0.6
        if view.stats["economy"] < 15:
            weights["economy"] += 0.2
        for stat, linked in self.stakes.objective_stats.items():
            lo, hi = self.env.with_(stat_shift=(stat, -5)), self.env.with_(stat_shift=(stat, 5))
            for objective, condition in linked:
                if condition.evaluate(lo) != condition.evaluate(hi):
                    weights[stat] += abs(objective.weight) / 10
        return weights

    @cached_property
    def weigher(self) -> Weigher:
        """How the ladder will count my moves, with what the view says of each target read once per decision."""
        return Weigher(self.view)

    @cached_property
    def partner(self) -> str | None:
        """Whom my latest agreement or the latest proposal to me concerns."""
        view = self.view
        for agreement in reversed(view.agreements):
            if agreement.in_force and len(agreement.parties) > 1:
                return next(p for p in agreement.parties if p != view.actor)
        for envelope in reversed(view.inbox):
            if envelope.message.kind in (MessageKind.PROPOSAL, MessageKind.COUNTER):
                return envelope.message.sender
        return None

    @cached_property
    def duties(self) -> dict[str, str | None]:
        """Moves my agreements require of me this turn, with the party each is owed to.

        The view keeps no log of my own orders, so a duty cannot be checked off;
        instead each agreement's requirements are scheduled one a turn from the
        turn it was made, soonest due first, skipping the turns on which I was
        busy answering a red line (``answered_turn`` says which), and each is
        played on its own turn only (never twice).
        """
        view = self.view
        duties: dict[str, str | None] = {}
        busy = {line.answered_turn for line in view.my_red_lines if line.status == "honoured"}
        for agreement in view.agreements:
            if not agreement.in_force:
                continue
            owed = sorted((c.due, c.requires) for c in agreement.commitments
                          if c.party == view.actor and c.requires and c.due is not None)
            party = next((p for p in agreement.parties if p != view.actor), None)
            turn = agreement.turn
            for due, move in owed:
                while turn in busy and turn < due:
                    turn += 1
                if view.turn == min(turn, due):
                    duties.setdefault(move, party)
                turn += 1
        return duties

    @cached_property
    def reachable(self) -> tuple[str, ...]:
        """Others I can talk to, most threatening first."""
        open_ = [o.id for o in self.view.others if o.channel != ChannelState.SEVERED]
        return tuple(sorted(open_, key=lambda o: -self.threat.get(o, 0.0)))

    @cached_property
    def feared(self) -> dict[RedLineSnapshot, tuple[Move, ...]]:
        """The declared red lines of others standing against me, each with the moves of mine that would cross it."""
        lines = [line for line in self.view.their_red_lines if line.against == self.me and line.status == "standing"]
        return {line: moves for line in lines
                if (moves := tuple(o.move for o in self.view.options if line.id in o.crosses))}

    @cached_property
    def good_offices(self) -> float:
        """How far a mediator I can talk to vouches for a deal: my trust in the most trusted one, 0 to 1
        (0 when none is in reach, or when I am a mediator myself)."""
        scenario = self.view.scenario
        if scenario.actor(self.me).role == "mediator":
            return 0.0
        trust = [o.my_trust for o in self.view.others
                 if o.id in self.reachable and scenario.actor(o.id).role == "mediator"]
        return max(trust, default=0) / 100

    @cached_property
    def adversaries(self) -> tuple[str, ...]:
        """Reachable actors threatening enough to warrant threats and ultimatums."""
        return tuple(o for o in self.reachable if self.threat.get(o, 0.0) >= HOSTILE)


def read_situation(view: ActorView) -> Situation:
    """The situation of one decision, from its view alone."""
    scenario = view.scenario
    st = stakes(scenario, view.actor)
    readings = read_hostility(view)
    threats = read_threats(view, st, readings.hostility)
    return Situation(view, landmarks(scenario), st, view.perceived_rung, threats.threat, threats.adversary,
                     readings.hostility, readings.last_seen, threats.push)
