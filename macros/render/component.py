"""Render one component template with what every component needs."""

from __future__ import annotations

from typing import Any

from ..links import Links
from ..loader import Dataset
from .core import render
from .abbreviations import titles_of


def component(template: str, data: Dataset, links: Links, **context: Any) -> str:
    """Render `template` with the page's links and the site's abbreviations."""
    return render(template, links=links, abbreviations=titles_of(data.terms), **context)
