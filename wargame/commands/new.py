"""``wargame new NAME [--actors N] [-o PATH]``: a commented scenario skeleton that validates and plays.

The skeleton is a working crisis, not a form to fill in: every section of
the format appears once with a comment saying what it does, so an author
changes a running scenario instead of debugging an empty one. Two actors
are the two parties; a third is a mediator, a fourth an ally of the first.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

# (id, name, leader, role, doctrine) for each seat; the first two are the parties to the crisis
SEATS = (
    ("north", "The Northern Republic", "President", "party", "calculator"),
    ("south", "The Southern Union", "Premier", "party", "tit_for_tat"),
    ("council", "The Regional Council", "Secretary-General", "mediator", "dove"),
    ("league", "The Maritime League", "High Commissioner", "ally", "hawk"),
)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a commented scenario skeleton that validates",
        description="Write a commented scenario skeleton that validates and plays to an end. "
        "It never overwrites an existing file.",
    )
    parser.add_argument("name", metavar="NAME", help="scenario name, e.g. border-dispute (becomes the file name and id)")
    parser.add_argument("--actors", type=int, default=2, choices=range(2, 5), metavar="N",
                        help="number of actors, 2 to 4 (default 2; the third is a mediator, the fourth an ally)")
    parser.add_argument("-o", "--output", metavar="PATH", help="file to write (default: scenarios/NAME.yaml)")
    parser.set_defaults(func=run)


def scenario_id(name: str) -> str:
    """The scenario id for a name: lower case, ``_`` for anything else, starting with a letter."""
    from wargame.errors import WargameError

    ident = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    ident = re.sub(r"^[^a-z]+", "", ident)[:40].rstrip("_")
    if not ident:
        raise WargameError(f"'{name}' cannot become a scenario id: use letters, digits and - or _")
    return ident


def run(args: argparse.Namespace) -> int:
    from wargame.errors import WargameError
    from wargame.saves.atomic import atomic_create

    if "/" in args.name or "\\" in args.name:
        raise WargameError(f"NAME is a name, not a path: use -o {args.name} to choose where the file goes")
    if args.name.startswith(("-", ".")):
        raise WargameError(f"NAME cannot start with '{args.name[0]}': '{args.name}' would read as an option or a hidden file")
    ident = scenario_id(args.name)
    path = Path(args.output) if args.output else Path("scenarios") / f"{args.name.removesuffix('.yaml')}.yaml"
    text = skeleton(ident, args.actors, schema_line(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_create(path, text.encode("utf-8"))  # all or nothing, and never overwrite
    except FileExistsError:
        raise WargameError(f"{path} already exists; choose another NAME or -o PATH") from None
    except OSError as exc:
        raise WargameError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(f"wrote {path} (scenario '{ident}', {args.actors} actors)")
    print(f"next: edit it, then 'wargame validate {path}' and 'wargame run {path}'")
    return 0


def schema_line(path: Path) -> str:
    """The editor hint, pointing at ``docs/scenario.schema.json`` when one is nearby."""
    for folder in (Path.cwd(), *Path.cwd().parents)[:3]:
        schema = folder / "docs" / "scenario.schema.json"
        if schema.is_file():
            relative = os.path.relpath(schema, path.resolve().parent).replace(os.sep, "/")
            return f"# yaml-language-server: $schema={relative}\n"
    return (
        "# Editor completion: run 'wargame schema -o scenario.schema.json' and add a first line\n"
        "# '# yaml-language-server: $schema=scenario.schema.json' (path relative to this file).\n"
    )


def skeleton(ident: str, actors: int, first_line: str = "") -> str:
    """The skeleton's text for ``actors`` seats (2 to 4)."""
    seats = SEATS[:actors]
    title = ident.replace("_", " ").title()
    parts = [first_line, _HEADER.format(id=ident, title=title, sides=seats[0][0])]
    parts.append("actors:\n")
    for index, seat in enumerate(seats):
        parts.append(_actor(index, seat, seats))
    withheld = "nuclear_alert" if actors >= 3 else "nuclear_alert, request_mediation"
    parts.append(_BODY.replace("WITHHELD", withheld))
    if actors >= 3:
        parts.append(_MEDIATOR_INJECT)
    parts.append(_OUTCOMES)
    return "".join(parts)


