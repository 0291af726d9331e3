"""``wargame graph [SCENARIO] [--format mermaid|dot] [--only WHICH]``: the rules as diagrams.

Three diagrams: the turn machine (briefing → … → aftermath), the crisis
machine (the ladder's bands, with their thresholds, and the outcomes) and,
for a scenario, its dependency graph: which triggers, red lines,
objectives, terms and moves depend on which.

The two machines are read from the engine's own ``transitions`` machines
(``wargame.engine.phases``), so the picture cannot drift from the rules.
They are drawn here rather than by ``transitions.extensions.diagrams``
because its Mermaid output (which does work without Graphviz) can neither
name the bands nor group them, and the dependency graph needs a renderer
anyway; ``dot`` text needs no Graphviz either, only to be turned into an
image.

Several Mermaid diagrams are printed as Markdown (a heading and a
```` ```mermaid ```` block each), which GitHub and most editors render;
``--only`` prints one bare diagram, for ``mmdc`` or ``dot``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from wargame.markdown_text import inline

WHICH = ("turn", "crisis", "dependencies")
BAND_COLOURS = {
    "green": "#d9f2d9", "yellow": "#fff4c2", "orange": "#ffe0b8",
    "red": "#ffc9c9", "magenta": "#f5c8f0", "purple": "#e0d0f5",
}
OUTCOME_COLOUR = "#e8e8e8"
KIND_STYLE = {  # dependency-graph node kinds: (mermaid shape, dot shape, fill)
    "trigger": ("[[{}]]", "box", "#fff4c2"),
    "red_line": ("{{{{{}}}}}", "hexagon", "#ffc9c9"),
    "objective": ("([{}])", "ellipse", "#d9f2d9"),
    "term": ("[/{}/]", "parallelogram", "#d6e6ff"),
    "move": ("[{}]", "box", "#ffffff"),
    "settlement": ("((({})))", "doublecircle", "#e0d0f5"),
}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "graph",
        help="draw the phase machines (and a scenario's dependencies) as Mermaid or dot",
        description="Draw the turn and crisis phase machines and, given a scenario, its dependency graph "
        "(triggers, red lines, objectives, terms, moves). Mermaid output of several diagrams is Markdown; "
        "--only prints one bare diagram.",
    )
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO",
                        help="scenario name or file (default: the machines for the default ladder only)")
    parser.add_argument("--format", choices=("mermaid", "dot"), default="mermaid", help="output format (default mermaid)")
    parser.add_argument("--only", choices=WHICH, help="print just this diagram, bare")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from wargame.commands._args import emit
    from wargame.errors import WargameError

    scenario = None
    if args.scenario:
        from wargame.catalog import resolve
        from wargame.scenario.loader import load_scenario

        scenario = load_scenario(resolve(args.scenario))
    if args.only == "dependencies" and scenario is None:
        raise WargameError("the dependency graph needs a SCENARIO")
    diagrams = build(scenario, args.only)
    emit(render(diagrams, args.format, bare=args.only is not None), args.output)
    return 0


# ------------------------------------------------------------------ a diagram, independent of format


@dataclass
class Node:
    id: str
    label: str
    shape: str = "box"  # box | start | final | or a KIND_STYLE kind
    fill: str | None = None


@dataclass
class Edge:
    source: str
    dest: str
    label: str = ""
    dashed: bool = False


@dataclass
class Diagram:
    name: str
    title: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    group: tuple[str, str, tuple[str, ...]] | None = None  # (id, label, member node ids)
    note: str = ""  # printed as a comment


def build(scenario=None, only: str | None = None) -> list[Diagram]:
    from wargame.scenario.loader import default_ladder

    ladder = scenario.ladder if scenario is not None else default_ladder()
    diagrams = []
    if only in (None, "turn"):
        diagrams.append(turn_diagram())
    if only in (None, "crisis"):
        diagrams.append(crisis_diagram(ladder))
    if scenario is not None and only in (None, "dependencies"):
        diagrams.append(dependency_diagram(scenario))
    return diagrams


def _transitions(machine) -> list[tuple[str, str, str, list[str]]]:
    """(trigger, source, dest, guards) for every transition of a transitions Machine, in declaration order."""
    rows = []
    for name, event in machine.events.items():
        for source, transitions in event.transitions.items():
            for t in transitions:
                guards = [c.func if c.target else f"not {c.func}" for c in t.conditions]
                rows.append((name, source, t.dest, [g if isinstance(g, str) else g.__name__ for g in guards]))
    return rows


def turn_diagram() -> Diagram:
    from wargame.engine.phases import turn_machine

    machine = turn_machine()
    diagram = Diagram("turn", "The turn machine")
    diagram.nodes.append(Node("start", "", "start"))
    diagram.nodes += [Node(f"s_{name}", name) for name in machine.states]
    diagram.edges.append(Edge("start", f"s_{machine.initial}"))
    for trigger, source, dest, guards in _transitions(machine):
        label = trigger + (f" [{', '.join(guards)}]" if guards else "")
        diagram.edges.append(Edge(f"s_{source}", f"s_{dest}", label))
    return diagram


def crisis_diagram(ladder) -> Diagram:
    """Bands (named, with their rungs and colours) and outcomes; endings drawn once from the group."""
    from wargame.engine.phases import crisis_machine

    bands = {band.id: band for band in ladder.bands}
    machine = crisis_machine(tuple(bands))
    diagram = Diagram("crisis", "The crisis machine")
    diagram.nodes.append(Node("start", "", "start"))
    first = 0
    live = []
    for band in ladder.bands:
        rungs = f"rungs {first}–{first + len(band.rungs) - 1}"
        first += len(band.rungs)
        if band.id in machine.states and not getattr(machine.states[band.id], "final", False):
            live.append(f"s_{band.id}")
            diagram.nodes.append(Node(f"s_{band.id}", f"{band.name}\n{rungs}", fill=BAND_COLOURS.get(band.color)))
    war_band = ladder.bands[-1]
    for name in machine.states:
        if f"s_{name}" not in live:
            label = f"{name}\n{war_band.name}" if name == "war" else name
            diagram.nodes.append(Node(f"s_{name}", label, "final", OUTCOME_COLOUR))
    diagram.group = ("live", "crisis in progress", tuple(live))
    rung = 0  # a game starts in the band of the ladder's starting rung, not always the machine's first state
    for band in ladder.bands:
        if ladder.start < rung + len(band.rungs):
            break
        rung += len(band.rungs)
    diagram.edges.append(Edge("start", f"s_{band.id}", f"starts at rung {ladder.start}"))
    endings: dict[tuple[str, str], set[str]] = {}
    for trigger, source, dest, _guards in _transitions(machine):
        if trigger in ("escalate", "deescalate"):
            band = bands[source] if trigger == "escalate" else bands[dest]
            verb = "crosses" if trigger == "escalate" else "back below"
            label = f"{trigger}\n{verb} “{band.threshold}”" if band.threshold else trigger
            diagram.edges.append(Edge(f"s_{source}", f"s_{dest}", label, dashed=trigger == "deescalate"))
        else:
            endings.setdefault((trigger, dest), set()).add(f"s_{source}")
    for (trigger, dest), sources in endings.items():
        if sources == set(live):
            diagram.edges.append(Edge("live", f"s_{dest}", trigger))
        else:
            diagram.edges += [Edge(source, f"s_{dest}", trigger) for source in sorted(sources)]
    return diagram


def dependency_diagram(scenario) -> Diagram:
    """What depends on what: an arrow goes from a thing to what it enables, triggers or constrains."""
    spec = scenario.spec
    diagram = Diagram("dependencies", f"Dependencies in {spec.title}")
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []

    def node(kind: str, ident: str, label: str | None = None) -> str:
        key = f"{kind}_{ident}"
        if key not in nodes:
            nodes[key] = Node(key, label or f"{kind.replace('_', ' ')}: {ident}", kind, KIND_STYLE[kind][2])
        return key

    def link(source: str, dest: str, label: str, dashed: bool = False) -> None:
        edges.append(Edge(source, dest, label, dashed))

    for key, condition in scenario.conditions.items():
        kind = key[0]
        if kind == "objective":
            dependent = node("objective", f"{key[1]}_{key[2]}", f"objective: {key[1]}.{key[2]}")
        elif kind == "settlement":
            dependent = node("settlement", "settlement", "settlement")
        elif kind == "move":
            dependent = node("move", key[1])
        else:
            dependent = node(kind, key[1])
        refs = condition.references
        for move in sorted(refs.moves):
            link(node("move", move), dependent, "played")
        for line in sorted(refs.red_lines):
            link(node("red_line", line), dependent, "crossed")
        for trigger in sorted(refs.triggers):
            link(node("trigger", trigger), dependent, "fired")
        for term in sorted(refs.terms):
            link(node("term", term), dependent, "agreed")
    for actor in spec.actors:
        for line in actor.red_lines:
            source = node("red_line", line.id, f"red line: {line.id} ({actor.id})")
            for move in line.response:
                link(source, node("move", move), "answered by", dashed=True)
    for term in spec.terms:
        source = node("term", term.id)
        for move in term.forbids:
            link(source, node("move", move), "forbids", dashed=True)
        if term.requires:
            link(source, node("move", term.requires.move), f"requires within {term.requires.within}", dashed=True)
    for trigger in spec.triggers:
        for move in trigger.effects.unlock:
            link(node("trigger", trigger.id), node("move", move), "unlocks")
    kinds = list(KIND_STYLE)
    linked = {e.source for e in edges} | {e.dest for e in edges}
    diagram.nodes = sorted((n for n in nodes.values() if n.id in linked), key=lambda n: (kinds.index(n.shape), n.id))
    diagram.edges = list({(e.source, e.dest, e.label): e for e in edges}.values())
    loose = sorted(n.label for n in nodes.values() if n.id not in linked)
    if loose:  # conditions on rung, turn and stats only: nothing in the scenario leads to them
        diagram.note = "depending on nothing drawn here: " + ", ".join(loose)
    return diagram


# ------------------------------------------------------------------ rendering


def render(diagrams: list[Diagram], fmt: str, bare: bool = False) -> str:
    one = to_mermaid if fmt == "mermaid" else to_dot
    if bare or fmt == "dot":
        return "\n".join(one(d) for d in diagrams)
    return "\n".join(f"## {inline(d.title)}\n\n```mermaid\n{one(d)}```\n" for d in diagrams)


def _mermaid_text(text: str) -> str:
    """A quoted Mermaid label: scenario names are text, so ``<`` and ``>`` are Mermaid's entity codes, not HTML."""
    return text.replace('"', "'").replace("<", "#60;").replace(">", "#62;").replace("\n", "<br/>")


