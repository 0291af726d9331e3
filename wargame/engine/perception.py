"""Misperception: each actor reads the others' moves through noise.

Noise grows with low trust, strained or severed channels and covert action,
and shrinks with a hotline and transparency measures. Ambiguity is read as
threat (a small upward bias), so misread signals can escalate by accident.
Actors then hold their own perceived rung and their own reading of each
opponent's intent; computer players act on those, not on the truth.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from wargame.engine import alarms
from wargame.engine.clarity import NoiseParts
from wargame.engine.records import MISREAD_GAP, WHITE_CELL, Event, Perception
from wargame.scenario.model import ChannelState

if TYPE_CHECKING:
    from wargame.engine.decisions import Order
    from wargame.engine.game import ActorState, Game

BASE_NOISE = 0.3
DISTRUST_NOISE = 1.2
CHANNEL_NOISE = {ChannelState.OPEN: 0.0, ChannelState.STRAINED: 0.6, ChannelState.SEVERED: 1.2, ChannelState.HOTLINE: -0.4}
COVERT_NOISE = 0.8
TRANSPARENCY_RELIEF = 0.4
WORST_CASE_BIAS = 0.3
INTENT_MEMORY = 0.6
FRESH_WEIGHT = 1 - INTENT_MEMORY  # what this turn's reading weighs in an intent
MAX_ERROR = 3.0  # even a deaf ear does not hear a summit as a nuclear strike
ASIDE = 0.3  # a move aimed at someone else says less about intent toward me
REVEAL_AFTER = 2  # turns after which an undetected covert move comes to light


def noise(game: Game, observer: str, actor: str, covert: bool = False) -> float:
    """Standard deviation of the error with which ``observer`` reads ``actor``."""
    return noise_parts(game, observer, actor, covert).total


def noise_parts(game: Game, observer: str, actor: str, covert: bool = False) -> NoiseParts:
    """``noise`` part by part, so a reading can say what made it noisy (``wargame.engine.clarity``)."""
    link = _pair(observer, actor)
    trust = game.actors[observer].trust[actor]
    line = game.channels.get(link, ChannelState.OPEN)
    relief = link in game.transparency_until and game.transparency_until[link] >= game.turn
    return NoiseParts(BASE_NOISE, DISTRUST_NOISE * (100 - trust) / 100, CHANNEL_NOISE[line],
                      COVERT_NOISE if covert else 0.0, TRANSPARENCY_RELIEF if relief else 0.0, trust, line,
                      game.scenario.spec.perception_noise)


def detection_chance(game: Game, observer: str, target: str | None) -> float:
    chance = 0.25 + game.actors[observer].stats["readiness"] / 200
    return chance if target == observer else chance / 2


def perceive(game: Game, orders: Mapping[str, Order], escalation: dict[str, float]) -> list[Perception]:
    """Every observer's reading of every other actor's move this turn."""
    moves = game.scenario.moves
    plays = [(actor, order.target, move, escalation[actor], move.visibility == "covert")
             for actor, order in orders.items() for move in [moves[order.move]]]
    rng, turn = game.rng, game.turn
    seen: list[Perception] = []
    for observer, state in game.actors.items():
        for actor, target, move, actual, covert in plays:
            if actor == observer:
                continue
            if covert and rng.random() >= detection_chance(game, observer, target):
                seen.append(Perception(observer, actor, move.id, None, target, actual, 0.0))
                reveal = Event(turn, "revealed", f"Revealed: {game.name(actor)} had carried out {move.name.lower()} on {game.turn_label(turn)}.",
                               (observer,), (actor,))
                game.pending_reveals.append((turn + REVEAL_AFTER, reveal))
                continue
            parts = noise_parts(game, observer, actor, covert)
            sigma = parts.total
            error = rng.gauss(WORST_CASE_BIAS * sigma, sigma)
            perceived = actual + (-MAX_ERROR if error < -MAX_ERROR else MAX_ERROR if error > MAX_ERROR else error)
            shown = round(perceived, 2)
            taken = alarms.taken_for(game, observer, actor, move, actual, shown)
            seen.append(Perception(observer, actor, move.id, taken, target, actual, shown, round(sigma, 2), parts.causes()))
            aimed_elsewhere = target is not None and target != observer
            _react(state, actor, shown * ASIDE if aimed_elsewhere else shown)
            if abs(shown - actual) >= MISREAD_GAP:  # Perception.misread of the reading just made, without reading it back
                game.note("misread", f"{game.name(observer)} reads {game.name(actor)}'s {move.name.lower()} as far "
                          f"{'more' if perceived > actual else 'less'} threatening than it is.",
                          WHITE_CELL, (observer, actor))
    return seen


def _react(state: ActorState, actor: str, perceived: float) -> None:
    """The observer's running reading of ``actor``'s intent, and its trust, after one perceived move."""
    state.intent[actor] = round(INTENT_MEMORY * state.intent[actor] + FRESH_WEIGHT * perceived, 3)
    if perceived > 0.5:
        change = -3 * perceived
    elif perceived < -0.5:
        change = 2
    else:
        return
    trust = state.trust[actor] + change
    state.trust[actor] = 0 if trust < 0 else 100 if trust > 100 else int(trust)


def update_perceived_rungs(game: Game, seen: list[Perception], escalation: dict[str, float]) -> None:
    """Each actor's belief: its own move known, others' as perceived, pulled toward the truth by clarity."""
    perceived_by: dict[str, list[float]] = {observer: [] for observer in game.actors}
    for reading in seen:
        perceived_by[reading.observer].append(reading.perceived)
    for observer, state in game.actors.items():
        believed = escalation.get(observer, 0.0) + sum(perceived_by[observer])
        estimate = state.perceived_rung + believed / 2
        others = game.others(observer)
        mean_noise = sum([noise(game, observer, other) for other in others]) / max(1, len(others))
        clarity = max(0.15, min(0.9, 1 - mean_noise / 2.5))
        estimate += (game.rung - estimate) * clarity
        state.perceived_rung = round(max(0.0, min(float(game.top_rung), estimate)), 2)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def guessed_noise(trust: int, channel: str, scale: float) -> float:
    """The noise of a reading as a side can guess it from its own side of the relation (its trust, the channel)."""
    line = ChannelState(channel)
    return NoiseParts(BASE_NOISE, DISTRUST_NOISE * (100 - trust) / 100, CHANNEL_NOISE[line], 0.0, 0.0, trust, line,
                      scale).total