_HEADER = """\
#
# A new crisis. Every section below is working and commented: change the
# names, the briefings and the numbers, then check your work with
#   wargame validate THIS_FILE      (every problem, with line and column)
#   wargame run THIS_FILE           (one game, the computer on every side)
#   wargame simulate THIS_FILE      (many games: is it balanced?)
# The whole format is described in docs/scenario-format.md.
format: 1
id: {id}  # lower case letters, digits and _
title: "{title}"
summary: >-
  One paragraph shown in the scenario picker: what happened, who is
  involved, what is at stake. Replace this text.
setting: "A fictional border region, today"
author: "your name"
difficulty: beginner            # tutorial | beginner | intermediate | advanced
turns: 10                       # the game ends in a stalemate after this many turns
turn_label:
  template: "Day {{turn}}"       # {{turn}} and {{date}} (with start_date below) are filled in
  # start_date: "2031-05-01"    # quote dates: YAML would otherwise turn them into something else
  # days_per_turn: 1
recommended_sides: [{sides}]     # the actors a person should play first
ladder: default                 # the shipped escalation ladder (rungs 0 to 16, war at 15)
start_rung: 3                   # where the crisis starts on that ladder

"""


def _actor(index: int, seat: tuple, seats: tuple) -> str:
    ident, name, leader, role, doctrine = seat
    names = {s[0]: s[1] for s in seats}
    roles = {s[0]: s[3] for s in seats}
    others = [s[0] for s in seats if s[0] != ident]
    rival = seats[1][0] if index == 0 else seats[0][0]
    # parties distrust each other a little; everyone trusts a mediator, and a mediator everyone
    trust = ", ".join(f"{o}: {60 if 'mediator' in (role, roles[o]) else 40}" for o in others)
    channels = ", ".join(f"{o}: open" for o in others)
    first = index == 0  # the first actor carries the comments
    lines = [
        f"  - id: {ident}",
        f"    name: {name}",
        f"    leader: {leader}",
        _note(f"    role: {role}", "party | ally | mediator", first),
        _note(f"    player: {'human' if first else 'computer'}", "who plays it by default", first),
        _note(f"    doctrine: {doctrine}", "hawk | dove | tit_for_tat | calculator, when the computer plays", first),
        _note("    stats: {resolve: 55, credibility: 50, support: 55, economy: 50, readiness: 50}", "each 0-100", first),
        _note(f"    trust: {{{trust}}}", "0-100 toward each other actor (default 50)", first),
        _note(f"    channels: {{{channels}}}", "open | strained | severed | hotline", first),
        "    briefing:",
        "      public: >-",
        f"        What everyone knows about {name}. Replace this text.",
        "      private: >-",
        f"        What only the player of {name} reads: aims, fears, and what",
        "        the leader will not accept. Replace this text.",
    ]
    if role == "party":
        lines += [
            "    objectives:                 # scored at the end when the condition holds",
            "      - id: deal",
            "        description: Reach an agreement on the disputed crossing",
            "        when: agreed(joint_patrols) or agreed(reopen_crossing)",
            "        weight: 6",
            "      - id: no_war",
            "        description: Keep the crisis out of the intense band (never reach rung 9)",
            "        when: peak < 9",
            "        weight: 4",
            "      - id: standing",
            "        description: Keep credibility at 45 or more",
            f"        when: {ident}.credibility >= 45",
            "        weight: 3",
            "    red_lines:                  # a condition, and the response committed to",
            f"      - id: {ident}_no_strike",
            f"        description: No military strike by {names[rival]}",
            f"        against: {rival}",
            f"        when: played({rival}, limited_strike)",
            "        declared: true          # declared lines deter; secret ones (false) cannot",
            "        response: [show_of_force, deploy_forces, broad_sanctions]",
            "        window: 2               # turns allowed to answer before credibility suffers",
        ]
    elif role == "mediator":
        lines += [
            "    objectives:",
            "      - id: calm",
            "        description: End the crisis without a war",
            "        when: peak < 12",
            "        weight: 6",
        ]
    else:
        ally = seats[0][0]
        lines += [
            "    objectives:",
            "      - id: stand_by_ally",
            f"        description: Keep {names[ally]} in the game (its resolve above 30)",
            f"        when: {ally}.resolve > 30",
            "        weight: 4",
        ]
    if role == "mediator":
        lines.append("    withhold: [limited_strike, major_offensive, mobilisation, naval_blockade]   # moves it may not play")
    return "\n".join(lines) + "\n\n"


