"""docs/authoring-guide.md says only what is true today.

- every ```yaml block is preceded by a ``File: [...](examples/NAME.yaml)`` line and equals that file;
- every ```diff block is preceded by a ``Changes from [...] to [...]`` line and equals the diff of those files;
- every ``$ wargame ...`` command in a ```console block parses, and where output follows it, running the
  command prints exactly that output (validate and new);
- every example file is shown or named in the guide; each loads (or fails) as the guide says, and the
  last one, the balanced scenario, has no warnings.
"""

from __future__ import annotations

import difflib
import re
import shlex

import pytest

from tests.support import ROOT
from wargame.cli import build_parser, main
from wargame.scenario.loader import check_scenario

GUIDE = ROOT / "docs" / "authoring-guide.md"
EXAMPLES = ROOT / "docs" / "examples"
FINAL = "06-balanced.yaml"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)
FILE_LINE = re.compile(r"^File: \[`docs/examples/([\w.-]+)`\]\(examples/\1\)$")
DIFF_LINE = re.compile(
    r"^Changes from \[`docs/examples/([\w.-]+)`\]\(examples/\1\) to \[`docs/examples/([\w.-]+)`\]\(examples/\2\):$")


def blocks(language: str) -> list[tuple[str, str]]:
    """(the last non-empty line before the block, the block's text) for each block in ``language``."""
    text = GUIDE.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if match.group(1) == language:
            before = [line for line in text[:match.start()].splitlines() if line.strip()]
            found.append((before[-1] if before else "", match.group(2)))
    return found


def test_the_guide_has_examples_of_each_kind():
    assert len(blocks("yaml")) >= 4
    assert len(blocks("diff")) == 2
    assert len(blocks("console")) >= 6


@pytest.mark.parametrize("index", range(len(blocks("yaml"))))
def test_yaml_block_is_the_named_file(index):
    label, body = blocks("yaml")[index]
    match = FILE_LINE.match(label)
    assert match, f"yaml block {index} must follow a 'File: [`docs/examples/NAME.yaml`](examples/NAME.yaml)' line"
    assert body == (EXAMPLES / match.group(1)).read_text(encoding="utf-8")


@pytest.mark.parametrize("index", range(len(blocks("diff"))))
def test_diff_block_is_the_diff_of_the_named_files(index):
    label, body = blocks("diff")[index]
    match = DIFF_LINE.match(label)
    assert match, f"diff block {index} must follow a 'Changes from [...] to [...]:' line"
    old, new = (EXAMPLES / match.group(1)), (EXAMPLES / match.group(2))
    diff = difflib.unified_diff(
        old.read_text(encoding="utf-8").splitlines(), new.read_text(encoding="utf-8").splitlines(),
        f"docs/examples/{old.name}", f"docs/examples/{new.name}", lineterm="")
    assert body == "\n".join(diff) + "\n"


def commands() -> list[tuple[str, list[str]]]:
    """Every ``$ wargame`` command in a console block, with the output lines printed after it."""
    found = []
    for _, body in blocks("console"):
        for chunk in re.split(r"^(?=\$ )", body, flags=re.M):
            if chunk.strip():
                first, *output = chunk.rstrip("\n").split("\n")
                assert first.startswith("$ wargame "), f"console blocks hold wargame commands: {first!r}"
                found.append((first[2:], output))
    return found


@pytest.mark.parametrize("command, output", commands(), ids=[c for c, _ in commands()])
def test_console_command_runs_as_shown(command, output, tmp_path, monkeypatch, capsys):
    argv = shlex.split(command)[1:]
    build_parser().parse_args(argv)  # every command shown is one the program accepts
    if not output:
        return
    assert argv[0] in ("validate", "new"), "only validate and new have output shown, and it is checked"
    monkeypatch.chdir(ROOT if argv[0] == "validate" else tmp_path)
    status = main(argv)
    printed = capsys.readouterr().out.rstrip("\n").split("\n")
    assert printed == output
    assert status == 0 if "invalid" not in output[-1] else status == 1


def test_every_example_is_in_the_guide():
    text = GUIDE.read_text(encoding="utf-8")
    files = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
    assert files and all(f"docs/examples/{name}" in text for name in files)
    named = set(re.findall(r"docs/examples/([\w.-]+\.yaml)", text))
    assert named <= set(files)


@pytest.mark.parametrize("name", sorted(path.name for path in EXAMPLES.glob("*.yaml")))
def test_example_loads_as_the_guide_says(name):
    """Each example either loads (valid) or is an error example whose output the guide shows."""
    loaded, diagnostics = check_scenario(EXAMPLES / name)
    shown = [output for command, output in commands() if command == f"wargame validate docs/examples/{name}"]
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        assert loaded is None and shown, f"{name} is invalid, so the guide must show why"
    else:
        assert loaded is not None
    if name == FINAL:
        assert diagnostics == []


def test_the_final_example_plays_to_an_end_with_every_doctrine():
    from wargame.ai import doctrine_names
    from wargame.ai.autoplay import play_to_end
    from wargame.engine import Game

    loaded, _ = check_scenario(EXAMPLES / FINAL)
    for seed, doctrine in enumerate(doctrine_names()):
        game = play_to_end(Game(loaded, seed), {actor: doctrine for actor in loaded.actor_ids})
        assert game.outcome is not None and game.outcome.turn <= loaded.spec.turns
