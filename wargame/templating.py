"""HTML and SVG for the reports, written by Jinja2 templates with autoescaping on.

Scenario and save text comes from strangers, so nothing from it may reach
a page unescaped: the templates (``wargame/templates``) escape every value
they print, and the charts are values too, ``Element`` trees that the
``svg.html.j2`` macro writes, so their labels and tooltips are escaped the
same way. Python code works out the content and the geometry; no Python
code writes markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined


@dataclass(frozen=True)
class Element:
    """One SVG element: its attributes in order, its text, a ``<title>`` tooltip and its children."""

    tag: str
    attrs: tuple[tuple[str, object], ...]
    text: str = ""
    title: str | None = None
    children: tuple[Element, ...] = ()


def el(tag: str, attrs: Mapping[str, object], text: object = "", title: str | None = None,
       children: tuple[Element, ...] = ()) -> Element:
    """``el("rect", {"x": 3, "fill": "#fff"}, title="tooltip")``; attributes keep the order given."""
    return Element(tag, tuple(attrs.items()), str(text), title, children)


def render(template: str, **context: object) -> str:
    """The template ``wargame/templates/<template>`` filled with ``context``, everything printed escaped."""
    env = Environment(loader=PackageLoader("wargame", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template(template).render(**context)
