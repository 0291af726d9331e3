"""``wargame schema [-o FILE]``: the JSON Schema of the scenario format, for editors.

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
from pathlib import Path

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "wargame scenario"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the scenario format",
        description="Print the JSON Schema of the scenario format (for editor completion and checking).",
    )
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


def run(args: argparse.Namespace) -> int:
    from wargame.errors import WargameError

    text = schema_text()
    if not args.output:
        sys.stdout.write(text)
        return 0
    path = Path(args.output)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise WargameError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(f"wrote {path}", file=sys.stderr)
    return 0
