"""The Textual user interface: people play one or more actors against the computer.

Several sides at one terminal take turns behind a hand-over screen
(hot-seat); a facilitator may watch everything and intervene.

Nothing in this package holds a game rule. Screens and widgets show views
(an ``ActorView`` for a side, the ``FacilitatorView`` in the white cell) and
hand decisions to the ``Session``, the one module that touches ``Game``;
computer players think in a worker thread. The App is built by
``wargame.tui.app.build_app``.
"""
