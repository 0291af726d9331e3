"""``docs/what-the-model-teaches.md``: a study's ``--json`` structure rendered as a Markdown page.

Rendering from the JSON structure (not from the games) lets the page be
rebuilt from a saved ``--json`` file, and tested on a small made-up one.
The page names the command, date, seed and run count that produced it.
"""

from __future__ import annotations


def _figure(effect: dict, unit: str) -> str:
    if not effect or not effect["pairs"]:
        return "—"
    if unit == "share":
        return f"{effect['difference']:+.1f} pts [{effect['low']:+.1f}, {effect['high']:+.1f}]"
    return f"{effect['difference']:+.2f} [{effect['low']:+.2f}, {effect['high']:+.2f}]"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(data: dict, date: str) -> str:
    """The whole page for one study (``report.to_dict``), produced on ``date``."""
    units = {name: measure["unit"] for name, measure in data["measures"].items()}
    labels = {name: measure["label"] for name, measure in data["measures"].items()}
    out = [
        "# What the model teaches",
        "",
        f"Generated on {date} by `{data['command']}` (seed {data['seed']}, {data['runs']} game(s) per doctrine "
        f"pairing and version, {data['games']} games in all). Do not edit by hand: run the command again.",
        "",
        "Each lesson of crisis diplomacy is measured as a paired experiment: every scenario is played in two "
        "versions that differ by one edit of its data (the *reference* and the *variant*), over every doctrine "
        "pairing that `wargame balance` plays, with the same seeds, so each pair of games differs only by the edit. "
        "A figure is the mean difference *variant minus reference* with its 95% interval (normal approximation "
        "of the paired differences); shares are in percentage points. A lesson **holds** when one of its key "
        "measures moves the way the literature expects with an interval that excludes zero and none moves the "
        "other way; it is **reversed** in the opposite case, and shows **no clear effect** otherwise. "
        "`wargame study SCENARIO --lesson NAME --show-edit` prints each edit as the YAML an author would write.",
        "",
        "Scenarios: " + ", ".join(f"{s['title']} (`{s['id']}`)" for s in data["scenarios"]) + ".",
        "",
        "| lesson | war | peak rung | settlement | escalation score | key measures | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for lesson in data["lessons"]:
        effects = lesson["effects"]
        keys = "; ".join(f"{labels[name]} {expected} {_figure(effects.get(name, {}), units[name])}"
                         for name, expected in lesson["expected"].items())
        out.append(f"| {_cell(lesson['title'])} | " + " | ".join(
            _figure(effects.get(name, {}), units[name]) for name in ("war", "peak", "settled", "escalation"))
            + f" | {keys} | **{lesson['verdict'] or 'not played'}** |")
    out += ["", "The escalation score is that of Rivera et al. 2024 (see `docs/model.md`, \"Escalation score\"), "
            "summed over every order of every side in a game.", ""]
    for lesson in data["lessons"]:
        out += [f"## {lesson['title']} (`{lesson['name']}`)", "", f"Literature: {lesson['expectation']}.", ""]
        for side in ("reference", "variant"):
            arm = lesson[side]
            out.append(f"- {side.capitalize()}: {arm['label']}" + (f" — {arm['edit']}." if arm["edit"] else "."))
        out += ["", f"Verdict: **{lesson['verdict'] or 'not played'}** over {lesson['pairs']} pairs.", "",
                "| scenario | pairs | " + " | ".join(labels[name] for name in _shown(lesson)) + " |",
                "|---|---|" + "---|" * len(_shown(lesson))]
        for scenario, row in lesson["scenarios"].items():
            if row["skipped"]:
                out.append(f"| `{scenario}` | 0 | not played: {_cell(row['skipped'])} |" + " |" * (len(_shown(lesson)) - 1))
            else:
                out.append(f"| `{scenario}` | {row['pairs']} | " + " | ".join(
                    _figure(row["effects"].get(name, {}), units[name]) for name in _shown(lesson)) + " |")
        out.append(f"| all | {lesson['pairs']} | " + " | ".join(
            _figure(lesson["effects"].get(name, {}), units[name]) for name in _shown(lesson)) + " |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _shown(lesson: dict) -> list[str]:
    base = ["war", "peak", "settled", "escalation"]
    return base + [name for name in lesson["expected"] if name not in base]