def _note(line: str, comment: str, show: bool) -> str:
    """``line`` with ``# comment`` aligned at column 33 when ``show``."""
    return f"{line.ljust(32)} # {comment}" if show else line


_BODY = """\
moves:
  # The standard library of moves applies (see docs/scenario-format.md).
  # withhold removes standard moves, adjust changes them, add creates new ones.
  # (request_mediation needs an actor with role: mediator; withhold it when there is none.)
  withhold: [WITHHELD]
  adjust:
    show_of_force:
      description: Warships sail past the disputed crossing.
  add:
    - id: close_crossing
      name: Close the border crossing
      category: economic          # diplomatic | economic | military
      description: Shut the crossing to trade and travellers.
      escalation: 1               # -3 (calming) to 4 (violent)
      targeted: true
      visibility: public          # public | covert
      effects:
        target: {economy: -4}
        trust: -5
      cost: {economy: 2, support: -1}   # paid by the mover; negative numbers are gains
      tags: [sanction]

terms:
  # What a proposal can contain, and what keeping it means.
  - id: joint_patrols
    text: Patrol the crossing together, with liaison officers
    requires: {move: mil_to_mil_talks, within: 2}
    value: {north: 3, south: 3}
  - id: reopen_crossing
    text: Reopen the border crossing to trade
    forbids: [close_crossing, embargo]
    value: {north: 2, south: 4}
  - id: no_new_forces
    text: Send no new forces to the border
    forbids: [deploy_forces, show_of_force, mobilisation]
    value: {north: 2, south: 2}

triggers:
  # Scripted events: a condition, a chance, once or repeating, effects, news.
  - id: opening_incident
    when: turn == 1
    news: >-
      Border guards exchange shots at the crossing. Nobody is hurt, but
      both capitals demand an explanation.
    message:
      from: south
      to: north
      text: Your guards fired first. We expect an explanation.
  - id: traders_protest
    when: turn >= 3 and played(north, close_crossing)
    chance: 0.5
    effects:
      stats:
        north: {support: -3}
    news: Traders block the capital's main square, demanding the crossing reopen.
  - id: troops_face_off
    when: rung >= 7
    effects:
      rung: 1
      trust:
        north: {south: -5}
        south: {north: -5}
    news: Armoured units face each other across the river. Villages are evacuated.

injects:
  # Events a facilitator fires by hand during a classroom game.
  - id: press_leak
    title: A leaked memo
    effects:
      stats:
        south: {support: -4}
    news: A newspaper publishes a leaked memo about the southern war plans.
"""

_MEDIATOR_INJECT = """\
  - id: council_summons
    title: The Council calls an emergency session
    effects:
      trust:
        north: {south: 5}
        south: {north: 5}
    news: The Regional Council summons both ambassadors to an emergency session.
"""

_OUTCOMES = """
outcomes:
  settlement: agreed(joint_patrols) and agreed(reopen_crossing)   # ends the game as settled
  defused_after: 2                # calm turns (at or below the ladder's defused_at rung) that defuse it
  capitulation_below: 10          # resolve or support this low means capitulation
"""
