"""``wargame study``: what the model teaches, measured with paired, seeded experiments.

Each lesson of crisis diplomacy is an experiment: two versions of a scenario
that differ by one documented edit of its data (``edits``), played over every
doctrine pairing with the same seeds (``runner``), compared game by game
(``stats``) and judged against the direction the literature expects
(``lessons``). The engine never knows that an experiment runs: each version
is ordinary scenario text loaded by the ordinary loader.
"""
