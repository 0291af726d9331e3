"""``wargame schema [--save | --view] [-o FILE]``: the JSON Schema of the scenario format, for editors; or of saves or views.

``wargame schema --save`` prints the schema of save files instead
(``docs/save.schema.json``, generated from ``wargame.saves.model.SaveFile``).

The schema is generated from the typed declaration
(``wargame.scenario.model.Scenario``), so it cannot drift from what the
loader accepts; ``docs/scenario.schema.json`` is this output, kept in sync
by a test. Editors pick it up through the first line of a scenario file:
``# yaml-language-server: $schema=../docs/scenario.schema.json``.

With ``--view`` it prints the schema of a view's JSON form (what networked
play and external agents exchange, docs/views.md), generated from the view
classes; ``docs/view.schema.json`` is that output.
"""

from __future__ import annotations

import argparse
import json
import sys

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "wargame scenario"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the scenario format (or of saves or views)",
        description="Print the JSON Schema of the scenario format (for editor completion and checking), "
                    "with --save that of save files, with --view that of an actor's or the facilitator's view in JSON.",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--save", action="store_true", help="the schema of save files (docs/save.schema.json) instead")
    which.add_argument("--view", action="store_true", help="the schema of views (docs/view.schema.json) instead")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead of printing it")
    parser.set_defaults(func=run)


def schema() -> dict:
    """The scenario JSON Schema, ``$schema`` and ``title`` first."""
    from wargame.scenario.model import Scenario

    body = Scenario.model_json_schema(by_alias=True)
    body.pop("title", None)
    return {"$schema": DRAFT, "title": TITLE, **body}


def schema_text() -> str:
    """The exact text of ``docs/scenario.schema.json``."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def save_schema_text() -> str:
    """The exact text of ``docs/save.schema.json``."""
    from wargame.saves.model import SaveFile

    body = SaveFile.model_json_schema()
    body.pop("title", None)
    return json.dumps({"$schema": DRAFT, "title": "wargame save", **body}, indent=2, ensure_ascii=False) + "\n"


def view_schema_text() -> str:
    """The exact text of ``docs/view.schema.json``."""
    from wargame.engine.views import view_schema

    return json.dumps(view_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    from wargame.commands._args import emit

    if args.save:
        text = save_schema_text()
    elif args.view:
        text = view_schema_text()
    else:
        text = schema_text()
    emit(text, args.output)
    if args.output:
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
