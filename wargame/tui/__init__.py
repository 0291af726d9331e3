"""The Textual user interface: one human plays one actor against the computer.

Nothing in this package holds a game rule. Screens and widgets show an
``ActorView`` and hand decisions to ``Game.apply``; computer players think in
a worker thread. The App is built by ``wargame.tui.app.build_app``.
"""
