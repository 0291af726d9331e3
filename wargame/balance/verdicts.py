"""From numbers to advice: one verdict line per actor, and flags for the whole scenario.

The thresholds are rules of thumb for a classroom game, not statistics:
an outcome that ends more than 70% of games makes the scenario predictable,
one below 3% is something players will almost never see; an actor who tops
70% of the games of one kind, or whose mean score beats everyone else's by
a wide margin, is favoured by the design; a trigger that never fires and a
red line never crossed are dead text. A mediator is not expected to come
out ahead, so its line only reports its numbers (unless it dominates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wargame.balance.report import ActorRow, BalanceReport

HIGH_SHARE = 0.70
LOW_SHARE = 0.03
DOMINANT_WINS = 0.70
RARE_WINS = 0.10
MIN_GAMES = 10  # an outcome needs this many games before an actor's share of its wins means anything
WIDE_MARGIN = 5.0  # score points

OUTCOME_NOUNS = {
    "settled": ("settlement", "settlements"),
    "defused": ("defused crisis", "defused crises"),
    "stalemate": ("stalemate", "stalemates"),
    "capitulation": ("capitulation", "capitulations"),
    "war": ("war", "wars"),
}

TOO_OFTEN = {
    "settled": "make the terms costlier to accept, or the objectives harder to meet together",
    "defused": "start higher on the ladder, or add triggers that push it up",
    "stalemate": "give the sides terms they can both accept, or fewer turns",
    "capitulation": "raise starting resolve and support, or lower outcomes.capitulation_below",
    "war": "slow the escalation: stronger declared red lines, earlier de-escalating triggers, "
           "or lower escalation weights",
}

TOO_RARELY = {
    "settled": "check that the settlement condition asks for terms both sides can accept, "
               "and that their values make a deal worth it",
    "defused": "the ladder seldom stays at or below defused_at long enough; fine if deliberate",
    "stalemate": "almost every game ends before the turn limit; fine if deliberate",
    "capitulation": "resolve and support seldom fall to outcomes.capitulation_below; fine if deliberate",
    "war": "nothing drives the sides to the top of the ladder; fine if deliberate",
}


def judge(report: BalanceReport) -> tuple[list[str], list[str]]:
    """(one verdict per actor, scenario flags)."""
    return [_verdict(report, row) for row in report.actors], _flags(report)


def _percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def _flags(report: BalanceReport) -> list[str]:
    flags = []
    games = report.games
    for kind, count in report.outcomes.items():
        if kind not in report.endings:
            continue  # an outcome the scenario removed is never a concern
        share = report.share(count)
        if share > HIGH_SHARE:
            flags.append(f"{kind.capitalize()} ends {_percent(share)} of games: {TOO_OFTEN[kind]}.")
        elif share < LOW_SHARE:
            flags.append(f"{kind.capitalize()} ends only {_percent(share)} of games ({count} of {games}): "
                         f"{TOO_RARELY[kind]}.")
    for row in report.actors:
        margin = _margin(report, row)
        if margin >= WIDE_MARGIN:
            flags.append(f"{row.name}'s mean score ({row.scores.mean:+.1f}) beats every other actor's by "
                         f"{margin:.1f} points.")
    for trigger, fired in report.triggers.items():
        if fired == 0:
            flags.append(f"Trigger '{trigger}' never fired in {games} games: check its condition against how "
                         "games actually go.")
    for line in report.red_lines:
        if line.crossed == 0:
            flags.append(f"Red line '{line.id}' ({line.owner} against {line.against}) was never crossed in "
                         f"{games} games: it deters completely, or its condition never comes up.")
    return flags


def _verdict(report: BalanceReport, row: ActorRow) -> str:
    others = [other for other in report.actors if other.actor != row.actor]
    margin = _margin(report, row)
    dominant = _dominant_outcome(row)
    summary = (f"mean score {row.scores.mean:+.1f}, from {row.scores.minimum:+g} to {row.scores.maximum:+g}; "
               f"best as {_best_doctrine(row)}")
    if dominant:
        kind, wins, games = dominant
        return (f"{row.name} wins {_percent(wins / games)} of {OUTCOME_NOUNS[kind][1]} "
                f"({summary}): consider lowering the value of its terms and objectives in a "
                f"{OUTCOME_NOUNS[kind][0]}, or raising the others'.")
    if margin >= WIDE_MARGIN:
        return (f"{row.name}'s mean score beats every other actor's by {margin:.1f} points ({summary}): "
                "consider weaker starting stats or lighter objective weights for it.")
    wins = report.share(row.wins)
    weakest = all(row.scores.mean <= other.scores.mean - WIDE_MARGIN for other in others)
    if row.role == "mediator":  # a mediator is there to bring the others together, not to come out ahead
        return f"{row.name}, the mediator, comes out ahead in {_percent(wins)} of games ({summary})."
    if wins < RARE_WINS and weakest:
        return (f"{row.name} comes out ahead in only {_percent(wins)} of games ({summary}): consider objectives "
                "it can meet in a settlement, or terms worth more to it.")
    return f"{row.name} comes out ahead in {_percent(wins)} of games ({summary}): no balance concern."


def _margin(report: BalanceReport, row: ActorRow) -> float:
    """How far the actor's mean score is above the best of the others' (negative when below)."""
    return row.scores.mean - max(other.scores.mean for other in report.actors if other.actor != row.actor)


def _dominant_outcome(row: ActorRow) -> tuple[str, int, int] | None:
    """The outcome (with enough games) whose wins this actor takes most often, if above the line."""
    candidates = [
        (wins / games, kind, wins, games)
        for kind, (wins, games) in row.wins_by_outcome.items()
        if games >= MIN_GAMES and wins / games >= DOMINANT_WINS
    ]
    if not candidates:
        return None
    _, kind, wins, games = max(candidates, key=lambda c: (c[0], c[3]))
    return kind, wins, games


def _best_doctrine(row: ActorRow) -> str:
    doctrine, mean = max(row.by_doctrine.items(), key=lambda item: (item[1], item[0]))
    return f"{doctrine} ({mean:+.1f})"