def to_mermaid(diagram: Diagram) -> str:
    lines = ["flowchart LR"]
    if diagram.note:
        lines.append(f"  %% {diagram.note}")
    grouped = set(diagram.group[2]) if diagram.group else set()

    def declare(node: Node) -> str:
        label = _mermaid_text(node.label)
        if node.shape == "start":
            return f"{node.id}(( ))"
        if node.shape == "final":
            return f'{node.id}((("{label}")))'
        if node.shape in KIND_STYLE:
            return node.id + KIND_STYLE[node.shape][0].format(f'"{label}"')
        return f'{node.id}["{label}"]'

    for node in diagram.nodes:
        if node.id not in grouped:
            lines.append(f"  {declare(node)}")
    if diagram.group:
        group_id, label, _members = diagram.group
        lines.append(f'  subgraph {group_id}["{_mermaid_text(label)}"]')
        lines.append("    direction LR")
        lines += [f"    {declare(n)}" for n in diagram.nodes if n.id in grouped]
        lines.append("  end")
    for edge in diagram.edges:
        arrow = "-.->" if edge.dashed else "-->"
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"  {edge.source} {arrow}{label} {edge.dest}")
    for node in diagram.nodes:
        if node.fill:
            lines.append(f"  style {node.id} fill:{node.fill},stroke:#555")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def to_dot(diagram: Diagram) -> str:
    lines = [f'digraph "{diagram.name}" {{', f'  label="{_dot_text(diagram.title)}";', "  labelloc=t;",
             "  rankdir=LR;", "  compound=true;", '  node [shape=box, style="rounded,filled", fillcolor=white];']
    if diagram.note:
        lines.insert(1, f"  // {diagram.note}")
    grouped = set(diagram.group[2]) if diagram.group else set()

    def declare(node: Node) -> str:
        attrs = {"label": _dot_text(node.label)}
        if node.shape == "start":
            attrs.update(shape="point", width="0.2", label="")
        elif node.shape == "final":
            attrs["shape"] = "doublecircle"
        elif node.shape in KIND_STYLE:
            attrs["shape"] = KIND_STYLE[node.shape][1]
        if node.fill:
            attrs["fillcolor"] = node.fill
        return f'{node.id} [{", ".join(f"{k}={_quoted(v)}" for k, v in attrs.items())}];'

    for node in diagram.nodes:
        if node.id not in grouped:
            lines.append(f"  {declare(node)}")
    anchor = {}
    if diagram.group:
        group_id, label, members = diagram.group
        lines.append(f"  subgraph cluster_{group_id} {{")
        lines.append(f'    label="{_dot_text(label)}"; style=dashed;')
        lines += [f"    {declare(n)}" for n in diagram.nodes if n.id in grouped]
        lines.append("  }")
        anchor[group_id] = members[-1] if members else group_id
    for edge in diagram.edges:
        attrs = {}
        source = edge.source
        if source in anchor:  # an edge from the whole group: start at one member, clip at the cluster
            source, attrs["ltail"] = anchor[source], f"cluster_{edge.source}"
        if edge.label:
            attrs["label"] = _dot_text(edge.label)
        if edge.dashed:
            attrs["style"] = "dashed"
        suffix = f' [{", ".join(f"{k}={_quoted(v)}" for k, v in attrs.items())}]' if attrs else ""
        lines.append(f"  {source} -> {edge.dest}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return f'"{value}"'
