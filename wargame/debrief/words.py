"""Small wording helpers shared by the parts of the report that write sentences."""

from __future__ import annotations


def possessive(name: str) -> str:
    """"Cuba's", "the United States'"."""
    return name + ("'" if name.endswith("s") else "'s")
