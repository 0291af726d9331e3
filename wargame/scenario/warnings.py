"""Static warnings: things that load fine but cannot work as the author meant.

Warnings never stop a scenario from loading; ``wargame validate`` prints
them after the errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.scenario.diagnostics import Diagnostic

if TYPE_CHECKING:
    from wargame.scenario.loader import LoadedScenario
    from wargame.scenario.yamlsafe import Document


def static_warnings(loaded: "LoadedScenario", doc: "Document") -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def warn(path: tuple, message: str) -> None:
        where = doc.locate(path)
        found.append(Diagnostic(doc.source, where.line, where.column, "warning", message, path))

    playable = {m.id for actor in loaded.spec.actors for m in loaded.moves_for(actor.id)}
    for kind in ("trigger", "red_line", "objective", "settlement"):
        for key, condition in loaded.conditions.items():
            if key[0] != kind:
                continue
            for move in sorted(condition.references.moves - playable):
                warn(_path_of(loaded, key), f"condition names move '{move}', which no actor can play")
    for t, trigger in enumerate(loaded.spec.triggers):
        if trigger.chance == 0:
            warn(("triggers", t, "chance"), f"trigger '{trigger.id}' has chance 0 and can never fire")
    for move_id in sorted(loaded.locked):
        if move_id not in playable:
            warn(("moves",), f"move '{move_id}' is unlocked by a trigger but no actor may play it")
    return found


def _path_of(loaded: "LoadedScenario", key: tuple) -> tuple:
    spec = loaded.spec
    if key[0] == "trigger":
        index = next(i for i, t in enumerate(spec.triggers) if t.id == key[1])
        return ("triggers", index, "when")
    if key[0] == "red_line":
        for a, actor in enumerate(spec.actors):
            for r, line in enumerate(actor.red_lines):
                if line.id == key[1]:
                    return ("actors", a, "red_lines", r, "when")
    if key[0] == "objective":
        a = next(i for i, actor in enumerate(spec.actors) if actor.id == key[1])
        o = next(i for i, obj in enumerate(spec.actors[a].objectives) if obj.id == key[2])
        return ("actors", a, "objectives", o, "when")
    if key[0] == "settlement":
        return ("outcomes", "settlement")
    return ()
