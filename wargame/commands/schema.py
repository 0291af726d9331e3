"""``wargame schema [-o FILE]``: the JSON Schema of the scenario format, for editors.

``wargame schema --save`` prints the schema of save files instead
(``docs/save.schema.json``, generated from ``wargame.saves.model.SaveFile``).

The schema is generated from the typed declaration
(``wargame.scenario.model.Scenario``), so it cannot drift from what the
loader accepts; ``docs/scenario.schema.json`` is this output, kept in sync
by a test. Editors pick it up through the first line of a scenario file:
``# yaml-language-server: $schema=../docs/scenario.schema.json``.
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
        help="print the JSON Schema of the scenario format",
        description="Print the JSON Schema of the scenario format (for editor completion and checking).",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead of printing it")
    parser.add_argument("--save", action="store_true", help="the schema of save files instead of scenarios")
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


def run(args: argparse.Namespace) -> int:
    from wargame.commands._args import emit

    emit(save_schema_text() if args.save else schema_text(), args.output)
    if args.output:
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
