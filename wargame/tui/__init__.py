"""The Textual user interface: people play one or more actors against the computer.

Several sides at one terminal take turns behind a hand-over screen
(hot-seat); a facilitator may watch everything and intervene.

Nothing in this package holds a game rule. Screens and widgets show an
``ActorView`` and hand decisions to ``Game.apply``; computer players think in
a worker thread. The App is built by ``wargame.tui.app.build_app``.
"""
