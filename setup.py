"""Only for what pyproject.toml cannot say: ship the top-level scenarios/ folder as a package.

The shipped scenarios live in scenarios/ at the top of the repository (where
authors and the tests find them); installed, they become the package
``wargame.bundled_scenarios`` so `wargame list` finds them anywhere.
"""

from setuptools import find_namespace_packages, setup

packages = find_namespace_packages(include=["wargame", "wargame.*"], exclude=["*.__pycache__"])
setup(packages=packages + ["wargame.bundled_scenarios"])
