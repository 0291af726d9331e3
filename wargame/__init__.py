"""wargame: a tabletop crisis-negotiation wargame for the terminal."""

__version__ = "0.1.0"
