"""Two scripted players: a careful one and a careless one.

They are not styles of statecraft to balance a scenario against (the four
doctrines are); they are the two ways a newcomer can play a side, written
down so that ``wargame study`` can ask whether skill matters, and so that an
instructor can put either on a side as an opponent (``doctrine: careful``).

- careless: answers every threat it perceives in kind and at once, at the
  full weight it perceived, with the hardest answer its red lines allow; it
  never talks (proposals to it go unanswered) and never asks for anything.
- careful: prevents early (confidence-building, a hotline, talks while the
  ladder is low), talks on the hotline (assures, proposes fair packages,
  accepts fair ones), stands firm against a provocation with one step and no
  more, and answers a crossed red line with its mildest response.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import MappingProxyType

from wargame.ai.doctrines import Doctrine, Plan, TitForTat, own_gains, tag_likings
from wargame.ai.facts import Facts
from wargame.ai.ledger import Temper
from wargame.ai.scoring import ESCALATION_SEEN
from wargame.ai.situation import Situation
from wargame.engine.decisions import Message
from wargame.engine.views import ActorView
from wargame.scenario.loader import LoadedScenario
from wargame.scenario.model import Move

CAREFUL_TAGS: Mapping[str, float] = MappingProxyType({
    "preventive": 1.5, "cbm": 1.5, "transparency": 1.0, "hotline": 3.0, "engagement": 1.0, "summit": 1.0,
    "mediation": 1.0, "sever": -4.0, "proxy": -3.0, "strike": -4.0, "rhetoric": -1.0,
})
"""What the careful player likes a move for: prevention and talk early, never cutting the line or striking."""


class Careless(TitForTat):
    name = "careless"
    summary = "Scripted careless player: answers every threat it perceives in kind, at once, and never talks."
    jitter = 0.2

    def plan(self, sit: Situation) -> Plan:
        culprit = max(sit.last_seen, key=sit.last_seen.__getitem__, default=None)
        if culprit is not None and sit.last_seen[culprit] > ESCALATION_SEEN:
            return Plan(min(4.0, round(sit.last_seen[culprit] + 0.49)), culprit, hostile=True, gains=own_gains(sit))
        return Plan(0.0, sit.adversary, gains=own_gains(sit))

    def fixed_terms(self, scenario: LoadedScenario) -> Mapping[str, float]:
        return tag_likings(scenario, {})  # no taste for talk or prevention: it does what the moment asks

    def choose_messages(self, view: ActorView, rng: random.Random) -> list[Message]:
        return []  # ignores the hotline


class Careful(Doctrine):
    name = "careful"
    summary = "Scripted careful player: prevents early, talks, answers proportionately and with the mildest response."
    FIT = 1.0
    EARLY = 3  # turns during which prevention comes first
    DETERRED = 2.0
    KEEP_WORD = 10.0
    jitter = 0.2
    temper = Temper(
        accept_margin=0.0, reliance=0.5, peace_wish=0.5, burden=0.5, threat_fear=0.7, fairness=0.7,
        counter=0.6, propose=0.5, assure=0.4, threaten=0.0, ultimatum=0.0, speak=0.4,
        voice={
            "statement": ("We want {name} to know exactly what we are doing and why: nothing we do is aimed at war.",),
            "accept": ("Agreed. We will keep our word, and we expect {name} to keep its own.",),
            "reject": ("Not on these terms; here is what we could accept.",),
            "counter": ("We could agree to this instead.",),
            "proposal": ("We propose a fair arrangement.",),
            "assurance": ("So that nothing is misread: we will not {move}.",),
        },
    )

    def fixed_terms(self, scenario: LoadedScenario) -> Mapping[str, float]:
        return tag_likings(scenario, CAREFUL_TAGS)

    def plan(self, sit: Situation) -> Plan:
        culprit = max(sit.last_seen, key=sit.last_seen.__getitem__, default=None)
        if culprit is not None and sit.last_seen[culprit] > ESCALATION_SEEN and sit.rung < sit.marks.brink - 2:
            return Plan(1.0, culprit, hostile=True, gains=own_gains(sit))  # firm, one step, no more
        early = sit.view.turn <= self.EARLY
        return Plan(-1.5 if early else -1.0, sit.partner or sit.adversary, gains=own_gains(sit))

    def score(self, f: Facts, target: str | None, escalation: float, sit: Situation, plan: Plan) -> float:
        value = -self.FIT * abs(escalation - plan.aim) + 0.6 * plan.gains[f.id] + 0.02 * f.trust
        return value if plan.hostile else value + plan.fixed[f.id]

    def respond(self, move: Move) -> float:
        return -move.escalation  # the mildest answer that keeps its word


SCRIPTED: dict[str, Doctrine] = {d.name: d for d in (Careful(), Careless())}
