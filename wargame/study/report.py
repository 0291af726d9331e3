"""A study's figures: the paired effects of each lesson, as text and as the stable ``--json`` structure.

Shares (war, settlement) are reported in percent and their differences in
percentage points; other measures as means per game. ``to_dict`` is
documented in docs/cli.md; ``FORMAT`` changes when it does.
"""

from __future__ import annotations

from wargame.study import stats
from wargame.study.lessons import Lesson
from wargame.study.measure import GameRecord, Metric, metrics
from wargame.study.runner import Measured, Study

FORMAT = 1
SHOWN = ("war", "peak", "settled", "escalation")
"""Measures every lesson reports; a lesson's own key measures are added after them."""


def _effect(metric: Metric, index: int, reference: tuple[GameRecord, ...], variant: tuple[GameRecord, ...]):
    effect = stats.paired([r.values[index] for r in reference], [v.values[index] for v in variant])
    return effect.scaled(100) if metric.unit == "share" else effect


def effects(rows: tuple[Measured, ...]) -> dict[str, stats.Effect]:
    """Measure name -> the paired effect pooled over every scenario the lesson was played in."""
    reference = tuple(game for row in rows for game in row.reference)
    variant = tuple(game for row in rows for game in row.variant)
    return {metric.name: _effect(metric, i, reference, variant) for i, metric in enumerate(metrics())}


def shown_measures(lesson: Lesson) -> list[str]:
    return list(SHOWN) + [name for name in lesson.expected if name not in SHOWN]


def lesson_verdict(lesson: Lesson, found: dict[str, stats.Effect]) -> str:
    return stats.combined([stats.verdict(found[name], sign) for name, sign in lesson.expected.items()])


def _effect_dict(effect: stats.Effect, expected: int | None) -> dict:
    return {
        "reference": round(effect.reference, 4),
        "variant": round(effect.variant, 4),
        "difference": round(effect.difference, 4),
        "low": round(effect.low, 4),
        "high": round(effect.high, 4),
        "pairs": effect.pairs,
        "expected": None if expected is None else ("higher" if expected > 0 else "lower"),
        "verdict": None if expected is None else stats.verdict(effect, expected),
    }


def _arm(arm) -> dict:
    return {"label": arm.label, "edit": arm.edit.words if arm.edit else None}


def to_dict(study: Study, command: str) -> dict:
    """The stable ``--json`` structure (docs/cli.md)."""
    lessons = []
    for lesson in study.lessons:
        entry: dict = {
            "name": lesson.name,
            "title": lesson.title,
            "expectation": lesson.expectation,
            "reference": _arm(lesson.reference),
            "variant": _arm(lesson.variant),
            "expected": {name: "higher" if sign > 0 else "lower" for name, sign in lesson.expected.items()},
            "verdict": None, "pairs": 0, "effects": {}, "scenarios": {},
        }
        rows = study.results.get(lesson.name, ())
        if rows:
            found = effects(rows)
            entry["verdict"] = lesson_verdict(lesson, found) if found["war"].pairs else None
            entry["pairs"] = found["war"].pairs
            entry["effects"] = {name: _effect_dict(e, lesson.expected.get(name)) for name, e in found.items()}
            for row in rows:
                own = effects((row,))
                entry["scenarios"][row.scenario.id] = {
                    "skipped": row.skipped,
                    "pairs": own["war"].pairs,
                    "effects": {} if row.skipped else {
                        name: _effect_dict(own[name], lesson.expected.get(name)) for name in shown_measures(lesson)},
                }
        lessons.append(entry)
    return {
        "format": FORMAT,
        "command": command,
        "runs": study.runs,
        "seed": study.seed,
        "games": study.games,
        "scenarios": [{"id": s.id, "title": s.spec.title, "sha256": s.digest} for s in study.scenarios],
        "measures": {m.name: {"label": m.label, "unit": m.unit, "means": m.means} for m in metrics()},
        "lessons": lessons,
    }


def figure(metric: Metric, effect: stats.Effect) -> str:
    """``+3.1 pts [-3.0, +9.2]`` (a share) or ``-0.62 [-0.80, -0.45]``: a difference and its 95% interval."""
    if effect.pairs == 0:
        return "no games"
    if metric.unit == "share":
        return f"{effect.difference:+.1f} pts [{effect.low:+.1f}, {effect.high:+.1f}]"
    return f"{effect.difference:+.2f} [{effect.low:+.2f}, {effect.high:+.2f}]"


def level(metric: Metric, value: float) -> str:
    return f"{value:.1f}%" if metric.unit == "share" else f"{value:.2f}"


def describe(study: Study) -> list[str]:
    """The human-readable report."""
    by_name = {m.name: m for m in metrics()}
    lines = [f"wargame study: {len(study.scenarios)} scenario(s), {study.runs} game(s) per doctrine pairing and "
             f"version, seed {study.seed}, {study.games} games", ""]
    for lesson in study.lessons:
        lines.append(f"{lesson.name}: {lesson.title}")
        rows = study.results[lesson.name]
        found = effects(rows)
        skipped = [f"{row.scenario.id} ({row.skipped})" for row in rows if row.skipped]
        if not found["war"].pairs:
            lines += [f"  not played: {', '.join(skipped) or 'no scenario'}", ""]
            continue
        lines.append(f"  reference: {lesson.reference.label}"
                     + (f" ({lesson.reference.edit.words})" if lesson.reference.edit else ""))
        lines.append(f"  variant:   {lesson.variant.label}"
                     + (f" ({lesson.variant.edit.words})" if lesson.variant.edit else ""))
        lines.append(f"  literature: {lesson.expectation}")
        lines.append(f"  {'measure':<18}{'reference':>10}{'variant':>10}  {'difference [95% interval]':<28}"
                     f"{'expected':<10}verdict")
        for name in shown_measures(lesson):
            metric, effect, sign = by_name[name], found[name], lesson.expected.get(name)
            expected = "" if sign is None else ("higher" if sign > 0 else "lower")
            judged = "" if sign is None else stats.verdict(effect, sign)
            lines.append(f"  {metric.label:<18}{level(metric, effect.reference):>10}{level(metric, effect.variant):>10}"
                         f"  {figure(metric, effect):<28}{expected:<10}{judged}")
        played = len(rows) - len(skipped)
        lines.append(f"  verdict: {lesson_verdict(lesson, found)}  ({found['war'].pairs} pairs in {played} scenario(s)"
                     + (f"; not played in {', '.join(skipped)}" if skipped else "") + ")")
        for row in rows:
            if not row.skipped:
                own = effects((row,))
                lines.append(f"    {row.scenario.id:<22}" + "; ".join(
                    f"{by_name[n].label} {figure(by_name[n], own[n])}" for n in lesson.expected))
        lines.append("")
    return lines
