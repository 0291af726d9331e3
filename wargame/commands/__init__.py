"""Subcommands of ``wargame``; every module here is one command (see ``wargame.cli``)."""
