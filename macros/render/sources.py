"""The source documents the site is built on."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from .component import component


def source_list(data: Dataset, links: Links) -> str:
    """Every source document with title, kind, publisher, date and what the site takes from it."""
    return component(
        "source-list.html",
        data,
        links,
        sources=sorted(data.sources, key=lambda source: source.date),
    )


def page_sources(data: Dataset, links: Links, source_ids: list[str]) -> str:
    """A 'Kilder' line naming the given sources, each linked to its entry on the sources page."""
    sources = [data.get("source", source_id) for source_id in source_ids]
    return component("page-sources.html", data, links, sources=sources)
